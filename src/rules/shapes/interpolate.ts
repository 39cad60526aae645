import { Dec } from '../../decimal';
import { clamp, fullPoints, readRate, scored, subjectName } from '../common';
import { ruleNumber, subjectOf } from '../text';
import type { InterpolateRule, ShapeModule } from '../types';
import { ruleMessages as M } from '../messages';

/** "≤100%得满分，≥120%得0分，区间内按权重进行扣分". */
const INTERPOLATE = /≤(\d+(?:\.\d+)?)(%?)得满分.*?≥(\d+(?:\.\d+)?)(%?)得0分.*?区间内/;

export const interpolate: ShapeModule<InterpolateRule> = {
  shape: 'interpolate',
  title: '区间内按比例扣分',
  parse(text, ctx) {
    const m = INTERPOLATE.exec(text);
    if (!m) return undefined;
    const max = fullPoints('', ctx);
    if (!(max instanceof Dec)) return max;
    const full = ruleNumber(m[1], m[2] === '%');
    const zero = ruleNumber(m[3], m[4] === '%');
    if (!zero.gt(full)) return { error: M.interpolateBounds };
    return { shape: 'interpolate', text, max, full, zero, subject: subjectOf(text) ?? ctx.name };
  },
  score(rule, value) {
    const subject = subjectName(rule.subject);
    const v = readRate(value, subject);
    if (!(v instanceof Dec)) return v;
    if (v.lte(rule.full)) return scored([rule.max], () => M.interpolateFull(subject, v, rule.full, rule.max));
    if (v.gte(rule.zero)) return scored([new Dec(0)], () => M.interpolateZero(subject, v, rule.zero));
    const score = clamp(rule.max.times(rule.zero.minus(v)).div(rule.zero.minus(rule.full)), rule.max);
    return scored([score], () => M.interpolate(subject, v, rule.full, rule.zero, rule.max.minus(score), score));
  },
};
