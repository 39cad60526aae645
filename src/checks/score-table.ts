import type { CellReader } from '../cells';
import { Dec, show } from '../decimal';
import type { Finding } from '../findings';
import { messages } from '../messages';
import type { IndicatorNode, ScoreTable, ScoringUnit } from '../detect/score-table';
import { TableReader } from '../detect/table-reader';
import { equalAsShown, isNumber, total, type NumberAmount, type Shown } from '../compare';

export interface ScoreTableCheck {
  findings: Finding[];
  /** The 总分 as entered in the total row, when it is a number. */
  enteredTotal?: Dec;
  /** The 总分 as the indicator scores add up; undefined when a score is unreadable. */
  computedTotal?: Dec;
}

function checkWeights(t: TableReader, node: IndicatorNode, out: Finding[]): void {
  const inLabel = t.labelPoints(node);
  const inColumn = t.columnPoints(node);
  if (inLabel && inColumn && !equalAsShown(inLabel, inColumn)) {
    out.push(t.at('WEIGHT_MISMATCH', node.labelCell, messages.labelPointsMismatch(node.label.name, inLabel.value, inColumn.value), {
      expected: show(inColumn.value),
      actual: show(inLabel.value),
    }));
  }
  if (node.kind === 'unit') return;
  const declared = inLabel ?? inColumn;
  const children = t.childrenPoints(node);
  if (declared && !children) {
    out.push(t.at('EMPTY_INDICATOR', node.labelCell, messages.emptyIndicator(node.label.name, declared.value)));
  } else if (declared && children && !equalAsShown(declared, children.sum)) {
    const childLevel = node.children.some((c) => c.kind === 'group' && c.label.points !== undefined) ? 2 : 3;
    out.push(
      t.at('WEIGHT_MISMATCH', node.labelCell, messages.weightMismatch(node.level, node.label.name, declared.value, children.sum.value, children.parts, childLevel), {
        expected: show(children.sum.value),
        actual: show(declared.value),
      }),
    );
  }
  node.children.forEach((child) => checkWeights(t, child, out));
}

/** Range, presence and 扣分原因 of one unit's score; returns the unit's score when it is readable. */
function checkUnitScore(t: TableReader, unit: ScoringUnit, out: Finding[]): NumberAmount[] | undefined {
  const points = t.points(unit);
  const scores: NumberAmount[] = [];
  for (const cell of unit.scoreCells) {
    const a = t.amount(cell);
    if (a.kind === 'invalid') {
      out.push(t.at('SCORE_OUT_OF_RANGE', cell, messages.scoreNotNumber(unit.label.name, a.text)));
      return undefined;
    }
    if (isNumber(a)) {
      if (a.value.isNegative()) out.push(t.at('SCORE_OUT_OF_RANGE', cell, messages.scoreNegative(unit.label.name, a.value), { actual: show(a.value) }));
      scores.push(a);
    }
  }
  if (!scores.length) {
    if (points) out.push(t.at('MISSING_SCORE', unit.scoreCells[0], messages.missingScore(unit.label.name, points.value)));
    return scores;
  }
  const score = total(scores);
  if (points && score.value.gt(points.value) && !equalAsShown(score, points)) {
    out.push(t.at('SCORE_OUT_OF_RANGE', unit.scoreCells[0], messages.scoreAbovePoints(unit.label.name, score.value, points.value), {
      expected: `≤${show(points.value)}`,
      actual: show(score.value),
    }));
  }
  const missingReason = points && score.value.lt(points.value) && !equalAsShown(score, points) && unit.reasonCells.length > 0 &&
    unit.reasonCells.every((c) => t.table.sheet.isEmpty(c.row, c.col));
  if (missingReason) {
    out.push(t.at('MISSING_REASON', unit.reasonCells[0], messages.missingReason(unit.label.name, score.value, points.value)));
  }
  return scores;
}

/** Checks the 总分 row; returns the 总分 as entered when it is a number. */
function checkTotal(t: TableReader, scores: NumberAmount[] | undefined, out: Finding[]): Dec | undefined {
  const { table } = t;
  const computed = scores ? total(scores) : undefined;
  if (table.total?.pointsCell) {
    const declared = t.amount(table.total.pointsCell);
    const top = [...table.roots, ...table.extras]
      .map((node) => ({ node, points: t.points(node) }))
      .filter((p): p is { node: IndicatorNode; points: Shown } => p.points !== undefined);
    if (isNumber(declared) && top.length) {
      const sumOfTop = total(top.map((p) => p.points));
      if (!equalAsShown(declared, sumOfTop)) {
        const parts = top.map((p) => ({ name: p.node.label.name, value: p.points.value }));
        out.push(t.at('WEIGHT_MISMATCH', table.total.pointsCell, messages.totalWeightMismatch(declared.value, sumOfTop.value, parts), {
          expected: show(sumOfTop.value),
          actual: show(declared.value),
        }));
      }
    }
  }
  if (!table.total) return undefined;
  const entered = t.amount(table.total.scoreCell);
  if (!computed) return isNumber(entered) ? entered.value : undefined;
  if (entered.kind === 'empty') {
    out.push(t.at('MISSING_SCORE', table.total.scoreCell, messages.missingTotal(computed.value)));
    return undefined;
  }
  if (entered.kind === 'invalid') {
    out.push(t.at('SCORE_OUT_OF_RANGE', table.total.scoreCell, messages.scoreNotNumber('总分', entered.text)));
    return undefined;
  }
  if (!equalAsShown(entered, computed)) {
    out.push(t.at('SCORE_TOTAL_MISMATCH', table.total.scoreCell, messages.scoreTotalMismatch(entered.value, computed.value), {
      expected: show(computed.value),
      actual: show(entered.value),
    }));
  }
  return entered.value;
}

/** A group's subtotal row against its indicators' scores; returns the group's score, undefined when unreadable. */
function checkSubtotals(t: TableReader, node: IndicatorNode, unitScores: Map<ScoringUnit, NumberAmount[] | undefined>, out: Finding[]): Shown | undefined {
  if (node.kind === 'unit') {
    const scores = unitScores.get(node);
    return scores ? total(scores) : undefined;
  }
  const parts = node.children.map((child) => checkSubtotals(t, child, unitScores, out));
  if (parts.some((p) => !p)) return undefined;
  const sumOfChildren = total(parts as Shown[]);
  const entered = node.scoreCell ? t.amount(node.scoreCell) : undefined;
  if (node.scoreCell && entered && isNumber(entered) && !equalAsShown(entered, sumOfChildren)) {
    out.push(t.at('SCORE_TOTAL_MISMATCH', node.scoreCell, messages.subtotalMismatch(node.label.name, entered.value, sumOfChildren.value), {
      expected: show(sumOfChildren.value),
      actual: show(entered.value),
    }));
  }
  return sumOfChildren;
}

/** WEIGHT_MISMATCH, SCORE_OUT_OF_RANGE, MISSING_REASON and SCORE_TOTAL_MISMATCH for one 评分表. */
export function checkScoreTable(table: ScoreTable, reader: CellReader): ScoreTableCheck {
  const t = new TableReader(table, reader);
  const findings: Finding[] = [];
  table.roots.forEach((node) => checkWeights(t, node, findings));
  const scores: NumberAmount[] = [];
  const unitScores = new Map<ScoringUnit, NumberAmount[] | undefined>();
  let readable = true;
  for (const unit of [...table.extras, ...table.units]) {
    const scored = checkUnitScore(t, unit, findings);
    unitScores.set(unit, scored);
    if (scored) scores.push(...scored);
    else readable = false;
  }
  table.roots.forEach((node) => checkSubtotals(t, node, unitScores, findings));
  const computedTotal = readable ? total(scores).value : undefined;
  const enteredTotal = checkTotal(t, readable ? scores : undefined, findings);
  return { findings, ...(enteredTotal ? { enteredTotal } : {}), ...(computedTotal ? { computedTotal } : {}) };
}
