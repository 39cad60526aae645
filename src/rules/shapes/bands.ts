import { Dec } from '../../decimal';
import { fullPoints, pct, pts, readRate, scored } from '../common';
import { clauses, ruleNumber, subjectOf } from '../text';
import type { Band, BandsRule, ParseContext, RuleError, ShapeModule } from '../types';

/** A points phrase ends each band: "计5分", "得3分", "计0分", "不得分", "得满分". */
const POINTS = /(?:计|得)?(\d+(?:\.\d+)?)分|不得分|得满分/g;
const NUM = String.raw`(?<n>\d+(?:\.\d+)?)(?<pct>%?)(?<incl>\(含\))?`;
/** "80%(含)-90%", "0-10%(含)": the side that (含) sits on is inclusive; without it, the lower side. */
const RANGE = /(\d+(?:\.\d+)?)(%?)(\(含\))?-(\d+(?:\.\d+)?)(%?)(\(含\))?/;
/** "≥90%", "大于30%", "低于60%", "=0", "95%(含)以上": one bound. */
const COMPARE = new RegExp(`(?<op>≥|>|≤|<|=|等于|不低于|不高于|不超过|不少于|大于|小于|低于|高于|超过|达到|达)?${NUM}(?<suffix>以上|以下)?`);

const LOWER_INCLUSIVE = new Set(['≥', '不低于', '不少于', '达到', '达', '以上']);
const LOWER_EXCLUSIVE = new Set(['>', '大于', '高于', '超过']);
const UPPER_INCLUSIVE = new Set(['≤', '不高于', '不超过', '以下']);
const UPPER_EXCLUSIVE = new Set(['<', '小于', '低于']);

/** The band a condition describes, or undefined when it is not a condition on the value at all. */
function band(condition: string, previous: Band | undefined): Omit<Band, 'points'> | undefined {
  // As a clerk reads the band: "≥90%", "80%（含）-90%", without the subject or the separators around it.
  const label = condition
    .replace(/^,+|,+$/g, '')
    .replace(/^[\u4e00-\u9fff]+(?=[≥≤<>=])/, '')
    .replace(/\(含\)/g, '（含）');
  const range = RANGE.exec(condition);
  if (range) {
    const percent = range[2] === '%' || range[5] === '%';
    const lowerInclusive = range[3] !== undefined || range[6] === undefined;
    return { lower: ruleNumber(range[1], percent), lowerInclusive, upper: ruleNumber(range[4], percent), upperInclusive: range[6] !== undefined, label };
  }
  const g = COMPARE.exec(condition)?.groups;
  const word = g?.suffix ?? g?.op;
  if (g && word) {
    const n = ruleNumber(g.n, g.pct === '%');
    const contained = g.incl !== undefined;
    if (word === '=' || word === '等于') return { lower: n, lowerInclusive: true, upper: n, upperInclusive: true, label };
    if (LOWER_INCLUSIVE.has(word) || LOWER_EXCLUSIVE.has(word)) {
      return { lower: n, lowerInclusive: LOWER_INCLUSIVE.has(word) || contained, upperInclusive: false, label };
    }
    if (UPPER_INCLUSIVE.has(word) || UPPER_EXCLUSIVE.has(word)) {
      return { upper: n, upperInclusive: UPPER_INCLUSIVE.has(word) || contained, lowerInclusive: false, label };
    }
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
    let from = 0;
    for (const m of clause.matchAll(POINTS)) {
      const condition = clause.slice(from, m.index);
      from = m.index! + m[0].length;
      let points: Dec;
      if (m[0] === '不得分') points = new Dec(0);
      else if (m[0] === '得满分') {
        const max = fullPoints('', ctx);
        if (!(max instanceof Dec)) return max;
        points = max;
      } else points = new Dec(m[1]);
      const b = band(condition, bands[bands.length - 1]);
      if (!b) return undefined;
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
    const v = readRate(value, rule.subject ?? '数值');
    if (!(v instanceof Dec)) return v;
    const hit = rule.bands.find((b) => contains(b, v));
    const subject = `${rule.subject ?? '实际值'}${pct(v)}`;
    if (!hit) return { error: `${subject}不在评分标准列出的任何一档内，请人工评定。` };
    return scored([hit.points], `${subject}，属于“${hit.label}”档，得${pts(hit.points)}`);
  },
};
