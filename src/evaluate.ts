import type { CellReader } from './cells';
import type { Dec } from './decimal';
import type { ScoreTable, ScoringUnit } from './detect/score-table';
import type { Fact, FactName, WorkbookFacts } from './facts';
import type { CellRef } from './grid';
import { ANY_INDICATOR_NAME, indicator, indicatorInputs, indicatorOf } from './indicators';
import type { RuleEngine } from './rules/engine';
import { scoreRule } from './rules/engine';
import { isRuleError, type Rule } from './rules/types';
import { TableReader } from './detect/table-reader';

/** What the rule engine makes of one 评分表 row whose inputs are in the workbook. */
export interface Evaluation {
  unit: ScoringUnit;
  rule: Rule;
  /** Every admissible score: all readings of the rule, for all readings of the inputs. */
  readings: Dec[];
  score: Dec;
  reason: string;
  inputs: string;
  complete: boolean;
}

/** The figures an indicator takes: the workbook's, and for a budget block's row its own 执行数 and 预算数. */
function factsOf(unit: ScoringUnit, facts: WorkbookFacts, t: TableReader): (name: FactName) => Fact | undefined {
  const own = (cell: CellRef | undefined, label: string): Fact | undefined => {
    if (!cell) return undefined;
    const a = t.amount(cell);
    return a.kind === 'number' ? { value: a.value, sheet: t.table.sheet.name, cell: t.address(cell), label } : undefined;
  };
  const [executed, budget] = indicator('execution').inputs;
  return (name) =>
    name === 'rowExecuted'
      ? own(unit.execution?.executedCell, executed.label)
      : name === 'rowBudget'
        ? own(unit.execution?.budgetCell, budget.label)
        : facts.get(name);
}

/** The rows of a 评分表 whose score the workbook's own figures decide. */
export function evaluateTable(table: ScoreTable, facts: WorkbookFacts, engine: RuleEngine, reader: CellReader): Evaluation[] {
  const t = new TableReader(table, reader);
  const out: Evaluation[] = [];
  for (const unit of [...table.extras, ...table.units]) {
    // Most rows are not indicators whose inputs a workbook holds: passed over by name before anything is read.
    if (!unit.execution && !ANY_INDICATOR_NAME.test(unit.label.name)) continue;
    const points = t.points(unit);
    // A 年度资金总额 row worth 100 holds the table's own total (分值100, 得分98), not 执行率 × 分值.
    if (unit.execution && points?.value.gte(100)) continue;
    const criterion = unit.execution ? '执行率×分值' : unit.criterionCell ? table.sheet.text(unit.criterionCell.row, unit.criterionCell.col) : '';
    if (!criterion || !points) continue;
    const which = unit.execution ? indicator('execution') : indicatorOf(unit.label.name, criterion);
    const inputs = which && indicatorInputs(which, factsOf(unit, facts, t));
    if (!inputs) continue;
    const rule = engine.parse(criterion, points.value, unit.label.name);
    if (isRuleError(rule) || rule.shape === 'manual') continue;
    const outcomes = inputs.values.map((v) => scoreRule(rule, v));
    const first = outcomes[0];
    if (isRuleError(first) || first.score === undefined) continue;
    const readings = outcomes.flatMap((o) => (isRuleError(o) ? [] : o.readings));
    out.push({ unit, rule, readings, score: first.score, reason: first.reason, inputs: inputs.description, complete: inputs.complete });
  }
  return out;
}
