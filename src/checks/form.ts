import type { CellReader } from '../cells';
import { Dec, show } from '../decimal';
import { finding, type Finding } from '../findings';
import type { Sheet } from '../grid';
import { messages } from '../messages';
import { normalizeLabel } from '../text';
import { GRADE_LABEL, GRADES, SUMMARY_LABEL } from '../vocabulary';
import { findLabelled } from '../detect/labelled';
import { equalAsShown } from '../compare';

/** The grade a score earns: 优 ≥90, 良 ≥80, 中 ≥60, else 差. */
export function gradeOf(score: Dec): string {
  return GRADES.find((g) => score.gte(g.min))!.grade;
}

/** The grade a clerk wrote, in its short form, or undefined when it is not a grade word. */
export function readGrade(text: string): string | undefined {
  const word = normalizeLabel(text);
  return GRADES.find((g) => g.spellings.includes(word))?.grade;
}

/**
 * A row of column headings (项目名称 | 综合得分 | 评价等级 | 备注) rather than a form's fields: a heading there is followed by
 * another heading, not by a value to check. A form's row holds a label and its value, at most two such pairs.
 */
function isHeadingRow(sheet: Sheet, row: number): boolean {
  let texts = 0;
  for (let col = 0; col < sheet.colCount; col++) {
    if (sheet.startsAt(row, col) && typeof sheet.value(row, col) === 'string' && !sheet.isEmpty(row, col)) texts++;
  }
  return texts >= 3;
}

export interface ScoreTotal {
  sheet: string;
  value: Dec;
}

/**
 * SUMMARY_MISMATCH (综合得分 vs the 评分表's total) and GRADE_MISMATCH (评价等次 vs the score) on every form
 * in the workbook.
 */
export function checkSummaryAndGrade(sheets: readonly Sheet[], reader: CellReader, tableTotal: ScoreTotal | undefined): Finding[] {
  const out: Finding[] = [];
  let summary: Dec | undefined;
  for (const sheet of sheets) {
    for (const field of findLabelled(sheet, SUMMARY_LABEL)) {
      const { row, col } = field.valueCell;
      const amount = reader.amount(sheet, row, col);
      const cell = sheet.address(row, col);
      if (amount.kind === 'invalid' && !isHeadingRow(sheet, row)) {
        out.push(finding('SUMMARY_MISMATCH', sheet.name, cell, messages.summaryNotNumber(amount.text)));
      } else if (amount.kind === 'number') {
        summary ??= amount.value;
        if (tableTotal && !equalAsShown(amount, { value: tableTotal.value, decimals: tableTotal.value.decimalPlaces() })) {
          out.push(
            finding('SUMMARY_MISMATCH', sheet.name, cell, messages.summaryMismatch(amount.value, tableTotal.value, tableTotal.sheet), {
              expected: show(tableTotal.value),
              actual: show(amount.value),
            }),
          );
        }
      }
    }
  }
  const score = summary ?? tableTotal?.value;
  if (!score) return out;
  const expected = gradeOf(score);
  for (const sheet of sheets) {
    for (const field of findLabelled(sheet, GRADE_LABEL)) {
      const { row, col } = field.valueCell;
      const text = sheet.text(row, col);
      const cell = sheet.address(row, col);
      const grade = readGrade(text);
      if (!grade && isHeadingRow(sheet, row)) continue;
      if (!text) {
        out.push(finding('GRADE_MISMATCH', sheet.name, cell, messages.gradeMissing(score, expected), { expected }));
      } else if (grade !== expected) {
        out.push(finding('GRADE_MISMATCH', sheet.name, cell, messages.gradeMismatch(text, score, expected), { expected, actual: text }));
      }
    }
  }
  return out;
}
