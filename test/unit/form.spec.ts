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
