import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { checkWorkbook, parseA1, SEVERITY } from '../../src/index';
import { loadGrid } from '../support/workbook';

const DIR = 'test/fixtures';

interface ExpectedFinding {
  code: string;
  severity?: string;
  sheet: string;
  cell?: string;
  row?: number;
}

interface Expected {
  file: string;
  /** Our own fixtures list every error: the checker must report exactly those. */
  exact?: boolean;
  findings: ExpectedFinding[];
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Expected);

const at = (f: { code: string; sheet: string; cell: string }) => `${f.code}@${f.sheet}!${f.cell}`;

describe('fixtures: every expected finding at its cell', () => {
  it('has the three shared fixtures and at least fifteen of our own', () => {
    const names = fixtures.map((f) => f.file);
    for (const shared of ['hunan-junshan-2020.xlsx', 'national-beita-2023.xlsx', 'kunming-dongchuan-2020.xlsx']) assert.ok(names.includes(shared));
    assert.ok(fixtures.filter((f) => f.exact).length >= 15);
  });

  for (const expected of fixtures) {
    it(expected.file, async () => {
      const result = checkWorkbook(await loadGrid(join(DIR, expected.file)));
      for (const e of expected.findings) {
        const hit = result.findings.find(
          (g) => g.code === e.code && g.sheet === e.sheet && (e.cell ? g.cell === e.cell : parseA1(g.cell).row + 1 === e.row),
        );
        assert.ok(hit, `missing ${e.code}@${e.sheet}!${e.cell ?? 'row ' + e.row}; got ${result.findings.map(at).join(', ')}`);
      }
      const errors = result.findings.filter((g) => g.severity === 'error');
      // RULE_SCORE_DIFFERS is an error when every input is in the workbook, as in all our fixtures.
      const severityOf = (e: ExpectedFinding) => e.severity ?? SEVERITY[e.code as keyof typeof SEVERITY] ?? 'error';
      const expectedErrors = expected.findings.filter((e) => severityOf(e) === 'error');
      if (!expected.findings.length) assert.deepEqual(errors.map(at), [], 'a clean workbook reports no error');
      if (expected.exact) {
        assert.deepEqual(errors.map(at).sort(), expectedErrors.map((e) => at({ ...e, cell: e.cell! })).sort(), 'exactly the injected errors');
      }
      for (const f of result.findings) {
        assert.match(f.message, /[\u4e00-\u9fff]/, 'messages are Chinese');
        assert.match(f.cell, /^[A-Z]+\d+$/);
      }
    });
  }
});

describe('messages carry the numbers a clerk needs', () => {
  it('Kunming C部门绩效: declared 45, children 46 with the parts', async () => {
    const result = checkWorkbook(await loadGrid(join(DIR, 'kunming-dongchuan-2020.xlsx')));
    const f = result.findings.find((g) => g.cell === 'A31')!;
    assert.equal(f.message, '一级指标“部门绩效”标明45分，其下二级指标分值合计46分（18+22+6），两者不一致。请核对该指标或其下指标的分值。');
    assert.equal(f.expected, '46');
    assert.equal(f.actual, '45');
  });

  it('national 产出指标: 50 against 47', async () => {
    const result = checkWorkbook(await loadGrid(join(DIR, 'national-beita-2023.xlsx')));
    const f = result.findings.find((g) => g.cell === 'B9')!;
    assert.match(f.message, /产出指标”标明50分，其下三级指标分值合计47分（20\+10\+17）/);
    const sum = result.findings.find((g) => g.code === 'SUM_MISMATCH' && g.cell === 'B6')!;
    assert.equal(sum.expected, '10.82');
    assert.equal(sum.actual, '5.41');
    assert.match(sum.message, /2022年决算数/);
  });

  it('君山: total 98 and grade 优 recognised, no finding at all', async () => {
    const result = checkWorkbook(await loadGrid(join(DIR, 'hunan-junshan-2020.xlsx')));
    assert.equal(result.totalScore, '98');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.tables.map((t) => `${t.sheet}:${t.kind}`),
      ['自评表:money-table', '评分表:score-table'],
    );
  });
});
