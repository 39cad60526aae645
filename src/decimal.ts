import Decimal from 'decimal.js';

/** The one decimal configuration of the core: money and scores never touch binary floats. */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/**
 * A spreadsheet double as the decimal the sheet means: Excel keeps 15 significant digits, so
 * 0.30000000000000004 (the cached result of =0.1+0.2) is 0.3.
 */
export function decFromDouble(n: number): Dec {
  if (Number.isSafeInteger(n)) return new Dec(n);
  return new Dec(Number(n.toPrecision(15)).toString());
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

/** A decimal as a clerk writes it: no exponent, no trailing zeros ("47", "1166.19", "0.5"). */
export function show(d: Dec): string {
  return d.toFixed();
}
