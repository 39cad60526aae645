import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { detectBaseData } from '../../src/detect/base-data';
import type { SumIdentity } from '../../src/detect/identity';
import { detectUnitTables } from '../../src/detect/unit-table';
import { Sheet, toA1 } from '../../src/grid';
import { sheet } from '../support/grid';

/** "B16 = C16+F16 (exhaustive)" */
function show(id: SumIdentity): string {
  return `${toA1(id.total.row, id.total.col)} ${id.exhaustive ? '=' : '≥'} ${id.parts.map((p) => toA1(p.cell.row, p.cell.col)).join('+')}`;
}

describe('自评表 tables by 机构', () => {
  const spending = new Sheet(
    sheet(
      '自评表',
      [
        ['机构名称', '支出合计', '其中：', null, null, null, '结余'],
        [null, null, '基本支出', '其中：', null, '项目支出', '当年结余', '累计结余'],
        [null, null, null, '人员支出', '公用支出'],
        ['机关及二级机构汇总', '1,166.19', 701, 436.15, 264.85, 465.19, 0, 0],
        ['1、机关', 1166.19, 701, 436.15, 264.85, 465.19, 0, 0],
        ['2、二级机构1'],
        ['三、部门（单位）整体支出绩效自评情况'],
      ],
      ['A1:A3', 'B1:B3', 'C1:F1', 'G1:H1', 'D2:E2', 'C2:C3', 'F2:F3', 'G2:G3', 'H2:H3', 'A7:H7'],
    ),
  );
  const ids = detectUnitTables(spending).map(show);

  it('支出合计 = 基本支出 + 项目支出, 基本支出 = 人员 + 公用, 结余 outside both, on every unit row', () => {
    for (const row of [4, 5, 6]) {
      assert.ok(ids.includes(`B${row} = C${row}+F${row}`), `row ${row}`);
      assert.ok(ids.includes(`C${row} = D${row}+E${row}`), `row ${row}`);
    }
    assert.ok(!ids.some((id) => /G\d|H\d/.test(id.split(' ')[2]) && id.startsWith('B')), '结余 is not part of 支出合计');
  });

  it('汇总 = Σ numbered unit rows on every column, a 三、 section title is not a unit', () => {
    assert.ok(ids.includes('B4 = B5+B6'));
    assert.ok(ids.includes('H4 = H5+H6'));
    assert.ok(!ids.some((id) => id.includes('7')));
  });

  it('固定资产合计 = 在用 + 出租 + 其他: the 其他 column after the 其中 span is a part', () => {
    const assets = new Sheet(
      sheet(
        '表',
        [
          ['机构名称', '固定资产\n合计', '其中：', null, '其他'],
          [null, null, '在用固定资产', '出租固定资产'],
          ['机关及二级机构汇总', 195.77, 195.77],
          ['1、机关', 195.77, 195.77],
        ],
        ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'],
      ),
    );
    assert.ok(detectUnitTables(assets).map(show).includes('B3 = C3+D3+E3'));
  });
});

describe('基础数据表 rows', () => {
  const base = new Sheet(
    sheet('基础数据表', [
      ['经费控制情况(万元)', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['三公经费', 5.41, 0, 0.1],
      ['1、公务用车购置和维护经费', 5.41, 0, 0],
      ['其中：公车购置', 0, 0, 0],
      ['公车运行维护', 0, 0, 0],
      ['2、出国经费', 0, 0, 0],
      ['3、公务接待', 5.41, 0, 0.1],
      ['项目支出：', 148.58, 0, 0],
      ['1、业务工作经费', 148.58, 0, 0],
      ['公用经费：', 117.65, 111.88, 206.7],
      ['其中：办公经费', 19.9, 3.5, 19.86],
      ['水费、电费、差旅费', 0.3, 2, 2.46],
      ['会议费、培训费', 10.74, 2, 11.86],
      ['政府采购金额', 120.8, 111.8, 182.62],
      ['楼堂馆所控制情况', '批复规模'],
    ]),
  );
  const ids = detectBaseData(base);
  const shown = ids.filter((id) => id.total.col === 1).map(show);

  it('numbered rows are exhaustive, 其中 under 公务用车购置和维护经费 is exhaustive, under 公用经费 partial', () => {
    assert.deepEqual(shown, ['B2 = B3+B6+B7', 'B3 = B4+B5', 'B8 = B9', 'B10 ≥ B11+B12+B13']);
  });

  it('政府采购金额 is a row of its own, not a member of the 公用经费 list', () => {
    assert.ok(!shown.some((id) => id.includes('B14')));
  });

  it('names the year of each column', () => {
    assert.deepEqual([...new Set(ids.map((id) => id.qualifier))], ['2022年决算数', '2023年预算数', '2023年决算数']);
  });
});
