import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { parseAmount, type Amount } from '../../src/number';

/** t(expected, raw, numFmt?): one table row; expected is the decimal string, 'empty' or 'invalid'. */
function t(expected: string, raw: string | number | null, numFmt?: string, unit?: string) {
  const a: Amount = parseAmount(raw, numFmt);
  const got = a.kind === 'number' ? a.value.toFixed() : a.kind;
  assert.equal(got, expected, `${JSON.stringify(raw)} → ${got}`);
  if (unit && a.kind === 'number') assert.equal(a.unit, unit);
}

describe('parseAmount on the seeds’ real values', () => {
  it('reads Excel numbers as the decimals the sheet means', () => {
    t('1166.19', 1166.19);
    t('436.15', 436.15);
    t('0.3', 0.1 + 0.2);
    t('98', 98.00000000000001);
    t('23.48', 23.48);
  });

  it('reads numbers stored as text: thousands separators, 万元, 分, full-width digits', () => {
    t('1166.19', '1,166.19', undefined, 'none');
    t('35.94', '35.94万元', undefined, 'wan');
    t('100', '100分', undefined, 'points');
    t('594.67', '594.67 万元');
    t('5', '５');
    t('12.5', '１２．５');
    t('-3', '－3');
    t('1234567.8', '1,234,567.8');
    t('30', '30人', undefined, 'persons');
    t('56.7', '￥56.70');
  });

  it('keeps percentages as fractions, as Excel stores them', () => {
    t('1', '100.00%', undefined, 'percent');
    t('0.4141', '41.41%');
    t('0.5', '50％');
    t('1', 1, '0.00%', 'percent');
    t('1', 1, undefined, 'none');
  });

  it('treats blanks and dashes as empty, not as zero', () => {
    t('empty', null);
    t('empty', '');
    t('empty', '—');
    t('empty', '--');
    t('empty', '　');
    t('empty', '/');
  });

  it('refuses text that is not a number', () => {
    t('invalid', '满分');
    t('invalid', '1,16,6');
    t('invalid', '2020年');
    t('invalid', '#DIV/0!');
    t('invalid', '5-6');
  });

  it('knows the decimals the sheet shows', () => {
    const shown = (raw: string | number, fmt?: string) => {
      const a = parseAmount(raw, fmt);
      return a.kind === 'number' ? a.decimals : -1;
    };
    assert.equal(shown(701, '0.00'), 2);
    assert.equal(shown(1166.19), 2);
    assert.equal(shown('1,166.19'), 2);
    assert.equal(shown('100.00%'), 4);
    assert.equal(shown(1, '0%'), 2);
    assert.equal(shown(0.1 + 0.2), 1);
  });
});
