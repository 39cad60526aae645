import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { Dec } from '../../src/decimal';
import { parseRule, scoreRule } from '../../src/rules/engine';
import { isRuleError, type RuleValue } from '../../src/rules/types';

/**
 * Published 评分标准 texts other than our seeds', one file per source (test/rules/corpus/*.json) with its URL. A
 * quantitative text must parse and score each case as computed by hand (every admissible reading, first = the
 * score); a judgement text (酌情, 视情况…) must be manual, never guessed. Adding a text is adding a line to a file.
 */
interface CorpusRule {
  indicator: string;
  max?: string;
  kind: 'quantitative' | 'judgement';
  text: string;
  note?: string;
  cases?: [RuleValue, string[]][];
}

interface Source {
  title: string;
  province: string;
  url: string;
  rules: CorpusRule[];
}

const DIR = 'test/rules/corpus';
const SOURCES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Source) }));

const parse = (r: CorpusRule) => parseRule(r.text, { ...(r.max ? { max: new Dec(r.max) } : {}), name: r.indicator });

/** Texts still refused, with the reason: kept in view here, so that one that starts to parse is noticed. */
const REFUSED: string[] = [];

describe('corpus of published 评分标准', () => {
  const quantitative = SOURCES.flatMap((s) => s.rules.filter((r) => r.kind === 'quantitative'));

  it('every source names its URL; every quantitative text has cases', () => {
    assert.ok(SOURCES.length >= 6);
    for (const s of SOURCES) {
      assert.match(s.url, /^https?:\/\//, s.file);
      assert.ok(s.rules.length > 0, s.file);
    }
    for (const r of quantitative) assert.ok((r.cases?.length ?? 0) > 0, r.text);
  });

  it(`parses at least 95% of the quantitative texts`, () => {
    const refused = quantitative.flatMap((r) => {
      const rule = parse(r);
      return isRuleError(rule) ? [`${r.text} → ${rule.error}`] : rule.shape === 'manual' ? [`${r.text} → manual`] : [];
    });
    assert.deepEqual(refused, REFUSED);
    const rate = (quantitative.length - refused.length) / quantitative.length;
    assert.ok(rate >= 0.95, `parse rate ${(rate * 100).toFixed(1)}% of ${quantitative.length}`);
  });

  for (const source of SOURCES) {
    describe(`${source.province}: ${source.file}`, () => {
      for (const r of source.rules) {
        it(`${r.indicator} (${r.kind})`, () => {
          const rule = parse(r);
          if (r.kind === 'judgement') {
            assert.ok(!isRuleError(rule) && rule.shape === 'manual', `${r.text} must be manual`);
            const s = scoreRule(rule, 1);
            assert.ok(!isRuleError(s) && s.manual && s.score === undefined);
            return;
          }
          if (isRuleError(rule)) {
            assert.ok(
              REFUSED.some((x) => x.startsWith(r.text)),
              `${r.text}: ${rule.error}`,
            );
            return;
          }
          assert.notEqual(rule.shape, 'manual');
          if (r.max) assert.equal(rule.max.toFixed(), r.max, 'full points');
          for (const [value, expected] of r.cases ?? []) {
            const s = scoreRule(rule, value);
            assert.ok(!isRuleError(s), `${r.text} @ ${JSON.stringify(value)}: ${isRuleError(s) ? s.error : ''}`);
            assert.deepEqual(
              s.readings.map((x) => x.toDecimalPlaces(4).toFixed()),
              expected,
              `${r.text} @ ${JSON.stringify(value)}`,
            );
            // 扣分原因 as a reviewer writes it: Chinese punctuation, no ASCII commas, semicolons or brackets.
            assert.doesNotMatch(s.reason, /[,;()]/, s.reason);
            assert.doesNotMatch(s.reason, /实际值/, s.reason);
          }
        });
      }
    });
  }
});
