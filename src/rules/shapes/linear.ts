import { Dec } from '../../decimal';
import { clamp, fullPoints, pct, pts, readRate, scored } from '../common';
import { percentagePoints, ruleNumber, subjectOf } from '../text';
import type { LinearRule, ShapeModule } from '../types';

const ABOVE = '超过|高于|增加|超出|上升';
const BELOW = '低于|减少|降低|下降|少于';
/** "每低于100%一个百分点": the threshold written inside the step. */
const STEP_WITH_THRESHOLD = new RegExp(`每(${ABOVE}|${BELOW})(\\d+(?:\\.\\d+)?)%(?:一个|1个)百分点`);
/** "每超过一个百分点", "每降低1%". */
const STEP = new RegExp(`每(${ABOVE}|${BELOW})(?:一个|1个|1)?(?:百分点|%)`);
const DEDUCT_POINTS = /扣(?:减)?(\d+(?:\.\d+)?)分/;
/** "扣权重分(1分)5%", "扣权重分5%": a share of the weight per point. */
const DEDUCT_SHARE = /扣权重分(?:\((\d+(?:\.\d+)?)分\))?(\d+(?:\.\d+)?)%/;
const THRESHOLD = [/以(\d+(?:\.\d+)?)(%)为标准/, /(?:≤|≥|<|>|=|等于|达到|达)(\d+(?:\.\d+)?)(%?)/];

export const linear: ShapeModule<LinearRule> = {
  shape: 'linear',
  title: '按百分点扣分',
  parse(text, ctx) {
    const inline = STEP_WITH_THRESHOLD.exec(text);
    const step = inline ?? STEP.exec(text);
    if (!step) return undefined;
    const direction = new RegExp(`^(${ABOVE})$`).test(step[1]) ? 'above' : 'below';
    let threshold: Dec | undefined = inline ? ruleNumber(inline[2], true) : undefined;
    for (const pattern of THRESHOLD) {
      if (threshold) break;
      const m = pattern.exec(text.slice(0, step.index));
      if (m) threshold = ruleNumber(m[1], m[2] === '%');
    }
    if (!threshold) return { error: '评分标准写了每个百分点扣分，但没有写明以多少为标准。' };
    const after = text.slice(step.index);
    const share = DEDUCT_SHARE.exec(after);
    const max = share?.[1] ? new Dec(share[1]) : fullPoints(text.slice(0, step.index), ctx);
    if (!(max instanceof Dec)) return max;
    const points = DEDUCT_POINTS.exec(after);
    const perPoint = share ? max.times(share[2]).div(100) : points ? new Dec(points[1]) : undefined;
    if (!perPoint) return { error: '评分标准写了每个百分点扣分，但没有写明扣多少分。' };
    return { shape: 'linear', text, max, threshold, direction, perPoint, subject: subjectOf(text) ?? ctx.name };
  },
  score(rule, value) {
    const v = readRate(value, rule.subject ?? '数值');
    if (!(v instanceof Dec)) return v;
    const beyond = rule.direction === 'above' ? v.gt(rule.threshold) : v.lt(rule.threshold);
    const subject = `${rule.subject ?? '实际值'}${pct(v)}`;
    if (!beyond) {
      return scored([rule.max], `${subject}，${rule.direction === 'above' ? '未超过' : '不低于'}${pct(rule.threshold)}，得满分${pts(rule.max)}`);
    }
    const n = percentagePoints(v, rule.threshold);
    // "每超过一个百分点" is read proportionally (10.5 points) and in whole points (10 or 11): all are admissible.
    const deductions = [n, n.floor(), n.ceil()].map((k) => k.times(rule.perPoint));
    const readings = deductions.map((d) => clamp(rule.max.minus(d), rule.max));
    const d = rule.max.minus(readings[0]);
    const word = rule.direction === 'above' ? '超过' : '低于';
    const floor = deductions[0].gte(rule.max) ? `，扣完为止` : '';
    return scored(
      readings,
      `${subject}，${word}${pct(rule.threshold)}共${n.toDecimalPlaces(2).toFixed()}个百分点，每个百分点扣${pts(rule.perPoint)}，扣${pts(d)}${floor}`,
    );
  },
};
