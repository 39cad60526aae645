import { Dec } from '../../decimal';
import { clamp, fullPoints, pct, pts, readRate, scored } from '../common';
import { ruleNumber, subjectOf } from '../text';
import type { InterpolateRule, ShapeModule } from '../types';

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
    if (!zero.gt(full)) return { error: '评分标准中“得0分”的界限应大于“得满分”的界限。' };
    return { shape: 'interpolate', text, max, full, zero, subject: subjectOf(text) ?? ctx.name };
  },
  score(rule, value) {
    const v = readRate(value, rule.subject ?? '数值');
    if (!(v instanceof Dec)) return v;
    const subject = `${rule.subject ?? '实际值'}${pct(v)}`;
    if (v.lte(rule.full)) return scored([rule.max], `${subject}，不超过${pct(rule.full)}，得满分${pts(rule.max)}`);
    if (v.gte(rule.zero)) return scored([new Dec(0)], `${subject}，达到${pct(rule.zero)}，不得分`);
    const score = clamp(rule.max.times(rule.zero.minus(v)).div(rule.zero.minus(rule.full)), rule.max);
    return scored(
      [score],
      `${subject}，在${pct(rule.full)}至${pct(rule.zero)}之间，按比例扣${pts(rule.max.minus(score))}，得${pts(score)}`,
    );
  },
};
