import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { detectScoreTables, type IndicatorNode } from '../../src/detect/score-table';
import { Sheet } from '../../src/grid';
import { codedTable, sheet } from '../support/grid';

const HUNAN_HEADER = ['一级\n指标', '二级\n指标', '三级指标', '评  分  标  准', '分值', '自评得分', '扣分原因\n和其他说明'];

function outline(nodes: IndicatorNode[]): unknown[] {
  return nodes.map((n) => (n.kind === 'group' ? { [n.label.name]: outline(n.children) } : n.label.name + '@' + n.rows.join(',')));
}

describe('评分表 detection', () => {
  it('happy path: the 君山 layout with merged first/second levels and a shared 分值', () => {
    const s = new Sheet(
      sheet(
        '评分表',
        [
          ['部门整体支出绩效评价评分表'],
          HUNAN_HEADER,
          ['投入\n（15分）', '预算配置\n（15分）', '财政供养人员\n控制率', '…', 5, 5, null],
          [null, null, '“三公经费”\n变动率', '…', 5, 5, null],
          [null, null, '重点支出\n安排率', '…', 5, 5, null],
          ['效  果\n（20分）', '履职\n效益\n（20分）', '经济效益', '…', 15, 5, null],
          [null, null, '社会效益', null, null, 5, null],
          [null, null, '生态效益', null, null, 5, null],
          [null, null, '社会公众或服务对象满意度', '…', 5, 5, null],
          ['总 分', null, null, null, 100, 98, null],
        ],
        ['A1:G1', 'A3:A5', 'B3:B5', 'A6:A9', 'B6:B9', 'E6:E8', 'A10:D10'],
      ),
    );
    const [table] = detectScoreTables(s);
    assert.equal(table.headerRow, 1);
    assert.deepEqual(table.columns, { level1: 0, level2: 1, level3: 2, criterion: 3, points: 4, score: 5, reason: 6 });
    assert.deepEqual(outline(table.roots), [
      { 投入: [{ 预算配置: ['财政供养人员控制率@2', '三公经费变动率@3', '重点支出安排率@4'] }] },
      { 效果: [{ 履职效益: ['经济效益@5,6,7', '社会公众或服务对象满意度@8'] }] },
    ]);
    assert.equal(table.units[3].scoreCells.length, 3, 'one 分值 merged over three rows, three scores');
    assert.deepEqual(table.total && { label: table.total.labelCell, points: table.total.pointsCell, score: table.total.scoreCell }, {
      label: { row: 9, col: 0 },
      points: { row: 9, col: 4 },
      score: { row: 9, col: 5 },
    });
  });

  it('a page-break continuation (title ending 续, header again, parents repeated) continues the same indicators', () => {
    const s = new Sheet(
      sheet(
        '评分表',
        [
          HUNAN_HEADER,
          ['过程\n（40分）', '资产管理\n（10分）', '管理制度\n健全性', '…', 3, 3, null],
          ['部门整体支出绩效评价评分表（续）'],
          HUNAN_HEADER,
          ['过程\n（40分）', '资产\n管理\n（10分）', '资产管理\n安全性', '…', 4, 3, '需及时办理'],
          [null, null, '固定资产\n利用率', '…', 3, 3, null],
        ],
        ['A3:G3', 'A5:A6', 'B5:B6'],
      ),
    );
    const [table] = detectScoreTables(s);
    assert.deepEqual(outline(table.roots), [{ 过程: [{ 资产管理: ['管理制度健全性@1', '资产管理安全性@4', '固定资产利用率@5'] }] }]);
  });

  it('Kunming: no 分值 column, points inside the names, 合计 分值 in the name column', () => {
    const s = new Sheet(
      sheet(
        '评分情况',
        [
          ['一级指标', '二级指标', '三级指标', '得分', '指标解释', '指标评分细则', '评分说明'],
          ['A部门决策(4分)', 'A1部门目标(4分)', 'A11部门中长期规划目标的明确性与合理性(2分)', 2, '…', '…', '…'],
          [null, null, 'A12年度工作目标的明确性与合理性(2分)', 2, '…', '…', '…'],
          ['合计', null, 100, 98],
        ],
        ['A2:A3', 'B2:B3', 'A4:B4'],
      ),
    );
    const [table] = detectScoreTables(s);
    assert.equal(table.columns.points, undefined);
    assert.deepEqual(
      table.units.map((u) => [u.label.code, u.label.points]),
      [
        ['A11', '2'],
        ['A12', '2'],
      ],
    );
    assert.deepEqual(table.total?.pointsCell, { row: 3, col: 2 });
  });

  it('national: the 年度资金总额 row above the indicators counts as a scored row of the table', () => {
    const s = new Sheet(
      sheet(
        '自评表',
        [
          ['年度预\n算申请', null, '年初\n预算数', '全年预算数', '全年\n执行数', '分值', '执行率', '得分'],
          [null, '年度资金总额', 394.5, 594.67, 594.67, 10, 1, 10],
          [null, '按收入性质分：', null, null, null, '按支出性质分：'],
          ['绩\n效\n指\n标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因'],
          [null, '产出指标\n（50分)', '数量\n指标', '重要会议活动', '…', '…', 20, 20],
          [null, null, '时效\n指标'],
          ['总分', null, null, null, null, null, null, 30],
        ],
        ['A1:A3', 'A4:A6', 'B5:B6', 'A7:G7'],
      ),
    );
    const [table] = detectScoreTables(s);
    assert.equal(table.headerRow, 3);
    assert.deepEqual(
      table.extras.map((u) => u.label.name),
      ['年度资金总额'],
    );
    assert.equal(table.total?.pointsCell, undefined, '总分 merged across the 分值 column has no 分值');
    assert.deepEqual(outline(table.roots), [{ 产出指标: [{ 数量指标: ['重要会议活动@4'] }, { 时效指标: [] }] }]);
  });

  it('finds nothing in a sheet without a 评分表 header', () => {
    const s = new Sheet(
      sheet('Sheet1', [
        ['姓  名', '职务/职称', '单  位'],
        ['张新文', '常务副主任', '区委办'],
      ]),
    );
    assert.deepEqual(detectScoreTables(s), []);
  });
});

describe('评分表 with every level in one column', () => {
  it('takes the hierarchy from the codes: A → A1 → A11', () => {
    const s = new Sheet(codedTable());
    const [table] = detectScoreTables(s);
    assert.deepEqual(outline(table.roots), [
      { 部门决策: [{ 部门目标: ['部门中长期规划目标的明确性与合理性@3', '年度工作目标的明确性与合理性@4'] }] },
      { 部门管理: [{ 预算管理: ['基本支出预算执行率@7', '项目支出预算执行率@8'] }] },
    ]);
    assert.equal(table.units.length, 4, 'parent rows are not scored rows');
  });
});
