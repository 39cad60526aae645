import type { CellReader } from './cells';
import { Dec } from './decimal';
import type { ScoreTable, ScoringUnit } from './detect/score-table';
import type { Fact, WorkbookFacts } from './facts';
import { assetUseRate, executionRate, staffControlRate, threePublicChangeRate, threePublicControlRate } from './indicators';
import type { RuleEngine } from './rules/engine';
import { scoreRule } from './rules/engine';
import { percentText } from './rules/text';
import { isRuleError, type Rule, type RuleError, type RuleValue } from './rules/types';
import { RULE_INDICATORS } from './vocabulary';
import { TableReader } from './detect/table-reader';

/** The inputs of one indicator, found in the workbook, with how they were computed. */
interface Inputs {
  /** Each admissible reading of the inputs (两种结余 for 资金结余). */
  values: RuleValue[];
  /** "实有人数30（自评表!E3）÷人员编制30（自评表!B3）=100%". */
  description: string;
  /** False where an input was missing and taken as 0. */
  complete: boolean;
}

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

const at = (f: Fact) => `${f.value.toFixed()}（${f.sheet}!${f.cell}）`;

function rate(r: Dec | RuleError, description: string): Inputs | undefined {
  return isRuleError(r) ? undefined : { values: [r], description: `${description}=${percentText(r)}`, complete: true };
}

function inputsFor(unit: ScoringUnit, criterion: string, facts: WorkbookFacts, t: TableReader): Inputs | undefined {
  if (unit.execution) {
    const budget = t.amount(unit.execution.budgetCell);
    const executed = t.amount(unit.execution.executedCell);
    if (budget.kind !== 'number' || executed.kind !== 'number') return undefined;
    const where = (c: { row: number; col: number }) => `${t.table.sheet.name}!${t.address(c)}`;
    return rate(
      executionRate(executed.value, budget.value),
      `全年执行数${executed.value.toFixed()}（${where(unit.execution.executedCell)}）÷全年预算数${budget.value.toFixed()}（${where(unit.execution.budgetCell)}）`,
    );
  }
  const name = unit.label.name;
  if (RULE_INDICATORS.staffControl.test(name)) {
    const actual = facts.get('staffActual');
    const quota = facts.get('staffQuota');
    return actual && quota ? rate(staffControlRate(actual.value, quota.value), `实有人数${at(actual)}÷人员编制${at(quota)}`) : undefined;
  }
  if (RULE_INDICATORS.assetUse.test(name)) {
    const inUse = facts.get('assetsInUse');
    const total = facts.get('assetsTotal');
    return inUse && total ? rate(assetUseRate(inUse.value, total.value), `在用固定资产${at(inUse)}÷固定资产合计${at(total)}`) : undefined;
  }
  if (RULE_INDICATORS.balance.test(name)) {
    const balances = [
      { name: '累计结余', fact: facts.get('balanceCumulative') },
      { name: '当年结余', fact: facts.get('balanceYear') },
    ].filter((b): b is { name: string; fact: Fact } => !!b.fact);
    if (!balances.length) return undefined;
    const carry = facts.get('carryOver');
    const carryOver = carry?.value ?? new Dec(0);
    return {
      values: balances.map((b) => ({ balance: b.fact.value.toFixed(), carryOver: carryOver.toFixed() })),
      description: `${balances.map((b) => b.name + at(b.fact)).join('、')}，上年结转${carry ? at(carry) : '未填（按0计）'}`,
      complete: !!carry,
    };
  }
  const tp = facts.threePublic;
  if (tp && RULE_INDICATORS.threePublicChange.test(name) && tp.actual && tp.previousActual) {
    return rate(threePublicChangeRate(tp.actual.value, tp.previousActual.value), `（${tp.year}年三公经费${at(tp.actual)}−${tp.year - 1}年${at(tp.previousActual)}）÷${tp.year - 1}年`);
  }
  if (tp && RULE_INDICATORS.threePublicControl.test(name) && tp.actual) {
    // Kunming defines 控制率 against last year (本年度/上年度); 湖南 against this year's budget.
    const againstLastYear = /本年度.{0,12}\/.{0,4}上年度/.test(criterion.normalize('NFKC'));
    const base = againstLastYear ? tp.previousActual : tp.budget;
    const baseName = againstLastYear ? `${tp.year - 1}年三公经费` : `${tp.year}年三公经费预算`;
    return base ? rate(threePublicControlRate(tp.actual.value, base.value), `${tp.year}年三公经费${at(tp.actual)}÷${baseName}${at(base)}`) : undefined;
  }
  return undefined;
}

/** The rows of a 评分表 whose score the workbook's own figures decide. */
export function evaluateTable(table: ScoreTable, facts: WorkbookFacts, engine: RuleEngine, reader: CellReader): Evaluation[] {
  const t = new TableReader(table, reader);
  const out: Evaluation[] = [];
  const known = new RegExp(Object.values(RULE_INDICATORS).map((p) => `(?:${p.source})`).join('|'));
  for (const unit of [...table.extras, ...table.units]) {
    // Most rows are not indicators whose inputs a workbook holds: passed over by name before anything is read.
    if (!unit.execution && !known.test(unit.label.name)) continue;
    const points = t.points(unit);
    const criterion = unit.execution ? '执行率×分值' : unit.criterionCell ? table.sheet.text(unit.criterionCell.row, unit.criterionCell.col) : '';
    if (!criterion || !points) continue;
    const inputs = inputsFor(unit, criterion, facts, t);
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
