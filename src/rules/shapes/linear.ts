import { Dec } from '../../decimal';
import { clamp, deductionCap, fullPoints, readRate, scored, subjectName } from '../common';
import { ruleMessages as M } from '../messages';
import { percentagePoints, ruleNumber, subjectOf } from '../text';
import type { LinearRule, ShapeModule } from '../types';
import { alternation, comparison, DEDUCT, NUMBER, POINT_UNITS, wordsWithRole } from '../vocabulary';

const STEP_WORD = alternation(wordsWithRole('step'));
/** "每低于100%一个百分点": the threshold written inside the step. */
const STEP_WITH_THRESHOLD = new RegExp(`每(${STEP_WORD})(${NUMBER})%1个?百分点`);
/** "每超过一个百分点", "每低1个百分点", "每降低1%", "每减少5%", "每相差3%". */
const STEP = new RegExp(`每(${STEP_WORD})(${NUMBER})?(?:${alternation(POINT_UNITS)})`);
/** "扣权重分(1分)5%", "扣权重分5%", "扣权重分的10%": a share of the weight per step. */
const DEDUCT_SHARE = new RegExp(`扣(?:权重分|权重|分值)的?(?:\\((${NUMBER})分\\))?(${NUMBER})%`);
/** Where the full points stop: "以100%为标准", "≥90%", "达到100%", "未达到90%", "90%以上", "100%得满分". */
const STANDARD = new RegExp(`以(${NUMBER})(%)为标准`);
const BOUND = new RegExp(`(?:${alternation(wordsWithRole('bound'))})(${NUMBER})(%?)`);
const SUFFIX = new RegExp(`(${NUMBER})(%)(?:${alternation(wordsWithRole('suffix'))})`);
/** "执行率100%得满分": the rate that earns the full points. */
const FULL_AT = new RegExp(`(${NUMBER})(%)的?,?(?:得满分|(?:计|得)${NUMBER}分)`);
/** "实际完成情况与计划每相差3%": a deviation from the plan, i.e. from 100%, of what the words before it name. */
const FROM_PLAN = /([\u4e00-\u9fff]{2,8}?)?与(?:计划|目标|预算)[^;。]{0,6}每(?:相差|偏离|偏差)/;

function thresholdOf(before: string, whole: string): Dec | undefined {
  const standard = STANDARD.exec(before);
  if (standard) return ruleNumber(standard[1], true);
  const found = [BOUND.exec(before), SUFFIX.exec(before), FULL_AT.exec(before)].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  if (found) return ruleNumber(found[1], found[2] === '%');
  return FROM_PLAN.test(whole) ? new Dec(1) : undefined;
}

export const linear: ShapeModule<LinearRule> = {
  shape: 'linear',
  title: '按百分点扣分',
  parse(text, ctx) {
    const inline = STEP_WITH_THRESHOLD.exec(text);
    const step = inline ?? STEP.exec(text);
    if (!step) return undefined;
    const direction = comparison(step[1])!.direction as LinearRule['direction'];
    const threshold = inline ? ruleNumber(inline[2], true) : thresholdOf(text.slice(0, step.index), text);
    if (!threshold) return { error: M.linearNoThreshold };
    const after = text.slice(step.index);
    const share = DEDUCT_SHARE.exec(after);
    const max = share?.[1] ? new Dec(share[1]) : fullPoints(text.slice(0, step.index), ctx, undefined, text);
    if (!(max instanceof Dec)) return max;
    const points = DEDUCT.exec(after);
    const perStep = share ? max.times(share[2]).div(100) : points ? new Dec(points[1]) : undefined;
    if (!perStep) return { error: M.linearNoDeduction };
    const size = inline ? new Dec(1) : new Dec(step[2] ?? 1);
    const subject = subjectOf(text) ?? FROM_PLAN.exec(text)?.[1] ?? ctx.name;
    return { shape: 'linear', text, max, threshold, direction, step: size, perStep, cap: deductionCap(after, max), subject };
  },
  score(rule, value) {
    const subject = subjectName(rule.subject);
    const v = readRate(value, subject);
    if (!(v instanceof Dec)) return v;
    const beyond = rule.direction === 'above' ? v.gt(rule.threshold) : rule.direction === 'below' ? v.lt(rule.threshold) : !v.eq(rule.threshold);
    if (!beyond) {
      const word = rule.direction === 'above' ? M.notAbove : rule.direction === 'below' ? M.notBelow : M.equalTo;
      return scored([rule.max], () => M.linearFull(subject, v, word, rule.threshold, rule.max));
    }
    const n = percentagePoints(v, rule.threshold);
    const steps = rule.step.eq(1) ? n : n.div(rule.step);
    // "每超过一个百分点" is read proportionally (10.5 points) and in whole steps (10 or 11): all are admissible.
    const deductions = [steps, steps.floor(), steps.ceil()].map((k) => {
      const d = k.times(rule.perStep);
      return rule.cap && d.gt(rule.cap) ? rule.cap : d;
    });
    const readings = deductions.map((d) => clamp(rule.max.minus(d), rule.max));
    return scored(readings, () => {
      const shown = n.toDecimalPlaces(2).toFixed();
      const gap =
        rule.direction === 'above'
          ? M.gapAbove(rule.threshold, shown)
          : rule.direction === 'below'
            ? M.gapBelow(rule.threshold, shown)
            : M.gapEither(rule.threshold, shown);
      const capped = rule.cap !== undefined && deductions[0] === rule.cap;
      return M.linear(subject, v, gap, rule.step, rule.perStep, rule.max.minus(readings[0]), deductions[0].gte(rule.max), capped, rule.cap);
    });
  },
};
