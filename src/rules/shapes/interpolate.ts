import { Dec } from '../../decimal';
import { clamp, fullPoints, readNumber, readRate, scored, subjectName } from '../common';
import { percentText, ruleNumber, subjectOf } from '../text';
import type { InterpolateRule, ShapeModule } from '../types';
import { ruleMessages as M } from '../messages';
import { alternation, NUMBER, TIME_UNITS } from '../vocabulary';

const UNIT = `(%|${alternation(TIME_UNITS)})?`;
/**
 * "≤100%得满分，≥120%得0分，区间内按权重进行扣分", "≤15日得满分0.5分，>30日为0分，15-30日按比例减分": full points up
 * to one bound, none from the other, and between them in proportion.
 */
const INTERPOLATE = new RegExp(
  `≤(${NUMBER})${UNIT}得满分(?:(${NUMBER})分)?.*?[≥>](${NUMBER})${UNIT}(?:得|为)0分.*?(?:区间内|${NUMBER}-${NUMBER}${UNIT})按(?:权重|比例)`,
);

export const interpolate: ShapeModule<InterpolateRule> = {
  shape: 'interpolate',
  title: '区间内按比例扣分',
  parse(text, ctx) {
    const m = INTERPOLATE.exec(text);
    if (!m) return undefined;
    const max = m[3] ? new Dec(m[3]) : fullPoints('', ctx);
    if (!(max instanceof Dec)) return max;
    const unit = [m[2], m[5]].find((u) => u !== undefined && u !== '%');
    const percent = !unit && (m[2] === '%' || m[5] === '%');
    const full = ruleNumber(m[1], percent);
    const zero = ruleNumber(m[4], percent);
    if (!zero.gt(full)) return { error: M.interpolateBounds };
    return { shape: 'interpolate', text, max, full, zero, subject: subjectOf(text) ?? ctx.name, ...(unit ? { unit } : {}) };
  },
  score(rule, value) {
    const subject = subjectName(rule.subject);
    // A time is a plain number of days; a rate is a fraction (93% → 0.93).
    const v = rule.unit ? readNumber(value, subject) : readRate(value, subject);
    if (!(v instanceof Dec)) return v;
    const show = (x: Dec) => (rule.unit ? `${x.toFixed()}${rule.unit}` : percentText(x));
    if (v.lte(rule.full)) return scored([rule.max], () => M.interpolateFull(subject, show(v), show(rule.full), rule.max));
    if (v.gte(rule.zero)) return scored([new Dec(0)], () => M.interpolateZero(subject, show(v), show(rule.zero)));
    const score = clamp(rule.max.times(rule.zero.minus(v)).div(rule.zero.minus(rule.full)), rule.max);
    return scored([score], () => M.interpolate(subject, show(v), show(rule.full), show(rule.zero), rule.max.minus(score), score));
  },
};
