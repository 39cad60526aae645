import { CellReader } from './cells';
import { checkSummaryAndGrade, type ScoreTotal } from './checks/form';
import { checkScoreTable } from './checks/score-table';
import { checkIdentity } from './checks/sums';
import { detectBaseData } from './detect/base-data';
import { detectScoreTables, type ScoreTable } from './detect/score-table';
import { detectUnitTables } from './detect/unit-table';
import { finding, sortFindings, type Finding } from './findings';
import { Sheet, toA1, type WorkbookGrid } from './grid';
import { messages } from './messages';

/** What was recognised where, for reports and hosts that outline the tables. */
export interface DetectedTable {
  sheet: string;
  kind: 'score-table' | 'money-table';
  /** A1 range of the rows it covers. */
  range: string;
}

export interface CheckResult {
  findings: Finding[];
  tables: DetectedTable[];
  /** The 评分表's 总分 (as entered, else computed), as a decimal string. */
  totalScore?: string;
}

function tableRange(table: ScoreTable): string {
  const lastCol = Math.max(...Object.values(table.columns).filter((c): c is number => c !== undefined));
  return `${toA1(table.headerRow, 0)}:${toA1(table.lastRow, lastCol)}`;
}

/** The whole check of a workbook: every table on every sheet, then the form against the 评分表. */
export function checkWorkbook(workbook: WorkbookGrid): CheckResult {
  const sheets = workbook.sheets.map((g) => new Sheet(g));
  const reader = new CellReader();
  const findings: Finding[] = [];
  const tables: DetectedTable[] = [];
  let mainTotal: ScoreTotal | undefined;
  let mainUnits = 0;

  for (const sheet of sheets) {
    for (const table of detectScoreTables(sheet)) {
      const result = checkScoreTable(table, reader);
      findings.push(...result.findings);
      tables.push({ sheet: sheet.name, kind: 'score-table', range: tableRange(table) });
      // The form's 综合得分 answers to the largest 评分表 of the workbook.
      if (result.totalScore && table.units.length > mainUnits) {
        mainTotal = { sheet: sheet.name, value: result.totalScore };
        mainUnits = table.units.length;
      }
    }
    const identities = [...detectUnitTables(sheet), ...detectBaseData(sheet)];
    for (const id of identities) findings.push(...checkIdentity(sheet, reader, id));
    if (identities.length) {
      const rows = identities.flatMap((id) => [id.total.row, ...id.parts.map((p) => p.cell.row)]);
      tables.push({ sheet: sheet.name, kind: 'money-table', range: `${toA1(Math.min(...rows), 0)}:${toA1(Math.max(...rows), 0)}` });
    }
  }
  findings.push(...checkSummaryAndGrade(sheets, reader, mainTotal));
  findings.push(...reader.findings());

  if (!tables.length) {
    const first = sheets[0];
    const empty = !first || sheets.every((s) => s.rowCount === 0);
    findings.push(finding('NO_SCORE_TABLE', first?.name ?? '', 'A1', empty ? messages.emptyWorkbook() + messages.noScoreTable() : messages.noScoreTable()));
  }
  return {
    findings: sortFindings(findings, sheets.map((s) => s.name)),
    tables,
    ...(mainTotal ? { totalScore: mainTotal.value.toFixed() } : {}),
  };
}
