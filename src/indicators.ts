import { Dec, ZERO } from './decimal';
import type { Fact, FactName } from './facts';
import { messages } from './messages';
import { percentText } from './rules/text';
import { isRuleError, type RuleError, type RuleValue } from './rules/types';

/**
 * The computed indicators of the 部门整体支出 evaluation, one row each: which 三级指标 it is, where its two inputs
 * stand in a workbook, and how they make the value the rule engine scores. The checker, the 填写自评得分 proposals
 * and the PERF worksheet functions all compute through this table.
 */

/** How the two inputs make the value: rates as fractions (1 = 100%); 结余 as the pair the balance rule compares. */
export type Formula = 'ratio' | 'change' | 'adjustment' | 'balance';

export interface IndicatorInput {
  /** What a clerk calls it where the workbook's own label is not at hand (PERF functions, errors). */
  label: string;
  /** The workbook facts that hold it. For the first input every one found is a reading; for the second, the first. */
  facts: readonly FactName[];
  /** Taken as 0 when the workbook does not have it; the evaluation is then only a warning. */
  optional?: true;
}

export interface Indicator {
  id: IndicatorId;
  /** The indicator's own name, for errors: "在职人员控制率". */
  title: string;
  /** The 三级指标 names it goes by; absent for the 年度资金总额 rows of a budget block, whatever their label. */
  name?: RegExp;
  /** Where templates define it differently, the 评分标准 wording (NFKC) that selects this row. */
  criterion?: RegExp;
  inputs: readonly [IndicatorInput, IndicatorInput];
  formula: Formula;
  /** The formula as a clerk reads it; the PERF function's help says the same. */
  description: string;
}

export type IndicatorId =
  | 'execution'
  | 'staffControl'
  | 'threePublicChange'
  | 'threePublicControlLastYear'
  | 'threePublicControl'
  | 'budgetAdjust'
  | 'keySpend'
  | 'assetUse'
  | 'procurement'
  | 'balance';

const input = (label: string, ...facts: FactName[]): IndicatorInput => ({ label, facts });
/** This year's and last year's 三公经费: both readings of 三公经费 against last year compare them. */
const THREE_PUBLIC_BY_YEAR = [input('本年三公经费', 'threePublicActual'), input('上年三公经费', 'threePublicPreviousActual')] as const;

/** In the order a 三级指标 is matched: the first row whose name (and criterion) fits is the indicator. */
export const INDICATORS: readonly Indicator[] = [
  {
    id: 'execution',
    title: '预算执行率',
    inputs: [input('全年执行数', 'rowExecuted'), input('全年预算数', 'rowBudget')],
    formula: 'ratio',
    // A 年度资金总额 row scores 执行率 × 分值.
    description: '预算执行率 = 执行数 ÷ 预算数',
  },
  {
    id: 'staffControl',
    title: '在职人员控制率',
    name: /财政供养人员控制率|在职人员控制率/,
    inputs: [input('在职人数', 'staffActual'), input('编制数', 'staffQuota')],
    formula: 'ratio',
    description: '在职人员控制率 = 实际在职人数 ÷ 编制数',
  },
  {
    id: 'threePublicChange',
    title: '三公经费变动率',
    name: /三公经费变动率/,
    inputs: THREE_PUBLIC_BY_YEAR,
    formula: 'change',
    description: '“三公”经费变动率 = （本年 − 上年）÷ 上年',
  },
  {
    // Kunming defines 控制率 against last year (本年度/上年度); 湖南 against this year's budget.
    id: 'threePublicControlLastYear',
    title: '三公经费控制率',
    name: /三公经费控制率/,
    criterion: /本年度.{0,12}\/.{0,4}上年度/,
    inputs: THREE_PUBLIC_BY_YEAR,
    formula: 'ratio',
    description: '“三公”经费控制率 = 本年度“三公”经费 ÷ 上年度“三公”经费（评分标准如此定义时）',
  },
  {
    id: 'threePublicControl',
    title: '三公经费控制率',
    name: /三公经费控制率/,
    inputs: [input('三公经费实际支出', 'threePublicActual'), input('三公经费预算数', 'threePublicBudget')],
    formula: 'ratio',
    description: '“三公”经费控制率 = 实际支出 ÷ 预算数',
  },
  // No template lists the next two's inputs as figures of their own: the PERF functions compute them from cells the
  // clerk names.
  {
    id: 'budgetAdjust',
    title: '预算调整率',
    name: /预算调整率/,
    inputs: [input('预算调整数'), input('年初预算数')],
    formula: 'adjustment',
    description: '预算调整率 = 预算调整数 ÷ 年初预算数（追加、追减均计入调整数）',
  },
  {
    id: 'keySpend',
    title: '重点支出安排率',
    name: /重点支出安排率/,
    inputs: [input('重点项目支出'), input('项目总支出')],
    formula: 'ratio',
    description: '重点支出安排率 = 重点项目支出 ÷ 项目总支出',
  },
  {
    id: 'assetUse',
    title: '固定资产利用率',
    name: /固定资产(利用|在用)率/,
    inputs: [input('在用固定资产', 'assetsInUse'), input('固定资产合计', 'assetsTotal')],
    formula: 'ratio',
    description: '固定资产利用率 = 在用固定资产 ÷ 固定资产合计',
  },
  {
    id: 'procurement',
    title: '政府采购执行率',
    name: /政府采购执行率/,
    inputs: [input('实际采购金额', 'procurementActual'), input('政府采购预算', 'procurementBudget')],
    formula: 'ratio',
    description: '政府采购执行率 = 实际采购金额 ÷ 政府采购预算',
  },
  {
    id: 'balance',
    title: '资金结余',
    name: /^资金结余$|^结余/,
    inputs: [input('结余', 'balanceCumulative', 'balanceYear'), { ...input('上年结转', 'carryOver'), optional: true }],
    formula: 'balance',
    description: '资金结余：累计结余、当年结余各是一种读法，与上年结转比较',
  },
];

export const indicator = (id: IndicatorId): Indicator => INDICATORS.find((i) => i.id === id)!;

/** One pattern for every named indicator: most 三级指标 are none, and are passed over by a single test. */
export const ANY_INDICATOR_NAME = new RegExp(INDICATORS.flatMap((i) => (i.name ? [`(?:${i.name.source})`] : [])).join('|'));

/** The indicator a 三级指标 is, by its name and its 评分标准; undefined for most. */
export function indicatorOf(name: string, criterion: string): Indicator | undefined {
  const text = criterion.normalize('NFKC');
  return INDICATORS.find((i) => i.name?.test(name) && (!i.criterion || i.criterion.test(text)));
}

/** What a rate's numerator is made of; the denominator is always the second input. */
const NUMERATOR: Record<Exclude<Formula, 'balance'>, (a: Dec, b: Dec) => Dec> = {
  ratio: (a) => a,
  change: (a, b) => a.minus(b),
  adjustment: (a) => a.abs(),
};

/** How the description writes the formula over its inputs (each "label value（sheet!cell）"). */
const SHOWN: Record<Formula, (a: string, b: string, bLabel: string) => string> = {
  ratio: (a, b) => `${a}÷${b}`,
  change: (a, b, bLabel) => `（${a}−${b}）÷${bLabel}`,
  adjustment: (a, b) => `|${a}|÷${b}`,
  balance: (a, b) => `${a}，${b}`,
};

/**
 * A rate indicator's value (1 = 100%) from its two inputs, as the PERF functions compute it. A zero or negative
 * denominator is refused in Chinese rather than give a wrong number.
 */
export function indicatorRate(i: Indicator, a: Dec, b: Dec): Dec | RuleError {
  if (i.formula === 'balance') throw new Error(`${i.id} is not a rate`);
  if (b.isZero()) return { error: messages.zeroDenominator(i.inputs[1].label, i.title) };
  if (b.isNegative()) return { error: messages.negativeDenominator(i.inputs[1].label, i.title) };
  return NUMERATOR[i.formula](a, b).div(b);
}

/** What the rule engine scores: the rate, or for 资金结余 the 结余 with the 上年结转 it is compared to. */
function indicatorValue(i: Indicator, a: Dec, b: Dec): Dec | { balance: string; carryOver: string } | RuleError {
  return i.formula === 'balance' ? { balance: a.toFixed(), carryOver: b.toFixed() } : indicatorRate(i, a, b);
}

/** The inputs of one indicator, found in the workbook, with how they were computed. */
export interface IndicatorInputs {
  /** Each admissible reading of the inputs (两种结余 for 资金结余). */
  values: RuleValue[];
  /** "实有人数30（自评表!E3）÷人员编制30（自评表!B3）=100%". */
  description: string;
  /** False where an optional input was missing and taken as 0. */
  complete: boolean;
}

const at = (f: Fact) => `${f.label}${f.value.toFixed()}（${f.sheet}!${f.cell}）`;

/** The indicator's inputs from the workbook's facts; undefined when one is missing or the value cannot be computed. */
export function indicatorInputs(i: Indicator, facts: (name: FactName) => Fact | undefined): IndicatorInputs | undefined {
  const [first, second] = i.inputs;
  const readings = first.facts.flatMap((n) => facts(n) ?? []);
  const other = second.facts.map(facts).find((f) => f !== undefined);
  if (!readings.length || (!other && !second.optional)) return undefined;
  const values = readings.flatMap((a) => {
    const v = indicatorValue(i, a.value, other?.value ?? ZERO);
    return isRuleError(v) ? [] : [v];
  });
  if (!values.length) return undefined;
  const shown = SHOWN[i.formula](readings.map(at).join('、'), other ? at(other) : messages.missingInput(second.label), other?.label ?? second.label);
  const result = values.length === 1 && values[0] instanceof Dec ? `=${percentText(values[0])}` : '';
  return { values, description: shown + result, complete: !!other };
}
