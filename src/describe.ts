import type { Sheet } from './grid';
import { DEPARTMENT_LABEL } from './vocabulary';

const YEAR = /(20\d{2})年/g;
/** "2020年昆明市东川区委办公室部门整体支出绩效评价评分情况" → 昆明市东川区委办公室. */
const TITLE = /^20\d{2}年度?(.{4,40}?)(?:部门)?整体支出/;
/** "填报单位： 中共邵阳市北塔区委办公室" in one cell. */
const INLINE = /^(预算单位名称|填报单位|单位名称|部门名称|部门\(单位\)名称):(\S.*)$/;

/**
 * The department and year a workbook speaks of, for a reviewer's summary: a labelled name, else a title; the latest
 * year its short texts name. Read from the labels the detectors already folded, so it costs one pass.
 */
export function describeWorkbook(sheets: readonly Sheet[]): { department?: string; year?: number } {
  let department: string | undefined;
  let titled: string | undefined;
  let year = 0;
  for (const sheet of sheets) {
    for (const { row, col, label } of sheet.textCells()) {
      if (!label) continue;
      if (label.includes('年')) for (const m of label.matchAll(YEAR)) year = Math.max(year, Number(m[1]));
      if (department) continue;
      const inline = INLINE.exec(label);
      if (inline) department = inline[2];
      else if (DEPARTMENT_LABEL.test(label)) department = nextText(sheet, row, col);
      titled ??= TITLE.exec(label)?.[1];
    }
  }
  department ??= titled;
  return { ...(department ? { department } : {}), ...(year ? { year } : {}) };
}

function nextText(sheet: Sheet, row: number, col: number): string | undefined {
  for (let c = (sheet.mergeAt(row, col)?.right ?? col) + 1; c < sheet.colCount; c++) {
    const text = sheet.text(row, c);
    if (text) return text;
  }
  return undefined;
}
