import { Dec } from './decimal';
import type { RuleError } from './rules/types';

/**
 * The indicator formulas of the 部门整体支出 evaluation, as fractions (1 = 100%). Each refuses a zero denominator
 * in Chinese rather than return a wrong number.
 */

function ratio(numerator: Dec, denominator: Dec, what: string, denominatorName: string): Dec | RuleError {
  if (denominator.isZero()) return { error: `${denominatorName}为0，无法计算${what}。` };
  if (denominator.isNegative()) return { error: `${denominatorName}不能为负数，无法计算${what}。` };
  return numerator.div(denominator);
}

/** 在职人员控制率 = 实际在职人数 / 编制数. */
export const staffControlRate = (actual: Dec, quota: Dec) => ratio(actual, quota, '在职人员控制率', '编制数');

/** 三公经费变动率 = (本年 − 上年) / 上年. */
export const threePublicChangeRate = (current: Dec, previous: Dec) =>
  ratio(current.minus(previous), previous, '三公经费变动率', '上年三公经费');

/** 三公经费控制率 = 实际支出 / 预算数. */
export const threePublicControlRate = (actual: Dec, budget: Dec) => ratio(actual, budget, '三公经费控制率', '三公经费预算数');

/** 预算调整率 = 预算调整数 / 年初预算数; 调整数 counts additions and cuts alike. */
export const budgetAdjustRate = (adjustment: Dec, budget: Dec) => ratio(adjustment.abs(), budget, '预算调整率', '年初预算数');

/** 预算执行率 = 执行数 / 预算数. */
export const executionRate = (executed: Dec, budget: Dec) => ratio(executed, budget, '预算执行率', '预算数');

/** 重点支出安排率 = 重点项目支出 / 项目总支出. */
export const keySpendRate = (key: Dec, total: Dec) => ratio(key, total, '重点支出安排率', '项目总支出');

/** 固定资产利用率 = 在用固定资产 / 固定资产合计. */
export const assetUseRate = (inUse: Dec, total: Dec) => ratio(inUse, total, '固定资产利用率', '固定资产合计');

/** 政府采购执行率 = 实际采购金额 / 采购预算. */
export const procurementRate = (actual: Dec, budget: Dec) => ratio(actual, budget, '政府采购执行率', '政府采购预算');
