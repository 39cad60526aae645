import { Dec, ZERO } from './decimal';
import type { Amount } from './number';

export type NumberAmount = Extract<Amount, { kind: 'number' }>;

export function isNumber(a: Amount): a is NumberAmount {
  return a.kind === 'number';
}

/** A value with the decimal places the sheet shows for it. */
export interface Shown {
  value: Dec;
  decimals: number;
}

/** The sum of amounts, kept with the most decimal places any of them shows. */
export function total(amounts: readonly Shown[]): Shown {
  return amounts.reduce((acc, a) => ({ value: acc.value.plus(a.value), decimals: Math.max(acc.decimals, a.decimals) }), { value: ZERO, decimals: 0 });
}

/** Equal as the sheet shows them: both rounded to the finer of the two displays (0.1+0.2 equals 0.3). */
export function equalAsShown(a: Shown, b: Shown): boolean {
  const places = Math.min(Math.max(a.decimals, b.decimals), 10);
  // Most values already have no more places than shown: compared as they are, without rounding copies.
  if (a.value.decimalPlaces() <= places && b.value.decimalPlaces() <= places) return a.value.eq(b.value);
  return a.value.toDecimalPlaces(places).eq(b.value.toDecimalPlaces(places));
}
