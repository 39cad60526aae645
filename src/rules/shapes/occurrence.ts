import { Dec, sum } from '../../decimal';
import { clamp, deductionCap, fullPoints, readCount, scored } from '../common';
import { ruleMessages as M } from '../messages';
import { chinesePunctuation } from '../text';
import type { OccurrenceKind, OccurrenceRule, RuleError, RuleValue, ShapeModule } from '../types';
import {
  alternation,
  BARE_OCCURRENCE_VERBS,
  BONUS_VERBS,
  capOf,
  COUNT_UNITS,
  DEDUCT_VERBS,
  MISSING_VERBS,
  NUMBER,
  OCCURRENCE_VERBS,
} from '../vocabulary';

const UNIT = `(${alternation(COUNT_UNITS)})(?!百分点)`;
const MISSING = new Set(MISSING_VERBS);
/**
 * "每出现一例…扣1分", "每发现一处扣0.5分", "每件扣1分", "没未完成一项重点工作扣1分", and without 每
 * "发现一例违规使用资金扣1分". Texts arrive with their numerals as digits (一例 → 1例).
 */
const PER = new RegExp(
  `(?:(?:每|没)(?:(${alternation(OCCURRENCE_VERBS)})([\\u4e00-\\u9fff]{0,8}?))?1?${UNIT}|(?:${alternation(BARE_OCCURRENCE_VERBS)})1${UNIT})` +
    `([^;。①-⑳]*?)(?:${alternation(DEDUCT_VERBS)})(${NUMBER})分`,
  'g',
);
/** "每有一项…无法完成，则权重(3分)的1/3扣分". */
const SHARE_OF_WEIGHT = new RegExp(`每(?:有|出现)?1${UNIT}[^;。]*?权重\\((${NUMBER})分\\)的(\\d+)/(\\d+)扣分`);
/** "按项加0.5分", "每项加1分". */
const BONUS = new RegExp(`(?:按|每)1?${UNIT}(?:${alternation(BONUS_VERBS)})(${NUMBER})分`);

/** What a kind counts, for the reason: "违规使用资金" of "发现1例违规使用资金扣1分"; empty when the text does not say. */
function labelOf(words: string): string {
  const label = chinesePunctuation(
    words
      .replace(/[,，]?(?:计|得)?\d+(?:\.\d+)?分[,，]?$/, '')
      .replace(/^[,，:：]+|[,，的]+$/g, '')
      .replace(/[,，]?(?:则|即|应|的|均)$/, ''),
  );
  return label.length <= 20 ? label : '';
}

/**
 * Each deduction per occurrence, named by the words after its count ("发现1例违规使用资金扣1分"); of several kinds, by
 * its item ("①未按时报送的，每条扣5分"); else by what its verb says is missing ("每少1项").
 */
function kindsOf(text: string): OccurrenceKind[] {
  const matches = [...text.matchAll(PER)];
  return matches.map((m) => {
    const item = matches.length > 1 ? (/[①-⑳]([^;。①-⑳]*)$/.exec(text.slice(0, m.index))?.[1] ?? '') : '';
    const [, verb = '', noun = '', unit, bareUnit, after, per] = m;
    const named = noun ? verb + noun : MISSING.has(verb) ? M.missing : '';
    return { label: labelOf(after) || labelOf(item) || named, unit: unit ?? bareUnit, per: new Dec(per) };
  });
}

/** Counts as the value gives them: one number, or one per kind in order ("2,1", "2、1"). */
function countsOf(value: RuleValue, kinds: OccurrenceKind[]): Dec[] | RuleError {
  if (typeof value === 'string' && /[,，、;；]/.test(value)) {
    const parts = value.split(/[,，、;；]/).filter((p) => p.trim() !== '');
    if (parts.length !== kinds.length) return { error: M.countsMismatch(kinds.length, parts.length) };
    const counts = parts.map((p) => readCount(p, M.count));
    const bad = counts.find((c) => !(c instanceof Dec));
    return bad ? (bad as RuleError) : (counts as Dec[]);
  }
  const n = readCount(value, M.count);
  if (!(n instanceof Dec)) return n;
  if (kinds.length > 1) return n.isZero() ? kinds.map(() => n) : { error: M.countsPerKind(kinds.length) };
  return [n];
}

export const occurrence: ShapeModule<OccurrenceRule> = {
  shape: 'occurrence',
  title: '按次扣分',
  parse(text, ctx) {
    const bonus = BONUS.exec(text);
    if (bonus) {
      const cap = capOf(text);
      const max = cap !== undefined ? new Dec(cap) : ctx.max;
      if (!max) return { error: M.missingMax };
      return {
        shape: 'occurrence',
        text,
        max,
        kinds: [{ label: '', unit: bonus[1], per: new Dec(bonus[2]) }],
        bonus: true,
        ...(cap ? { cap: max } : {}),
      };
    }
    const share = SHARE_OF_WEIGHT.exec(text);
    if (share) {
      const max = new Dec(share[2]);
      return { shape: 'occurrence', text, max, kinds: [{ label: '', unit: share[1], per: max.times(share[3]).div(share[4]) }], bonus: false };
    }
    let kinds = kindsOf(text);
    if (!kinds.length) return undefined;
    // The same deduction named twice is one kind: a count suffices.
    if (kinds.every((k) => k.per.eq(kinds[0].per))) kinds = [kinds.length > 1 ? { ...kinds[0], label: '' } : kinds[0]];
    const first = text.search(PER);
    const max = fullPoints(text.slice(0, first), ctx, undefined, text);
    if (!(max instanceof Dec)) return max;
    return { shape: 'occurrence', text, max, kinds, bonus: false, cap: deductionCap(text, max) };
  },
  score(rule, value) {
    if (rule.bonus) {
      const n = readCount(value, M.count);
      if (!(n instanceof Dec)) return n;
      const { unit, per } = rule.kinds[0];
      if (n.isZero()) return scored([n], () => M.bonusNone);
      const score = Dec.min(rule.max, n.times(per));
      return scored([score], () => M.bonus(n, unit, per, score, n.times(per).gt(rule.max), rule.cap));
    }
    const counts = countsOf(value, rule.kinds);
    if (!Array.isArray(counts)) return counts;
    const total = sum(counts.map((n, i) => n.times(rule.kinds[i].per)));
    if (total.isZero()) return scored([rule.max], () => M.occurrenceNone(rule.max));
    const deducted = rule.cap ? Dec.min(total, rule.cap) : total;
    const score = clamp(rule.max.minus(deducted), rule.max);
    const reachedZero = total.gte(rule.max);
    const capped = !!rule.cap && total.gt(rule.cap);
    const lost = rule.max.minus(score);
    if (rule.kinds.length === 1) {
      const { label, unit, per } = rule.kinds[0];
      return scored([score], () => M.occurrence(label || M.occurrenceWhat, counts[0], unit, per, lost, score, reachedZero, capped, rule.cap));
    }
    const parts = rule.kinds.flatMap((k, i) => (counts[i].isZero() ? [] : [M.occurrenceKind(k.label || M.occurrenceWhat, counts[i], k.unit, k.per)]));
    return scored([score], () => M.occurrenceKinds(parts, lost, score, reachedZero, capped, rule.cap));
  },
};
