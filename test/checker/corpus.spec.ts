import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { checkWorkbook, type CheckResult } from '../../src/index';
import { loadGrid } from '../support/workbook';

/**
 * The corpus of published 自评表 (scripts/corpus-tables.ts, rebuilt by scripts/make-corpus.ts): tables of several
 * provinces as their units published them, mistakes kept, with the findings checked by hand.
 */

const DIR = 'test/fixtures';

interface CorpusExpected {
  file: string;
  province: string;
  source: string[];
  layout: string[];
  partial?: string;
  findings: { code: string; sheet: string; cell: string }[];
}

const corpus = readdirSync(DIR)
  .filter((f) => f.startsWith('corpus-') && f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as CorpusExpected);
const results = new Map<string, CheckResult>();

beforeAll(async () => {
  for (const e of corpus) results.set(e.file, checkWorkbook(await loadGrid(join(DIR, e.file))));
});

describe('corpus of published provincial 自评表', () => {
  it('holds at least 12 tables from at least 6 provinces, each with its source', () => {
    const tables = corpus.reduce((n, e) => n + results.get(e.file)!.tables.filter((t) => t.kind === 'score-table').length, 0);
    const provinces = new Set(corpus.map((e) => e.province));
    assert.ok(tables >= 12, `${tables} tables`);
    assert.ok(provinces.size >= 6, [...provinces].join('、'));
    for (const e of corpus) assert.ok(e.source.length && e.source.every((s) => s.length > 10), e.file);
  });

  it('finds every mistake checked by hand and reports no error on a clean table', () => {
    let expected = 0;
    let found = 0;
    let falseErrors = 0;
    for (const e of corpus) {
      const findings = results.get(e.file)!.findings;
      expected += e.findings.length;
      found += e.findings.filter((x) => findings.some((f) => f.code === x.code && f.sheet === x.sheet && f.cell === x.cell)).length;
      const errors = findings.filter((f) => f.severity === 'error');
      falseErrors += errors.filter((f) => !e.findings.some((x) => x.code === f.code && x.cell === f.cell)).length;
    }
    assert.deepEqual({ found, falseErrors }, { found: expected, falseErrors: 0 });
    assert.ok(expected >= 15 && corpus.filter((e) => !e.findings.length).length >= 6, 'faulty and clean tables both');
  });
});
