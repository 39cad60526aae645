import { cellIndex, parseA1 } from './grid';
import { bySeverity, type Severity } from './severity';

/** The findings contract (shared/FINDINGS.md): one finding type for every host. */

export type { Severity };

export type FindingCode =
  | 'WEIGHT_MISMATCH'
  | 'SCORE_OUT_OF_RANGE'
  | 'SCORE_TOTAL_MISMATCH'
  | 'SUMMARY_MISMATCH'
  | 'GRADE_MISMATCH'
  | 'MISSING_REASON'
  | 'SUM_MISMATCH'
  | 'RULE_SCORE_DIFFERS'
  | 'TEXT_NUMBER'
  | 'NO_SCORE_TABLE'
  // Codes added by this product (FINDINGS.md allows new ones).
  | 'MISSING_SCORE'
  | 'EMPTY_INDICATOR'
  | 'FORMULA_NO_VALUE'
  | 'FILE_DAMAGED';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address; for a merged area its top-left cell. */
  cell: string;
  /** Chinese, for a finance clerk: what is wrong, the numbers, what to do. */
  message: string;
  expected?: string;
  actual?: string;
}

/** Severity of every code whose severity does not depend on the case. */
export const SEVERITY: Record<Exclude<FindingCode, 'RULE_SCORE_DIFFERS'>, Severity> = {
  WEIGHT_MISMATCH: 'error',
  SCORE_OUT_OF_RANGE: 'error',
  SCORE_TOTAL_MISMATCH: 'error',
  SUMMARY_MISMATCH: 'error',
  GRADE_MISMATCH: 'error',
  MISSING_REASON: 'error',
  SUM_MISMATCH: 'error',
  TEXT_NUMBER: 'info',
  NO_SCORE_TABLE: 'warning',
  MISSING_SCORE: 'warning',
  EMPTY_INDICATOR: 'warning',
  FORMULA_NO_VALUE: 'warning',
  FILE_DAMAGED: 'warning',
};

export function finding(
  code: Exclude<FindingCode, 'RULE_SCORE_DIFFERS'>,
  sheet: string,
  cell: string,
  message: string,
  values: { expected?: string; actual?: string } = {},
): Finding {
  return { code, severity: SEVERITY[code], sheet, cell, message, ...values };
}

/** RULE_SCORE_DIFFERS: an error when every input is in the workbook, a warning when one was taken as 0. */
export function ruleScoreFinding(
  complete: boolean,
  sheet: string,
  cell: string,
  message: string,
  values: { expected: string; actual: string },
): Finding {
  return { code: 'RULE_SCORE_DIFFERS', severity: complete ? 'error' : 'warning', sheet, cell, message, ...values };
}

/** Errors first, then by sheet order as given, row, column. One finding per code and cell. */
export function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.code}|${f.sheet}|${f.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const pos = (cell: string) => {
    const { row, col } = parseA1(cell);
    return cellIndex(row, col);
  };
  return unique.sort((a, b) => bySeverity(a, b) || sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || pos(a.cell) - pos(b.cell));
}
