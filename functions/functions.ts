/* global CustomFunctions */
/**
 * The PERF.* worksheet functions: thin wrappers over the core. Metadata (functions.json) is generated from these
 * JSDoc comments at build time; the Chinese texts are what Excel's function dialog shows.
 */
import {
  Dec,
  createRuleEngine,
  functionMessages,
  gradeOf,
  indicator,
  indicatorRate,
  isRuleError,
  parseAmount,
  type IndicatorId,
  type RuleError,
  type RuleValue,
} from '../src/index';

/** Parsed once per (text, 分值): 10,000 cells over a few dozen texts parse a few dozen times. */
const engine = createRuleEngine();

/** An Excel error carrying a Chinese message, never a wrong number. */
function fail(message: string): never {
  // Excel shows a thrown CustomFunctions.Error (not an Error subclass) as #VALUE! with the message.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function orFail<T extends object>(x: T | RuleError): T {
  return isRuleError(x) ? fail(x.error) : x;
}

function number(value: unknown, what: string): Dec {
  const a = parseAmount(value as string | number | boolean | null);
  if (a.kind === 'number') return a.value;
  return fail(a.kind === 'empty' ? functionMessages.missing(what) : functionMessages.notNumber(what, a.text));
}

/** An indicator of the core's table over two cell values, each read by the one parser and named in Chinese when unreadable. */
function rate(id: IndicatorId, a: unknown, b: unknown): number {
  const i = indicator(id);
  return orFail(indicatorRate(i, number(a, i.inputs[0].label), number(b, i.inputs[1].label))).toNumber();
}

function points(value: unknown): Dec | undefined {
  return value === undefined || value === null || value === '' ? undefined : number(value, functionMessages.inputs.points);
}

function scoreOf(rule: string, value: unknown, max: unknown) {
  if (typeof rule !== 'string' || !rule.trim()) fail(functionMessages.noRuleText());
  return orFail(engine.score(rule, value as RuleValue, points(max)));
}

/**
 * 按评分标准原文计分：如“每超过一个百分点扣0.5分，扣完为止”。
 * @customfunction RUBRIC_SCORE
 * @param rule 评分标准原文（可引用单元格）
 * @param value 实际值：比率写 110% 或 1.1；次数、满足的项目（如“①③”）、完成/未完成
 * @param [points] 分值：评分标准未写明满分时必填
 * @returns 得分
 */
export function rubricScore(rule: string, value: any, points?: number): number {
  const scored = scoreOf(rule, value, points);
  if (scored.score === undefined) fail(scored.reason);
  return scored.score.toNumber();
}

/**
 * 按评分标准原文给出扣分原因，如“在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣5分”。
 * @customfunction RUBRIC_REASON
 * @param rule 评分标准原文（可引用单元格）
 * @param value 实际值：比率写 110% 或 1.1；次数、满足的项目（如“①③”）、完成/未完成
 * @param [points] 分值：评分标准未写明满分时必填
 * @returns 扣分原因
 */
export function rubricReason(rule: string, value: any, points?: number): string {
  return scoreOf(rule, value, points).reason;
}

/**
 * 在职人员控制率 = 实际在职人数 ÷ 编制数。
 * @customfunction STAFF_CONTROL_RATE
 * @param actual 实际在职人数
 * @param quota 编制数
 * @returns 在职人员控制率（如 1 即 100%）
 */
export function staffControlRate(actual: any, quota: any): number {
  return rate('staffControl', actual, quota);
}

/**
 * “三公”经费变动率 = （本年 − 上年）÷ 上年。
 * @customfunction THREE_PUBLIC_RATE
 * @param current 本年“三公”经费
 * @param previous 上年“三公”经费
 * @returns “三公”经费变动率（负数为下降）
 */
export function threePublicRate(current: any, previous: any): number {
  return rate('threePublicChange', current, previous);
}

/**
 * “三公”经费控制率 = 实际支出 ÷ 预算数。
 * @customfunction THREE_PUBLIC_CONTROL_RATE
 * @param actual “三公”经费实际支出
 * @param budget “三公”经费预算数
 * @returns “三公”经费控制率
 */
export function threePublicControlRate(actual: any, budget: any): number {
  return rate('threePublicControl', actual, budget);
}

/**
 * 预算调整率 = 预算调整数 ÷ 年初预算数（追加、追减均计入调整数）。
 * @customfunction BUDGET_ADJUST_RATE
 * @param adjustment 预算调整数
 * @param budget 年初预算数
 * @returns 预算调整率
 */
export function budgetAdjustRate(adjustment: any, budget: any): number {
  return rate('budgetAdjust', adjustment, budget);
}

/**
 * 预算执行率 = 执行数 ÷ 预算数。
 * @customfunction EXECUTION_RATE
 * @param executed 全年执行数
 * @param budget 全年预算数
 * @returns 预算执行率
 */
export function executionRate(executed: any, budget: any): number {
  return rate('execution', executed, budget);
}

/**
 * 重点支出安排率 = 重点项目支出 ÷ 项目总支出。
 * @customfunction KEY_SPEND_RATE
 * @param key 重点项目支出
 * @param total 项目总支出
 * @returns 重点支出安排率
 */
export function keySpendRate(key: any, total: any): number {
  return rate('keySpend', key, total);
}

/**
 * 固定资产利用率 = 在用固定资产 ÷ 固定资产合计。
 * @customfunction ASSET_USE_RATE
 * @param inUse 在用固定资产
 * @param total 固定资产合计
 * @returns 固定资产利用率
 */
export function assetUseRate(inUse: any, total: any): number {
  return rate('assetUse', inUse, total);
}

/**
 * 政府采购执行率 = 实际采购金额 ÷ 政府采购预算。
 * @customfunction PROCUREMENT_RATE
 * @param actual 实际采购金额
 * @param budget 政府采购预算
 * @returns 政府采购执行率
 */
export function procurementRate(actual: any, budget: any): number {
  return rate('procurement', actual, budget);
}

/**
 * 评价等次：90分（含）以上为优，80（含）至90分为良，60（含）至80分为中，60分以下为差。
 * @customfunction GRADE
 * @param total 绩效自评综合得分
 * @returns 优、良、中或差
 */
export function grade(total: any): string {
  const score = number(total, functionMessages.inputs.total);
  if (score.isNegative() || score.gt(100)) fail(functionMessages.totalOutOfRange(score));
  return gradeOf(score);
}

/**
 * 把“1,166.19”“35.94万元”“100分”“100.00%”或全角数字等文本读成数值。
 * @customfunction AMOUNT
 * @param text 金额、分数或百分比文本
 * @returns 数值（百分比为小数，如 100% 为 1）
 */
export function amount(text: any): number {
  return number(text, functionMessages.inputs.amount).toNumber();
}
