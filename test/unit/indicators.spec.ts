import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { checkWorkbook, proposeScores } from '../../src/index';
import { Dec } from '../../src/decimal';
import type { Fact, FactName } from '../../src/facts';
import { INDICATORS, indicator, indicatorInputs, indicatorOf, indicatorRate, type IndicatorId } from '../../src/indicators';
import { percentText } from '../../src/rules/text';
import { isRuleError } from '../../src/rules/types';
import { book, sheet } from '../support/grid';

/** The rate as a clerk reads it, "41.41%", or the error. */
function rate(id: IndicatorId, a: string, b: string): string {
  const r = indicatorRate(indicator(id), new Dec(a), new Dec(b));
  return isRuleError(r) ? r.error : percentText(r);
}

describe('indicator formulas on the seeds’ real figures', () => {
  const t = (id: IndicatorId, a: string, b: string, expected: string, seed: string) =>
    it(`${id} ${a} / ${b}: ${seed}`, () => assert.equal(rate(id, a, b), expected));
  t('staffControl', '20', '20', '100%', '北塔 2023 编制 20, 在职 20');
  t('staffControl', '33', '30', '110%', '君山 2020 编制 30, 实有 33');
  t('threePublicControl', '23.48', '56.70', '41.41%', '君山 2020 预算 56.70, 实际 23.48');
  t('threePublicChange', '0.1', '5.41', '-98.15%', '北塔 2022 决算 5.41, 2023 决算 0.1');
  t('execution', '594.67', '594.67', '100%', '北塔 2023 全年预算 594.67, 执行 594.67');
  t('budgetAdjust', '200.17', '394.50', '50.74%', '北塔 2023 年初 394.50 → 全年 594.67');
  t('budgetAdjust', '-200.17', '394.50', '50.74%', 'a cut counts as much as an addition');
  t('assetUse', '195.77', '195.77', '100%', '君山 2020 在用 195.77 of 195.77');
  t('procurement', '7.16', '15.19', '47.14%', '东川 2020 预算 15.19, 实际 7.16');
  t('keySpend', '340.00', '465.19', '73.09%', '君山 2020 春节送温暖 340.00 of 项目支出 465.19');
  // A zero or negative denominator is an error in Chinese, never a number.
  t('staffControl', '20', '0', '编制数为0，无法计算在职人员控制率。', 'no 编制');
  t('threePublicControl', '0.1', '0', '三公经费预算数为0，无法计算三公经费控制率。', 'no budget');
  t('threePublicChange', '0.1', '-1', '上年三公经费不能为负数，无法计算三公经费变动率。', 'a negative last year');
});

describe('the indicator table', () => {
  it('has one row per id, and every formula kind is some row’s', () => {
    assert.equal(new Set(INDICATORS.map((i) => i.id)).size, INDICATORS.length);
    assert.deepEqual([...new Set(INDICATORS.map((i) => i.formula))].sort(), ['adjustment', 'balance', 'change', 'ratio']);
  });

  it('knows a 三级指标 by its name, and 三公经费控制率 by how its 评分标准 defines it', () => {
    const of = (name: string, criterion = '') => indicatorOf(name, criterion)?.id;
    assert.equal(of('财政供养人员控制率'), 'staffControl');
    assert.equal(of('B31在职人员控制率'), 'staffControl');
    assert.equal(of('资金结余'), 'balance');
    assert.equal(of('政府采购执行率'), 'procurement');
    assert.equal(of('三公经费控制率', '以100%为标准。三公经费控制率≦100%，计6分'), 'threePublicControl');
    // 东川 2020 B13 (its name as normalizeLabel leaves it, without quotes).
    assert.equal(
      of(
        '三公经费控制率',
        '“三公”经费控制率=(本年度“三公”经费总额/上年度“三公”经费总额)×100%。三公经费控制率≤100%得满分,≥120%得0分,区间内按权重进行扣分。',
      ),
      'threePublicControlLastYear',
    );
    assert.equal(of('部门中长期规划目标的明确性与合理性'), undefined);
  });

  it('describes the computation with the workbook’s own words and cells', () => {
    const f = (label: string, value: string, cell: string): Fact => ({ value: new Dec(value), sheet: '基础数据表', cell, label });
    const facts: Partial<Record<FactName, Fact>> = {
      threePublicActual: f('2023年三公经费', '0.1', 'D6'),
      threePublicPreviousActual: f('2022年三公经费', '5.41', 'B6'),
      balanceYear: f('当年结余', '5', 'G16'),
      balanceCumulative: f('累计结余', '12', 'H16'),
    };
    const inputs = (id: IndicatorId) => indicatorInputs(indicator(id), (name) => facts[name]);
    assert.equal(
      inputs('threePublicChange')?.description,
      '（2023年三公经费0.1（基础数据表!D6）−2022年三公经费5.41（基础数据表!B6））÷2022年三公经费=-98.15%',
    );
    const balance = inputs('balance')!;
    assert.deepEqual(balance.values, [
      { balance: '12', carryOver: '0' },
      { balance: '5', carryOver: '0' },
    ]);
    assert.equal(balance.description, '累计结余12（基础数据表!H16）、当年结余5（基础数据表!G16），上年结转未填（按0计）');
    assert.equal(balance.complete, false);
    assert.equal(inputs('threePublicControl'), undefined, 'no 2023 budget: nothing to compute');
  });
});

describe('政府采购执行率 from a 基础数据表’s 政府采购金额 by year (national template)', () => {
  const base = sheet('基础数据表', [
    ['经费控制情况(万元)', '2022年决算数', '2023年预算数', '2023年决算数'],
    ['政府采购金额', 120.8, 111.8, 91.8],
  ]);
  const table = (score: number) =>
    sheet('评分表', [
      ['三级指标', '评分标准', '分值', '自评得分', '扣分原因'],
      ['政府采购执行率', '政府采购执行率等于100%的，得3分； 每减少一个百分点，扣0.2分，扣完为止。', 3, score, null],
      ['合计', null, 3, score],
    ]);

  it('proposes the score from 2023年决算 ÷ 2023年预算', () => {
    const [p] = proposeScores(book(base, table(3)));
    assert.deepEqual([p.indicator, p.score], ['政府采购执行率', '0']);
    assert.equal(p.basis, '2023年政府采购金额91.8（基础数据表!D2）÷2023年政府采购金额预算111.8（基础数据表!C2）=82.11%');
  });

  it('flags a 自评得分 the figures do not give', () => {
    const findings = checkWorkbook(book(base, table(3))).findings.filter((f) => f.code === 'RULE_SCORE_DIFFERS');
    assert.deepEqual(
      findings.map((f) => [f.severity, f.cell, f.expected, f.actual]),
      [['error', 'D2', '0', '3']],
    );
  });
});
