import { Dec, ZERO } from '../decimal';
import { parseAmount } from '../number';
import { ruleMessages as M } from './messages';
import { percentText, pointsText } from './text';
import type { ParseContext, RuleError, RuleValue, Scored } from './types';
import { capOf, NUMBER } from './vocabulary';

/** "计5分" / "得3分" / "满分10分" / "满分为10分": the full points a text states in its first scoring clause. */
export const STATED_POINTS = new RegExp(`满分(?:为|是)?(${NUMBER})分|(?:计|得)(${NUMBER})分`);

/**
 * Full points: the text's own (a parameter of the rule: "计5分", "满分10分", else the cap of "扣满15分为止"), else
 * the row's 分值. Asked for only when neither says.
 */
export function fullPoints(text: string, ctx: ParseContext, stated = STATED_POINTS, whole = text): Dec | RuleError {
  const m = stated.exec(text);
  const own = m?.slice(1).find((g) => g !== undefined);
  if (own !== undefined) return new Dec(own);
  if (ctx.max) return ctx.max;
  const cap = capOf(whole);
  if (cap !== undefined) return new Dec(cap);
  return { error: M.missingMax };
}

/** The cap a text sets on deductions ("最多扣6分"), when below the full points. */
export function deductionCap(text: string, max: Dec): Dec | undefined {
  const cap = capOf(text);
  return cap !== undefined && new Dec(cap).lt(max) ? new Dec(cap) : undefined;
}

/** A value read as one number by the product's one parser: 110% → 1.1, "3" → 3. */
export function readNumber(value: RuleValue, what: string): Dec | RuleError {
  if (value instanceof Dec) return value;
  if (value !== null && typeof value === 'object') return { error: M.notANumberValue(what) };
  const a = parseAmount(value);
  if (a.kind === 'number') return a.value;
  if (a.kind === 'empty') return { error: M.missingValue(what) };
  return { error: M.notANumber(what, a.text) };
}

/**
 * A rate: a fraction as Excel stores percentages (110% → 1.1). A plain number above 10 (1000%) is almost surely a
 * percentage typed without its % sign; it is refused rather than read a hundred times too large.
 */
export function readRate(value: RuleValue, what: string): Dec | RuleError {
  const n = readNumber(value, what);
  if (n instanceof Dec && typeof value === 'number' && n.abs().gt(10)) return { error: M.percentWithoutSign(what, n) };
  return n;
}

/** A count of items or occurrences: a whole number, not negative. */
export function readCount(value: RuleValue, what: string): Dec | RuleError {
  const n = readNumber(value, what);
  if (!(n instanceof Dec)) return n;
  if (!n.isInteger() || n.isNegative()) return { error: M.notACount(what, n) };
  return n;
}

export function clamp(score: Dec, max: Dec): Dec {
  return Dec.max(ZERO, Dec.min(max, score));
}

/**
 * The distinct readings, first one first. The reason is written when first read: a sheet of RUBRIC_SCORE cells
 * needs only the scores, and formatting decimals costs more than computing them.
 */
export function scored(readings: Dec[], reason: () => string): Scored {
  const distinct = readings.filter((r, i) => readings.findIndex((x) => x.eq(r)) === i);
  let written: string | undefined;
  return {
    score: distinct[0],
    readings: distinct,
    get reason() {
      return (written ??= reason());
    },
    manual: false,
  };
}

/** What a reason calls the measured quantity: the text's own word, else the indicator's name. */
export function subjectName(subject: string | undefined): string {
  return subject ?? M.defaultSubject;
}

export const pct = percentText;
export const pts = pointsText;
