import { Dec } from '../../decimal';
import { fullPoints, readRate, scored, subjectName } from '../common';
import { ruleMessages as M } from '../messages';
import { chinesePunctuation, clauses, ruleNumber, subjectOf } from '../text';
import type { Band, BandsRule, ParseContext, RuleError, ShapeModule } from '../types';
import { alternation, comparison, NUMBER, wordsWithRole } from '../vocabulary';

/** A points phrase ends each band: "计5分", "得3分", "计0分", "不得分", "得满分". */
const POINTS = new RegExp(`(?:计|得)?(${NUMBER})分|不得分|得满分`, 'g');
/** A band written score-first: "75分:仅完成计划进度的75%(含)". */
const SCORE_FIRST = new RegExp(`^(${NUMBER})分:(.+)$`);
const NUM = `(?<n>${NUMBER})(?<pct>%?)(?<incl>\\(含\\))?`;
/** "80%(含)-90%", "0-10%(含)": the side that (含) sits on is inclusive; without it, the lower side. */
const RANGE = new RegExp(`(${NUMBER})(%?)(\\(含\\))?-(${NUMBER})(%?)(\\(含\\))?`);
/** "≥90%", "大于30%", "低于60%", "=0", "95%(含)以上", "90%及以上": one bound. */
const COMPARE = new RegExp(`(?<op>${alternation(wordsWithRole('bound'))})?${NUM}(?<suffix>${alternation(wordsWithRole('suffix'))})?`);

/**
 * The band a condition describes, or undefined when it is not a condition on the value at all. Score-first bands
 * ("75分:完成75%(含)") name the least value that earns them: a bare number there is a lower bound.
 */
function band(condition: string, previous: Band | undefined, scoreFirst: boolean): Omit<Band, 'points'> | undefined {
  // As a clerk reads the band: "≥90%", "80%（含）-90%", without the subject or the separators around it.
  const label = chinesePunctuation(condition.replace(/^,+/, '').replace(/^[\u4e00-\u9fff]+(?=[≥≤<>=])/, ''));
  const range = RANGE.exec(condition);
  if (range) {
    const percent = range[2] === '%' || range[5] === '%';
    const lowerInclusive = range[3] !== undefined || range[6] === undefined;
    return {
      lower: ruleNumber(range[1], percent),
      lowerInclusive,
      upper: ruleNumber(range[4], percent),
      upperInclusive: range[6] !== undefined,
      label,
    };
  }
  const g = COMPARE.exec(condition)?.groups;
  const word = g && comparison(g.suffix ?? g.op ?? (scoreFirst ? '≥' : ''));
  if (g && word) {
    const n = ruleNumber(g.n, g.pct === '%');
    const inclusive = word.inclusive || g.incl !== undefined;
    if (word.direction === 'equal') return { lower: n, lowerInclusive: true, upper: n, upperInclusive: true, label };
    if (word.direction === 'above') return { lower: n, lowerInclusive: inclusive, upperInclusive: false, label };
    if (word.direction === 'below') return { upper: n, upperInclusive: inclusive, lowerInclusive: false, label };
  }
  // "有超出不得分": whatever lies above the band before it.
  if (/超出|超过的|以外/.test(condition) && previous?.upper !== undefined) {
    return { lower: previous.upper, lowerInclusive: !previous.upperInclusive, upperInclusive: false, label };
  }
  return undefined;
}

function parseBands(text: string, ctx: ParseContext): Band[] | RuleError | undefined {
  const bands: Band[] = [];
  for (const clause of clauses(text)) {
    const first = SCORE_FIRST.exec(clause);
    if (first) {
      const b = band(first[2], bands[bands.length - 1], true);
      if (!b) return undefined;
      bands.push({ ...b, points: new Dec(first[1]) });
      continue;
    }
    let from = 0;
    for (const m of clause.matchAll(POINTS)) {
      const condition = clause.slice(from, m.index);
      from = m.index + m[0].length;
      // The condition first: a text that is no bands is unreadable, not short of its 分值.
      const b = band(condition, bands[bands.length - 1], false);
      if (!b) return undefined;
      const points = m[0] === '不得分' ? new Dec(0) : m[0] === '得满分' ? fullPoints('', ctx) : new Dec(m[1]);
      if (!(points instanceof Dec)) return points;
      bands.push({ ...b, points });
    }
  }
  return bands.length >= 2 ? bands : undefined;
}

function contains(b: Band, v: Dec): boolean {
  const aboveLower = b.lower === undefined || (b.lowerInclusive ? v.gte(b.lower) : v.gt(b.lower));
  const belowUpper = b.upper === undefined || (b.upperInclusive ? v.lte(b.upper) : v.lt(b.upper));
  return aboveLower && belowUpper;
}

export const bands: ShapeModule<BandsRule> = {
  shape: 'bands',
  title: '分档计分',
  parse(text, ctx) {
    const parsed = parseBands(text, ctx);
    if (!parsed || 'error' in parsed) return parsed;
    const max = Dec.max(...parsed.map((b) => b.points));
    return { shape: 'bands', text, max, bands: parsed, subject: subjectOf(text) ?? ctx.name };
  },
  score(rule, value) {
    const subject = subjectName(rule.subject);
    const v = readRate(value, subject);
    if (!(v instanceof Dec)) return v;
    const hit = rule.bands.find((b) => contains(b, v));
    if (!hit) return { error: M.outsideBands(subject, v) };
    return scored([hit.points], () => M.band(subject, v, hit.label, hit.points));
  },
};
