import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { Dec } from '../../src/decimal';
import {
  assetUseRate,
  budgetAdjustRate,
  executionRate,
  keySpendRate,
  procurementRate,
  staffControlRate,
  threePublicChangeRate,
  threePublicControlRate,
} from '../../src/indicators';
import { percentText } from '../../src/rules/text';
import { isRuleError, type RuleError } from '../../src/rules/types';

/** The rate as a clerk reads it, "41.41%", or the error. */
function rate(r: Dec | RuleError): string {
  return isRuleError(r) ? r.error : percentText(r);
}

const d = (x: string) => new Dec(x);

describe('indicator formulas on the seeds’ real figures', () => {
  it('在职人员控制率: 北塔 2023 编制 20, 在职 20; 君山 2020 编制 30, 实有 30', () => {
    assert.equal(rate(staffControlRate(d('20'), d('20'))), '100%');
    assert.equal(rate(staffControlRate(d('30'), d('30'))), '100%');
    assert.equal(rate(staffControlRate(d('33'), d('30'))), '110%');
  });

  it('三公经费控制率: 君山 2020 预算 56.70, 实际 23.48', () => {
    assert.equal(rate(threePublicControlRate(d('23.48'), d('56.70'))), '41.41%');
  });

  it('三公经费变动率: 北塔 2022 决算 5.41, 2023 决算 0.1', () => {
    assert.equal(rate(threePublicChangeRate(d('0.1'), d('5.41'))), '-98.15%');
  });

  it('预算执行率: 北塔 2023 全年预算 594.67, 执行 594.67', () => {
    assert.equal(rate(executionRate(d('594.67'), d('594.67'))), '100%');
  });

  it('预算调整率: 北塔 2023 年初 394.50 → 全年 594.67, 调整 200.17', () => {
    assert.equal(rate(budgetAdjustRate(d('594.67').minus(d('394.50')), d('394.50'))), '50.74%');
  });

  it('固定资产利用率: 君山 2020 在用 195.77 of 195.77', () => {
    assert.equal(rate(assetUseRate(d('195.77'), d('195.77'))), '100%');
  });

  it('政府采购执行率: 东川 2020 预算 15.19, 实际 7.16', () => {
    assert.equal(rate(procurementRate(d('7.16'), d('15.19'))), '47.14%');
  });

  it('重点支出安排率: 君山 2020 春节送温暖 340.00 of 项目支出 465.19', () => {
    assert.equal(rate(keySpendRate(d('340.00'), d('465.19'))), '73.09%');
  });

  it('a zero denominator is an error in Chinese, never a number', () => {
    assert.equal(rate(staffControlRate(d('20'), d('0'))), '编制数为0，无法计算在职人员控制率。');
    assert.equal(rate(threePublicControlRate(d('0.1'), d('0'))), '三公经费预算数为0，无法计算三公经费控制率。');
  });
});
