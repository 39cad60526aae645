import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkbook } from '../../src/checker';
import { gradeOf, readGrade } from '../../src/checks/form';
import { Dec } from '../../src/decimal';
import { book, sheet } from '../support/grid';

describe('评价等次', () => {
  it('优 ≥90, 良 80–89.99, 中 60–79.99, 差 <60, bounds inclusive on the lower side', () => {
    const t = (score: string, grade: string) => assert.equal(gradeOf(new Dec(score)), grade, score);
    t('100', '优');
    t('90', '优');
    t('89.99', '良');
    t('80', '良');
    t('79.99', '中');
    t('60', '中');
    t('59.99', '差');
    t('0', '差');
  });

  it('reads the long forms a clerk writes', () => {
    assert.equal(readGrade('优秀'), '优');
    assert.equal(readGrade(' 良 好'), '良');
    assert.equal(readGrade('合格'), undefined);
  });

  it('checks the form against the 评分表 wherever both sit', () => {
    const form = sheet('封面', [
      [null, '绩效自评综合得分', null, 88.5],
      [null, '评价等次', null, '优'],
    ]);
    const table = sheet('打分', [
      ['三级指标', '分值', '得分'],
      ['指标一', 50, 45],
      ['指标二', 50, 43],
      ['合计', 100, 88],
    ]);
    const findings = checkWorkbook(book(form, table)).findings.map((f) => `${f.code}@${f.sheet}!${f.cell} ${f.expected}/${f.actual}`);
    assert.deepEqual(findings, ['SUMMARY_MISMATCH@封面!D1 88/88.5', 'GRADE_MISMATCH@封面!D2 良/优']);
  });
});

describe('a single-column coded 评分表 is checked like the Kunming one', () => {
  it('B1 declares 3 but its children carry 2: WEIGHT_MISMATCH on B1, and no missing score on parent rows', () => {
    const table = sheet('评分', [
      ['指标', '得分'],
      ['A部门决策(4分)', null],
      ['A1部门目标(4分)', null],
      ['A11部门中长期规划目标的明确性与合理性(2分)', 2],
      ['A12年度工作目标的明确性与合理性(2分)', 2],
      ['B部门管理(3分)', null],
      ['B1预算管理(3分)', null],
      ['B11基本支出预算执行率(1分)', 1],
      ['B12项目支出预算执行率(1分)', 1],
      ['合计', 6],
    ]);
    const findings = checkWorkbook(book(table)).findings.map((f) => `${f.code}@${f.cell} ${f.expected}/${f.actual}`);
    assert.deepEqual(findings, ['WEIGHT_MISMATCH@A7 2/3']);
  });
});
