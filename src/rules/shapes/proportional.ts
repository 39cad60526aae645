import { Dec } from '../../decimal';
import { clamp, fullPoints, pct, pts, readRate, scored } from '../common';
import { ruleNumber, subjectOf } from '../text';
import type { ProportionalRule, ShapeModule } from '../types';

/** "实际得分=达标率*5分", "得分=…/指标分值*8分". */
const TIMES_POINTS = /得分=.*?[*×](\d+(?:\.\d+)?)分/;
/** "≥95%得满分，未达到的按权重进行扣分", "达到100%得满分，未达到按权重进行扣分". */
const TARGET = /(?:≥|达到|达)(\d+(?:\.\d+)?)(%)(?:以上)?得满分.*?未(?:达到|达|到)的?按(?:权重|比例)(?:进行)?扣分/;
/** "按完成比例计算得分", "执行率×分值". */
const RATIO = /按(?:完成)?比例计算得分|执行率[*×]分值/;

export const proportional: ShapeModule<ProportionalRule> = {
  shape: 'proportional',
  title: '按比例计分',
  parse(text, ctx) {
    const times = TIMES_POINTS.exec(text);
    const target = TARGET.exec(text);
    if (!times && !target && !RATIO.test(text)) return undefined;
    const max = times ? new Dec(times[1]) : fullPoints('', ctx);
    if (!(max instanceof Dec)) return max;
    const goal = target ? ruleNumber(target[1], true) : new Dec(1);
    return { shape: 'proportional', text, max, target: goal, subject: subjectOf(text) ?? ctx.name };
  },
  score(rule, value) {
    const v = readRate(value, rule.subject ?? '比率');
    if (!(v instanceof Dec)) return v;
    const score = clamp(rule.max.times(v).div(rule.target), rule.max);
    const subject = `${rule.subject ?? '完成比例'}${pct(v)}`;
    if (score.eq(rule.max)) return scored([score], `${subject}，${rule.target.eq(1) ? '' : `达到${pct(rule.target)}，`}得满分${pts(rule.max)}`);
    const formula = rule.target.eq(1) ? `${pct(v)}×${pts(rule.max)}` : `${pct(v)}÷${pct(rule.target)}×${pts(rule.max)}`;
    return scored([score], `${subject}，按比例得${pts(score)}（${formula}），扣${pts(rule.max.minus(score))}`);
  },
};
