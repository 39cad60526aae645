import { Dec } from '../../decimal';
import { clamp, fullPoints, pts, readCount, scored } from '../common';
import type { OccurrenceRule, ShapeModule } from '../types';

/** "每出现一例…扣1分", "每有一点不规范，扣0.5分", "没未完成一项重点工作扣1分", "每减少1次慰问和活动，扣0.5分". */
const PER_OCCURRENCE = /(?:每|没)(?:出现|有|发现|减少|少|未完成)?(?:一|1)(?:例|个|项|次|点|处)[^;。]*?扣(\d+(?:\.\d+)?)分/;
/** "每有一项…无法完成，则权重(3分)的1/3扣分". */
const SHARE_OF_WEIGHT = /每(?:有|出现)?(?:一|1)(?:例|个|项|次)[^;。]*?权重\((\d+(?:\.\d+)?)分\)的(\d+)\/(\d+)扣分/;
/** The full points of "全部完成得4分": a points phrase that is not a deduction. */
const FULL = /(?:全部完成|得满分)?(?:得|计)(\d+(?:\.\d+)?)分/;

export const occurrence: ShapeModule<OccurrenceRule> = {
  shape: 'occurrence',
  title: '按次扣分',
  parse(text, ctx) {
    const share = SHARE_OF_WEIGHT.exec(text);
    const per = share ? undefined : PER_OCCURRENCE.exec(text);
    if (!share && !per) return undefined;
    const max = share ? new Dec(share[1]) : fullPoints(text.slice(0, per!.index), ctx, FULL);
    if (!(max instanceof Dec)) return max;
    const perOccurrence = share ? max.times(share[2]).div(share[3]) : new Dec(per![1]);
    return { shape: 'occurrence', text, max, perOccurrence };
  },
  score(rule, value) {
    const n = readCount(value, '出现次数');
    if (!(n instanceof Dec)) return n;
    if (n.isZero()) return scored([rule.max], `未出现扣分情形，得满分${pts(rule.max)}`);
    const score = clamp(rule.max.minus(n.times(rule.perOccurrence)), rule.max);
    const floor = n.times(rule.perOccurrence).gte(rule.max) ? '，扣完为止' : '';
    return scored([score], `出现${n.toFixed()}次扣分情形，每次扣${pts(rule.perOccurrence)}，扣${pts(rule.max.minus(score))}${floor}`);
  },
};
