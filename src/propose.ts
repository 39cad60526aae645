import type { Evaluation } from './evaluate';

/** A 自评得分 (and, when points are lost, a 扣分原因) the rule engine computed for a row of a 评分表. */
export interface ProposedScore {
  sheet: string;
  /** A1 address of the score cell. */
  scoreCell: string;
  /** A1 address of the 扣分原因 cell, where the table has that column. */
  reasonCell?: string;
  indicator: string;
  /** Decimal string, as FINDINGS.md writes numbers. */
  score: string;
  /** Empty when the full points are earned: a full score needs no reason. */
  reason: string;
  /** How the inputs were computed, with the cells they come from. */
  basis: string;
}

export function proposal(sheet: { name: string; address(row: number, col: number): string }, e: Evaluation): ProposedScore {
  const scoreCell = e.unit.scoreCells[0];
  const reasonCell = e.unit.reasonCells[0];
  return {
    sheet: sheet.name,
    scoreCell: sheet.address(scoreCell.row, scoreCell.col),
    ...(reasonCell ? { reasonCell: sheet.address(reasonCell.row, reasonCell.col) } : {}),
    indicator: e.unit.label.name,
    score: e.score.toDecimalPlaces(2).toFixed(),
    reason: e.score.lt(e.rule.max) ? e.reason : '',
    basis: e.inputs,
  };
}

/** A cell a fill writes: the score as a number, the reason as text. */
export interface FillTarget {
  sheet: string;
  cell: string;
  value: number | string;
}

/** What 填写自评得分 writes for some proposals: every score, and the reason where there is one and a column for it. */
export function fillTargets(proposals: readonly ProposedScore[]): FillTarget[] {
  return proposals.flatMap((p) => [
    { sheet: p.sheet, cell: p.scoreCell, value: Number(p.score) },
    ...(p.reason && p.reasonCell ? [{ sheet: p.sheet, cell: p.reasonCell, value: p.reason }] : []),
  ]);
}
