import { Dec, ZERO } from '../decimal';
import { parseAmount } from '../number';
import { percentText, pointsText } from './text';
import type { ParseContext, RuleError, RuleValue, Scored } from './types';

/** "计5分" / "得3分": the full points a text states in its first scoring clause. */
export const STATED_POINTS = /(?:计|得)(\d+(?:\.\d+)?)分/;

/** Full points: the text's own (a parameter of the rule) or the row's 分值. */
export function fullPoints(text: string, ctx: ParseContext, stated = STATED_POINTS): Dec | RuleError {
  const m = stated.exec(text);
  if (m) return new Dec(m[1]);
  if (ctx.max) return ctx.max;
  return { error: '评分标准没有写明满分，请同时提供该指标的分值。' };
}

/** A value read as one number by the product's one parser: 110% → 1.1, "3" → 3. */
export function readNumber(value: RuleValue, what: string): Dec | RuleError {
  if (value instanceof Dec) return value;
  if (value !== null && typeof value === 'object') return { error: `${what}应是一个数值。` };
  const a = parseAmount(value);
  if (a.kind === 'number') return a.value;
  if (a.kind === 'empty') return { error: `缺少${what}，无法计算得分。` };
  return { error: `${what}“${a.text}”不是数字。` };
}

/**
 * A rate: a fraction as Excel stores percentages (110% → 1.1). A plain number above 10 (1000%) is almost surely a
 * percentage typed without its % sign; it is refused rather than read a hundred times too large.
 */
export function readRate(value: RuleValue, what: string): Dec | RuleError {
  const n = readNumber(value, what);
  if (n instanceof Dec && typeof value === 'number' && n.abs().gt(10)) {
    return { error: `${what}${n.toFixed()}看起来是漏写了百分号的百分数，请写成${n.toFixed()}%或${n.div(100).toFixed()}。` };
  }
  return n;
}

/** A count of items or occurrences: a whole number, not negative. */
export function readCount(value: RuleValue, what: string): Dec | RuleError {
  const n = readNumber(value, what);
  if (!(n instanceof Dec)) return n;
  if (!n.isInteger() || n.isNegative()) return { error: `${what}应是0或正整数，而不是${n.toFixed()}。` };
  return n;
}

export function clamp(score: Dec, max: Dec): Dec {
  return Dec.max(ZERO, Dec.min(max, score));
}

/** The distinct readings, first one first. */
export function scored(readings: Dec[], reason: string): Scored {
  const distinct = readings.filter((r, i) => readings.findIndex((x) => x.eq(r)) === i);
  return { score: distinct[0], readings: distinct, reason, manual: false };
}

export const pct = percentText;
export const pts = pointsText;
