import { Dec, decFromDouble } from './decimal';
import type { CellValue } from './grid';

/** What a number was written in. Percentages are kept as fractions, as Excel stores them (100% → 1). */
export type NumberUnit = 'none' | 'wan' | 'yuan' | 'percent' | 'points' | 'persons';

export type Amount =
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string }
  | {
      kind: 'number';
      value: Dec;
      unit: NumberUnit;
      /** Read from text such as "1,166.19" or "35.94万元" rather than stored as a number. */
      fromText: boolean;
      /** Decimal places the sheet shows, for comparisons "to the cents the sheet shows". */
      decimals: number;
    };

/** Written for "nothing here" in Chinese forms. */
const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '/', '无', '－', '―']);

const UNITS: ReadonlyArray<[RegExp, NumberUnit]> = [
  [/万元$/, 'wan'],
  [/元$/, 'yuan'],
  [/%$/, 'percent'],
  [/分$/, 'points'],
  [/人$/, 'persons'],
];

const NUMBER_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/**
 * The one number parser of the product: an Excel number, "1,166.19", "35.94万元", "100分", "100.00%", full-width
 * digits, blanks and dashes. Never throws.
 */
export function parseAmount(raw: CellValue | undefined, numFmt?: string): Amount {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'invalid', text: String(raw) };
    const percent = !!numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''));
    const value = decFromDouble(raw);
    return { kind: 'number', value, unit: percent ? 'percent' : 'none', fromText: false, decimals: shownDecimals(value, numFmt, percent) };
  }
  if (typeof raw === 'boolean') return { kind: 'invalid', text: String(raw) };
  return parseNumberText(raw);
}

function parseNumberText(raw: string): Amount {
  let text = raw
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[¥￥]/, '');
  if (EMPTY_MARKS.has(text)) return { kind: 'empty' };
  let unit: NumberUnit = 'none';
  for (const [suffix, u] of UNITS) {
    if (suffix.test(text)) {
      unit = u;
      text = text.replace(suffix, '');
      break;
    }
  }
  const m = NUMBER_TEXT.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { kind: 'invalid', text: raw };
  const digits = `${m[1]}${(m[2] ?? '0').replace(/,/g, '')}${m[3] !== undefined ? '.' + m[3] : ''}`;
  let value = new Dec(digits);
  let decimals = m[3]?.length ?? 0;
  if (unit === 'percent') {
    value = value.div(100);
    decimals += 2;
  }
  return { kind: 'number', value, unit, fromText: true, decimals };
}

/** Decimal places of a number format ("0.00" → 2, "0.0%" → 3); General shows the value's own places. */
function shownDecimals(value: Dec, numFmt: string | undefined, percent: boolean): number {
  if (!numFmt) return value.decimalPlaces();
  const fmt = numFmt.replace(/"[^"]*"/g, '').split(';')[0];
  if (!fmt || /general/i.test(fmt)) return value.decimalPlaces();
  const places = /\.([0#?]+)/.exec(fmt)?.[1].length ?? 0;
  return places + (percent ? 2 : 0);
}
