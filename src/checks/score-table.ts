import type { CellReader } from '../cells';
import { Dec, show } from '../decimal';
import type { Finding } from '../findings';
import { messages } from '../messages';
import type { IndicatorBlock, IndicatorNode, ScoreTable, ScoringUnit } from '../detect/score-table';
import { TableReader } from '../detect/table-reader';
import { equalAsShown, isNumber, total, type NumberAmount, type Shown } from '../compare';
import { NO_REASON } from '../vocabulary';
import { gradeOf, readGrade } from './form';

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
    out.push(
      t.at('WEIGHT_MISMATCH', node.labelCell, messages.labelPointsMismatch(node.label.name, inLabel.value, inColumn.value), {
        expected: show(inColumn.value),
        actual: show(inLabel.value),
      }),
    );
  }
  if (node.kind === 'unit') return;
  const declared = inLabel ?? inColumn;
  const children = t.childrenPoints(node);
  // 湖北's 年度绩效目标 declares points per 一级指标 only and scores in a single 得分 column: nothing to add up under them.
  const pointsBelow = t.table.columns.points !== undefined || t.table.units.some((u) => u.label.points !== undefined);
  if (declared && !children && pointsBelow) {
    out.push(t.at('EMPTY_INDICATOR', node.labelCell, messages.emptyIndicator(node.label.name, declared.value)));
  } else if (declared && children && !equalAsShown(declared, children.sum)) {
    const childLevel = node.children.some((c) => c.kind === 'group' && c.label.points !== undefined) ? 2 : 3;
    out.push(
      t.at(
        'WEIGHT_MISMATCH',
        node.labelCell,
        messages.weightMismatch(node.level, node.label.name, declared.value, children.sum.value, children.parts, childLevel),
        {
          expected: show(children.sum.value),
          actual: show(declared.value),
        },
      ),
    );
  }
  node.children.forEach((child) => checkWeights(t, child, out));
}

/** 绩效指标(90分), 年度绩效目标(80分) against the points of the 一级指标 under them. */
function checkBlock(t: TableReader, block: IndicatorBlock, out: Finding[]): void {
  const parts = block.roots
    .map((node) => ({ name: node.label.name, points: t.points(node) }))
    .filter((p): p is { name: string; points: Shown } => p.points !== undefined);
  const declared = t.labelPoints(block);
  if (!declared || !parts.length) return;
  const sum = total(parts.map((p) => p.points));
  if (equalAsShown(declared, sum)) return;
  out.push(
    t.at(
      'WEIGHT_MISMATCH',
      block.labelCell,
      messages.blockWeightMismatch(
        block.label.name,
        declared.value,
        sum.value,
        parts.map((p) => ({ name: p.name, value: p.points.value })),
      ),
      {
        expected: show(sum.value),
        actual: show(declared.value),
      },
    ),
  );
}

/** A 偏差原因 cell with nothing said in it: blank, or 0, /, — written to fill the box. */
function saysNothing(t: TableReader, cell: { row: number; col: number }): boolean {
  return NO_REASON.test(t.table.sheet.text(cell.row, cell.col)) || t.table.sheet.isEmpty(cell.row, cell.col);
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
      if (a.value.isNegative())
        out.push(t.at('SCORE_OUT_OF_RANGE', cell, messages.scoreNegative(unit.label.name, a.value), { actual: show(a.value) }));
      scores.push(a);
    }
  }
  if (!scores.length) {
    if (points) out.push(t.at('MISSING_SCORE', unit.scoreCells[0], messages.missingScore(unit.label.name, points.value)));
    return scores;
  }
  const score = total(scores);
  if (points && score.value.gt(points.value) && !equalAsShown(score, points)) {
    out.push(
      t.at('SCORE_OUT_OF_RANGE', unit.scoreCells[0], messages.scoreAbovePoints(unit.label.name, score.value, points.value), {
        expected: `≤${show(points.value)}`,
        actual: show(score.value),
      }),
    );
  }
  const missingReason =
    points &&
    score.value.lt(points.value) &&
    !equalAsShown(score, points) &&
    unit.reasonCells.length > 0 &&
    unit.reasonCells.every((c) => saysNothing(t, c));
  if (missingReason) {
    out.push(t.at('MISSING_REASON', unit.reasonCells[0], messages.missingReason(unit.label.name, score.value, points.value)));
  }
  return scores;
}

/** The 年度资金总额 rows that may count in the 总分: one worth 100 holds the table's own total (分值100, 得分98). */
function fundRows(t: TableReader): ScoringUnit[] {
  return t.table.extras.filter((u) => !t.points(u)?.value.gte(100));
}

/**
 * Whether the 总分 counts the 年度资金总额 row: the national form does (产出50 + 效益30 + 满意度10 + 执行率10), many
 * published tables give the indicators alone 100. A table is read the way under which it is consistent: by its
 * declared 总分 points when it has them, else by which reading makes 100 points, else either.
 */
function totalReadings(t: TableReader): { withExtras: boolean; points?: Shown; parts: { node: IndicatorNode; points: Shown }[] }[] {
  const { table } = t;
  const pointed = (nodes: IndicatorNode[]) =>
    nodes.map((node) => ({ node, points: t.points(node) })).filter((p): p is { node: IndicatorNode; points: Shown } => p.points !== undefined);
  const readings = [{ withExtras: true, parts: pointed([...table.roots, ...fundRows(t)]) }];
  if (table.extras.length) readings.push({ withExtras: false, parts: pointed(table.roots) });
  return readings.map((r) => ({ ...r, ...(r.parts.length ? { points: total(r.parts.map((p) => p.points)) } : {}) }));
}

/** A grade written beside the 总分 (总分 | 100 | 96 | 优) against the grade the 总分 earns. */
function checkGrade(t: TableReader, score: Dec, out: Finding[]): void {
  const cell = t.table.total?.gradeCell;
  if (!cell) return;
  const text = t.table.sheet.text(cell.row, cell.col);
  const expected = gradeOf(score);
  if (readGrade(text) !== expected) out.push(t.at('GRADE_MISMATCH', cell, messages.gradeMismatch(text, score, expected), { expected, actual: text }));
}

/** Checks the 总分 row; returns the 总分 as entered when it is a number, and the total computed under the reading taken. */
function checkTotal(t: TableReader, unitScores: Map<ScoringUnit, NumberAmount[] | undefined>, out: Finding[]): { entered?: Dec; computed?: Dec } {
  const { table } = t;
  let readings = totalReadings(t);
  const declared = table.total?.pointsCell ? t.pointsIn(table.total.pointsCell) : undefined;
  if (declared && readings[0].points) {
    const consistent = readings.filter((r) => r.points && equalAsShown(declared, r.points));
    if (!consistent.length) {
      const [first] = readings;
      const parts = first.parts.map((p) => ({ name: p.node.label.name, value: p.points.value }));
      out.push(
        t.at('WEIGHT_MISMATCH', table.total!.pointsCell!, messages.totalWeightMismatch(declared.value, first.points!.value, parts), {
          expected: show(first.points!.value),
          actual: show(declared.value),
        }),
      );
    } else readings = consistent;
  } else {
    const hundred = readings.filter((r) => r.points?.value.eq(100));
    if (hundred.length === 1) readings = hundred;
  }
  const computedOf = (withExtras: boolean): Shown | undefined => {
    const scores: NumberAmount[] = [];
    for (const unit of withExtras ? [...fundRows(t), ...table.units] : table.units) {
      const s = unitScores.get(unit);
      if (!s) return undefined;
      scores.push(...s);
    }
    return total(scores);
  };
  const computed = readings.map((r) => computedOf(r.withExtras));
  const first = computed[0];
  if (!table.total) return first ? { computed: first.value } : {};
  const entered = t.amount(table.total.scoreCell);
  if (!first) return isNumber(entered) ? { entered: entered.value } : {};
  const anyScore = [...fundRows(t), ...table.units].some((u) => unitScores.get(u)?.length);
  if (entered.kind === 'empty') {
    if (anyScore) out.push(t.at('MISSING_SCORE', table.total.scoreCell, messages.missingTotal(first.value)));
    return { computed: first.value };
  }
  if (entered.kind === 'invalid') {
    out.push(t.at('SCORE_OUT_OF_RANGE', table.total.scoreCell, messages.totalNotNumber(entered.text)));
    return { computed: first.value };
  }
  checkGrade(t, entered.value, out);
  const match = computed.find((c) => c && equalAsShown(entered, c));
  if (match) return { entered: entered.value, computed: match.value };
  out.push(
    t.at('SCORE_TOTAL_MISMATCH', table.total.scoreCell, messages.scoreTotalMismatch(entered.value, first.value), {
      expected: show(first.value),
      actual: show(entered.value),
    }),
  );
  return { entered: entered.value, computed: first.value };
}

/** A group's subtotal row against its indicators' scores; returns the group's score, undefined when unreadable. */
function checkSubtotals(
  t: TableReader,
  node: IndicatorNode,
  unitScores: Map<ScoringUnit, NumberAmount[] | undefined>,
  out: Finding[],
): Shown | undefined {
  if (node.kind === 'unit') {
    const scores = unitScores.get(node);
    return scores ? total(scores) : undefined;
  }
  const parts = node.children.map((child) => checkSubtotals(t, child, unitScores, out));
  if (parts.some((p) => !p)) return undefined;
  const sumOfChildren = total(parts as Shown[]);
  const entered = node.scoreCell ? t.amount(node.scoreCell) : undefined;
  if (node.scoreCell && entered && isNumber(entered) && !equalAsShown(entered, sumOfChildren)) {
    out.push(
      t.at('SCORE_TOTAL_MISMATCH', node.scoreCell, messages.subtotalMismatch(node.label.name, entered.value, sumOfChildren.value), {
        expected: show(sumOfChildren.value),
        actual: show(entered.value),
      }),
    );
  }
  return sumOfChildren;
}

/** WEIGHT_MISMATCH, SCORE_OUT_OF_RANGE, MISSING_REASON and SCORE_TOTAL_MISMATCH for one 评分表. */
export function checkScoreTable(table: ScoreTable, reader: CellReader): ScoreTableCheck {
  const t = new TableReader(table, reader);
  const findings: Finding[] = [];
  table.blocks.forEach((block) => checkBlock(t, block, findings));
  table.roots.forEach((node) => checkWeights(t, node, findings));
  const unitScores = new Map<ScoringUnit, NumberAmount[] | undefined>();
  for (const unit of [...table.extras, ...table.units]) unitScores.set(unit, checkUnitScore(t, unit, findings));
  table.roots.forEach((node) => checkSubtotals(t, node, unitScores, findings));
  const { entered, computed } = checkTotal(t, unitScores, findings);
  return { findings, ...(entered ? { enteredTotal: entered } : {}), ...(computed ? { computedTotal: computed } : {}) };
}
