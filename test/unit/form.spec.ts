import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { checkWorkbook } from '../../src/checker';
import { gradeOf, readGrade } from '../../src/checks/form';
import { Dec } from '../../src/decimal';
import { book, codedTable, sheet } from '../support/grid';

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
    const findings = checkWorkbook(book(codedTable())).findings.map((f) => `${f.code}@${f.cell} ${f.expected}/${f.actual}`);
    assert.deepEqual(findings, ['WEIGHT_MISMATCH@A7 2/3']);
  });
});

describe('groups with a row of their own (分值 and 小计 on the 一级指标 row)', () => {
  it('takes the group’s 分值 from its row and checks its 小计 against its indicators', () => {
    const table = sheet('评分表', [
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['投入', null, null, 10, 9],
      [null, '预算配置', '在职人员控制率', 5, 5],
      [null, null, '三公经费变动率', 5, 5],
      ['过程', null, null, 6, 6],
      [null, '预算执行', '预算调整率', 3, 3],
      [null, null, '支付进度', 4, 3],
      ['总分', null, null, 16, 16],
    ]);
    const findings = checkWorkbook(book(table)).findings.map((f) => `${f.code}@${f.cell} ${f.expected}/${f.actual}`);
    assert.deepEqual(findings.sort(), ['SCORE_TOTAL_MISMATCH@E2 10/9', 'WEIGHT_MISMATCH@A5 7/6'].sort());
  });

  it('in a one-column coded table, a parent row’s score is its 小计', () => {
    const table = sheet('评分', [
      ['指标', '得分'],
      ['A部门决策(4分)', 3],
      ['A11部门中长期规划目标的明确性与合理性(2分)', 2],
      ['A12年度工作目标的明确性与合理性(2分)', 2],
      ['合计', 4],
    ]);
    const findings = checkWorkbook(book(table)).findings.map((f) => `${f.code}@${f.cell} ${f.expected}/${f.actual}`);
    assert.deepEqual(findings, ['SCORE_TOTAL_MISMATCH@B2 4/3']);
  });
});

describe('form fields and look-alike headings', () => {
  it('a table heading 综合得分 / 评价等级 followed by other headings is no form field', () => {
    const projects = sheet('项目表', [
      ['项目名称', '综合得分', '评价等级', '备注说明文字'],
      ['春节系列活动', 95, '优', null],
    ]);
    const table = sheet('打分', [
      ['三级指标', '分值', '得分'],
      ['指标一', 100, 95],
      ['合计', 100, 95],
    ]);
    assert.deepEqual(checkWorkbook(book(projects, table)).findings, []);
  });
});
