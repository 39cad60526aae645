import assert from 'node:assert/strict';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { CellReader } from '../../src/cells';
import { checkScoreTable } from '../../src/checks/score-table';
import { detectScoreTables } from '../../src/detect/score-table';
import { checkWorkbook, type WorkbookGrid } from '../../src/index';
import { Sheet } from '../../src/grid';
import { loadGrid, setCell } from '../support/workbook';

/** Provincial forms of the corpus (scripts/corpus-tables.ts): what detection makes of each layout. */

const DIR = 'test/fixtures';
const grids: Record<string, WorkbookGrid> = {};
const tablesOf = (file: string) => detectScoreTables(new Sheet(grids[file].sheets[0]));
const codes = (grid: WorkbookGrid) =>
  checkWorkbook(grid)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.code}@${f.cell}`);

beforeAll(async () => {
  for (const file of [
    'corpus-yunnan-yongde-2022',
    'corpus-yunnan-linxiang-2023',
    'corpus-sichuan-qingshen-2023',
    'corpus-hubei-district-2020-fuwumaoyi',
    'corpus-hubei-ezhou-czj-2019',
    'corpus-sichuan-zhongjiang-2022',
    'corpus-anhui-tianchang-2022',
  ]) {
    grids[file] = await loadGrid(join(DIR, `${file}.xlsx`));
  }
});

describe('provincial 自评表 layouts', () => {
  it('云南 公开14表: a header on two rows (分值/得分 merged down beside 一级/二级/三级指标)', () => {
    const [table] = tablesOf('corpus-yunnan-yongde-2022');
    assert.equal(table.headerRow, 12);
    assert.deepEqual(table.columns, { level1: 0, level2: 1, level3: 2, points: 7, score: 8, reason: 9 });
    assert.equal(table.units.length, 9);
    assert.equal(table.extras[0].label.name, '年度资金总额');
  });

  it('临翔: a 其中 row repeating 分值 10 and 得分 9 is the breakdown of 年度资金总额, not a second score; 9.78 entered as 9', () => {
    const [table] = tablesOf('corpus-yunnan-linxiang-2023');
    assert.deepEqual(
      table.extras.map((u) => u.label.name),
      ['年度资金总额'],
    );
    assert.deepEqual(
      table.fundIdentities.map((id) => id.parts.map((p) => p.name)),
      [['当年财政拨款'], ['当年财政拨款'], ['当年财政拨款']],
    );
    assert.deepEqual(codes(grids['corpus-yunnan-linxiang-2023']), []);
    const grid = structuredClone(grids['corpus-yunnan-linxiang-2023']);
    setCell(grid, '项目支出绩效自评表', 'H6', 8);
    assert.deepEqual(codes(grid), ['RULE_SCORE_DIFFERS@H6'], '8 is neither 9.78 rounded nor cut');
  });

  it('四川: 预算执行情况(10分) read under its two-row heading (调整后预算数 is the budget), 绩效指标(90分) as a block', () => {
    const [table] = tablesOf('corpus-sichuan-qingshen-2023');
    const [fund] = table.extras;
    assert.deepEqual(
      [fund.label.name, fund.pointsCell, fund.execution],
      ['总额', { row: 9, col: 6 }, { budgetCell: { row: 9, col: 3 }, executedCell: { row: 9, col: 4 } }],
    );
    assert.deepEqual(
      table.fundIdentities.map((id) => `${id.qualifier}:${id.parts.map((p) => p.name).join('+')}`),
      [
        '年初预算:财政资金+财政专户管理资金+单位资金+其他资金',
        '调整后预算数:财政资金+财政专户管理资金+单位资金+其他资金',
        '预算执行数:财政资金+财政专户管理资金+单位资金+其他资金',
      ],
    );
    assert.deepEqual(
      table.blocks.map((b) => [b.label.name, b.label.points, b.roots.length]),
      [['绩效指标', '90', 2]],
    );
  });

  it('湖北: 得分(20分*执行率) gives the execution row its points; 年度绩效目标(80分) against 60 + 40', () => {
    const [table] = tablesOf('corpus-hubei-district-2020-fuwumaoyi');
    assert.equal(table.extras[0].label.points, '20');
    assert.equal(table.columns.points, undefined);
    assert.deepEqual(codes(grids['corpus-hubei-district-2020-fuwumaoyi']), ['WEIGHT_MISMATCH@A9']);
    const block = checkWorkbook(grids['corpus-hubei-district-2020-fuwumaoyi']).findings.find((f) => f.cell === 'A9')!;
    assert.equal(block.message, '“年度绩效目标”标明80分，其下一级指标分值合计100分（60+40），两者不一致。请核对该栏或其下指标的分值。');
  });

  it('湖北: a second 年度绩效目标 block repeating the header is a block of its own', () => {
    const grid = structuredClone(grids['corpus-hubei-district-2020-fuwumaoyi']);
    const cells = grid.sheets[0].cells;
    // 年度绩效目标1(40分) over 产出指标, 年度绩效目标2(40分) over 效益指标 under a header of its own.
    setCell(grid, '项目自评表', 'A9', '年度绩效目标1(60分)');
    cells.splice(15, 0, structuredClone(cells[8]));
    grid.sheets[0].merges = [];
    setCell(grid, '项目自评表', 'A16', '年度绩效目标2(30分)');
    const [table] = detectScoreTables(new Sheet(grid.sheets[0]));
    assert.deepEqual(
      table.blocks.map((b) => [b.label.name, b.roots.map((r) => r.label.name)]),
      [
        ['年度绩效目标1', ['产出指标']],
        ['年度绩效目标2', ['效益指标']],
      ],
    );
    const found = checkScoreTable(table, new CellReader())
      .findings.filter((f) => f.code === 'WEIGHT_MISMATCH')
      .map((f) => f.cell);
    assert.deepEqual(found, ['A16'], '60 = 产出指标(60分); 30 ≠ 效益指标(40分)');
  });

  it('the 总分 is read with or without the 年度资金总额 row, whichever the table is consistent with', () => {
    assert.equal(checkWorkbook(grids['corpus-yunnan-yongde-2022']).totals?.computed, '96', 'included: 86 + 10');
    assert.equal(checkWorkbook(grids['corpus-sichuan-zhongjiang-2022']).totals?.computed, '100', 'excluded: 110 with it');
    const grid = structuredClone(grids['corpus-sichuan-zhongjiang-2022']);
    setCell(grid, '绩效目标自评表', 'H23', 105);
    assert.deepEqual(codes(grid), ['SCORE_TOTAL_MISMATCH@H23'], 'neither 100 nor 110: an error');
  });

  it('云南: the grade written beside the 总分 answers to it', () => {
    const grid = structuredClone(grids['corpus-yunnan-yongde-2022']);
    setCell(grid, '公开14表', 'J24', '良');
    assert.deepEqual(codes(grid), ['MISSING_REASON@J16', 'MISSING_REASON@J19', 'GRADE_MISMATCH@J24']);
  });

  it('天长: a 一级指标 cell holding only its points, (50分), is a group of 50', () => {
    const [table] = tablesOf('corpus-anhui-tianchang-2022');
    assert.deepEqual(
      table.roots.map((r) => [r.label.name, r.label.points]),
      [
        ['(50分)', '50'],
        ['(30分)', '30'],
        ['满意度指标', '10'],
      ],
    );
    const grid = structuredClone(grids['corpus-anhui-tianchang-2022']);
    setCell(grid, '项目支出绩效自评表', 'G13', 12);
    assert.ok(codes(grid).includes('WEIGHT_MISMATCH@B13'));
  });

  it('权重 written as shares (0.1 … 0.2, adding up to 1) are read as points out of 100', () => {
    const grid = structuredClone(grids['corpus-sichuan-zhongjiang-2022']);
    for (const [cell, share] of [
      ['E12', 0.1],
      ['E13', 0.1],
      ['E14', 0.2],
      ['E15', 0.1],
      ['E16', 0.1],
      ['E17', 0.1],
      ['E19', 0.1],
      ['E20', 0.1],
      ['E21', 0.1],
      ['E23', 1],
    ] as const) {
      setCell(grid, '绩效目标自评表', cell, share);
    }
    assert.deepEqual(codes(grid), []);
    setCell(grid, '绩效目标自评表', 'H14', 21);
    assert.deepEqual(codes(grid), ['SCORE_OUT_OF_RANGE@H14', 'SCORE_TOTAL_MISMATCH@H23']);
  });

  it('偏差原因 holding 0 or / says nothing: a deduction there still needs its reason', () => {
    const grid = structuredClone(grids['corpus-hubei-ezhou-czj-2019']);
    setCell(grid, '项目支出绩效自评表', 'H16', '/');
    assert.deepEqual(codes(grid), ['MISSING_REASON@H16']);
    setCell(grid, '项目支出绩效自评表', 'H16', 0);
    assert.deepEqual(codes(grid), ['MISSING_REASON@H16']);
  });
});
