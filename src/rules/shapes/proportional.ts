import { Dec } from '../../decimal';
import { clamp, fullPoints, readRate, scored, subjectName } from '../common';
import { ruleMessages as M } from '../messages';
import { ruleNumber, subjectOf } from '../text';
import type { ProportionalRule, ShapeModule } from '../types';
import { alternation, NUMBER, wordsWithRole } from '../vocabulary';

const RATE = String.raw`[\u4e00-\u9fff]{2,12}?(?:率|比例)`;
/** "实际得分=达标率*5分", "得分值=种植率×30", "实际完成率得分=…/指标分值*8分": the points a formula multiplies by. */
const TIMES_POINTS = new RegExp(`(${RATE})?得分值?=(?:(${RATE})|[^;。]*?)[*×](${NUMBER})(?![\\d.%])分?`);
/** "得分(20分*执行率)": the points first. */
const POINTS_TIMES = new RegExp(`得分[=(:]?(${NUMBER})分?[*×](${RATE})`);
/** "得分=执行率×分值", "评价指标得分=实际完成量/目标任务*该项指标分值": the row's 分值. */
const TIMES_WEIGHT = new RegExp(`(?:得分=(?:(${RATE})|[^;。]*?)|(${RATE}))[*×](?:该项|本项)?(?:指标)?(?:分值|权重)`);
/** "按完成比例计算得分", "按完成比例得分", "按比例计分". */
const RATIO = /按(?:完成|实际)?比例(?:计算)?(?:得分|计分)/;
/** "≥95%得满分，未达到的按权重进行扣分", "90%以上得满分，未达到的按比例计分". */
const TARGET = new RegExp(
  `(?:${alternation(wordsWithRole('bound', 'above'))})?(${NUMBER})%(?:${alternation(wordsWithRole('suffix', 'above'))})?的?,?得满分` +
    `.*?未(?:达到|达|到)的?[^;。]{0,8}?按(?:权重|比例)(?:进行)?(?:扣分|计分|得分)`,
);

export const proportional: ShapeModule<ProportionalRule> = {
  shape: 'proportional',
  title: '按比例计分',
  parse(text, ctx) {
    const times = TIMES_POINTS.exec(text);
    const first = times ? undefined : POINTS_TIMES.exec(text);
    const weight = times || first ? undefined : TIMES_WEIGHT.exec(text);
    const target = TARGET.exec(text);
    if (!times && !first && !weight && !target && !RATIO.test(text)) return undefined;
    const stated = times?.[3] ?? first?.[1];
    const max = stated ? new Dec(stated) : fullPoints(text, ctx);
    if (!(max instanceof Dec)) return max;
    const goal = target ? ruleNumber(target[1], true) : new Dec(1);
    const subject = times?.[2] ?? times?.[1] ?? first?.[2] ?? weight?.[1] ?? weight?.[2] ?? subjectOf(text) ?? ctx.name;
    return { shape: 'proportional', text, max, target: goal, subject };
  },
  score(rule, value) {
    const subject = subjectName(rule.subject);
    const v = readRate(value, subject);
    if (!(v instanceof Dec)) return v;
    const score = clamp(rule.max.times(v).div(rule.target), rule.max);
    const target = rule.target.eq(1) ? undefined : rule.target;
    if (score.eq(rule.max)) return scored([score], () => M.proportionalFull(subject, v, target, rule.max));
    return scored([score], () => M.proportional(subject, v, target, rule.max, score));
  },
};
