import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { CellReader } from '../../src/cells';
import { checkWorkbook, proposeScores } from '../../src/index';
import { collectFacts } from '../../src/facts';
import { Sheet } from '../../src/grid';
import { book, sheet } from '../support/grid';
import { loadGrid } from '../support/workbook';

const DIR = 'test/fixtures';

describe('facts the rules take from the workbook', () => {
  it('北塔 基础数据表: 编制 20 and 在职 20 below their headings; 三公经费 by year', async () => {
    const grid = await loadGrid(join(DIR, 'national-beita-2023.xlsx'));
    const facts = collectFacts(
      grid.sheets.map((s) => new Sheet(s)),
      new CellReader(),
    );
    assert.deepEqual([facts.get('staffQuota')?.cell, facts.get('staffQuota')?.value.toFixed()], ['B4', '20']);
    assert.deepEqual([facts.get('staffActual')?.cell, facts.get('staffActual')?.value.toFixed()], ['C4', '20']);
    const year = (name: Parameters<typeof facts.get>[0]) => `${facts.get(name)?.label}=${facts.get(name)?.value.toFixed()}@${facts.get(name)?.cell}`;
    assert.deepEqual(
      (['threePublicPreviousActual', 'threePublicBudget', 'threePublicActual', 'procurementBudget', 'procurementActual'] as const).map(year),
      [
        '2022年三公经费=5.41@B6',
        '2023年三公经费预算=0@C6',
        '2023年三公经费=0.1@D6',
        '2023年政府采购金额预算=111.8@C20',
        '2023年政府采购金额=182.62@D20',
      ],
    );
  });

  it('君山 自评表: 人员编制 and 实有人数 right of their labels; assets, balances and carry-over under their headings', async () => {
    const grid = await loadGrid(join(DIR, 'hunan-junshan-2020.xlsx'));
    const facts = collectFacts(
      grid.sheets.map((s) => new Sheet(s)),
      new CellReader(),
    );
    const show = (name: Parameters<typeof facts.get>[0]) => `${facts.get(name)?.cell}=${facts.get(name)?.value.toFixed()}`;
    assert.deepEqual(
      (['staffQuota', 'staffActual', 'assetsTotal', 'assetsInUse', 'balanceYear', 'balanceCumulative', 'carryOver'] as const).map(show),
      ['B3=30', 'E3=30', 'B28=195.77', 'C28=195.77', 'G16=0', 'H16=0', 'C8=0'],
    );
  });
});

describe('RULE_SCORE_DIFFERS', () => {
  const table = (score: number) =>
    sheet('评分表', [
      ['三级指标', '评分标准', '分值', '自评得分', '扣分原因'],
      ['资金结余', '无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。', 3, score, score < 3 ? '有结余' : null],
      ['在职人员控制率', '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。', 5, 5],
      ['合计', null, 8, score + 5],
    ]);

  it('is a warning when an input was missing and taken as 0 (no 上年结转 in the workbook)', () => {
    const form = sheet('自评表', [
      ['当年结余', '累计结余'],
      [5, 5],
    ]);
    const findings = checkWorkbook(book(form, table(3))).findings.filter((f) => f.code === 'RULE_SCORE_DIFFERS');
    assert.deepEqual(
      findings.map((f) => [f.severity, f.cell, f.expected, f.actual]),
      [['warning', 'D2', '0', '3']],
    );
    assert.match(findings[0].message, /上年结转未填（按0计）/);
  });

  it('accepts any admissible reading: 当年结余 within the carry-over while 累计结余 is not', () => {
    const form = sheet('自评表', [
      ['上年结转', '当年结余', '累计结余'],
      [10, 5, 12],
    ]);
    const findings = checkWorkbook(book(form, table(2))).findings.filter((f) => f.code === 'RULE_SCORE_DIFFERS');
    assert.deepEqual(findings, []);
  });

  it('says nothing where the inputs are not in the workbook (Kunming) or the rule is manual', async () => {
    const result = checkWorkbook(await loadGrid(join(DIR, 'kunming-dongchuan-2020.xlsx')));
    assert.ok(!result.findings.some((f) => f.code === 'RULE_SCORE_DIFFERS'));
  });
});

describe('proposed scores (填写自评得分)', () => {
  it('君山 with 实有人数 33: 0 points for 财政供养人员控制率 with the reason; full points need no reason', async () => {
    const proposals = proposeScores(await loadGrid(join(DIR, 'hunan-staff-over-quota.xlsx')));
    assert.deepEqual(
      proposals.map((p) => [p.indicator, p.scoreCell, p.reasonCell, p.score, p.reason]),
      [
        ['财政供养人员控制率', 'F3', 'G3', '0', '在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣5分，扣完为止'],
        ['资金结余', 'F8', 'G8', '3', ''],
        ['固定资产利用率', 'F19', 'G19', '3', ''],
      ],
    );
    assert.match(proposals[0].basis, /实有人数33（自评表!E3）÷人员编制30（自评表!B3）=110%/);
  });

  it('北塔: 年度资金总额 执行率 100% × 10 = 10', async () => {
    const proposals = proposeScores(await loadGrid(join(DIR, 'national-beita-2023.xlsx')));
    assert.deepEqual(
      proposals.map((p) => [p.indicator, p.scoreCell, p.score]),
      [['年度资金总额', 'H4', '10']],
    );
  });
});
