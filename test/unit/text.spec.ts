import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { normalizeLabel, parseIndicatorLabel } from '../../src/text';

describe('indicator labels from the seeds', () => {
  const cases: [string, { name: string; code?: string; points?: string }][] = [
    ['投  入\n（15分）', { name: '投入', points: '15' }],
    ['职责\n履行\n（25分）', { name: '职责履行', points: '25' }],
    ['效  果\n（20分）', { name: '效果', points: '20' }],
    ['产出指标\n（50分)', { name: '产出指标', points: '50' }],
    ['满意度\n指标\n（10分）', { name: '满意度指标', points: '10' }],
    ['A11部门中长期规划目标的明确性与合理性(2分)', { name: '部门中长期规划目标的明确性与合理性', code: 'A11', points: '2' }],
    ['C2部门效果(22分)', { name: '部门效果', code: 'C2', points: '22' }],
    ['A部门决策(35分)', { name: '部门决策', code: 'A', points: '35' }],
    ['B13“三公经费”控制率(1分)', { name: '三公经费控制率', code: 'B13', points: '1' }],
    ['“三公经费”\n变动率', { name: '三公经费变动率' }],
    ['数量\n指标', { name: '数量指标' }],
    ['预算配置\n（15分）', { name: '预算配置', points: '15' }],
    ['资产\n管理\n（10分）', { name: '资产管理', points: '10' }],
    ['社会效益（7.5分）', { name: '社会效益', points: '7.5' }],
  ];
  for (const [label, expected] of cases) {
    it(JSON.stringify(label), () => assert.deepEqual(parseIndicatorLabel(label), expected));
  }

  it('normalises spaces, full-width brackets and quotes', () => {
    assert.equal(normalizeLabel('总 分'), '总分');
    assert.equal(normalizeLabel('评  分  标  准'), '评分标准');
    assert.equal(normalizeLabel('扣分原因\n和其他说明'), '扣分原因和其他说明');
    assert.equal(normalizeLabel('部门（单位）'), '部门(单位)');
    assert.equal(normalizeLabel('“三公经费”\n合计'), '三公经费合计');
  });
});

describe('labels copied from PDFs and phones', () => {
  it('folds Kangxi radicals and circled numbers the way NFKC does', () => {
    assert.equal(normalizeLabel('⽤⼈单位'), '用人单位');
    assert.equal(normalizeLabel('①资产保存完整'), '1资产保存完整');
    assert.equal(normalizeLabel('ＡＢＣ１２３（５０分）'), 'ABC123(50分)');
  });
});
