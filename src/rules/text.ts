import { Dec } from '../decimal';

/**
 * 评分标准 text as the rule parsers read it: NFKC (full-width digits, ％, （）, ＞, ，；: as ASCII) except for ①②③,
 * no spaces or quotes, ≦/≧ as ≤/≥. The full stop 。 stays: it separates clauses.
 */
export function normalizeRuleText(text: string): string {
  return text
    // NFKC would turn ① into 1: the circled item numbers of checklists are kept as they are.
    .replace(/[^\u2460-\u2473]+/g, (run) => run.normalize('NFKC'))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/≦/g, '≤')
    .replace(/≧/g, '≥')
    .replace(/[—–～~]/g, '-');
}

/** A number as written in a rule: "95%" → 0.95, "0" → 0, "0.5" → 0.5. Percent signs make fractions. */
export function ruleNumber(digits: string, percent: boolean): Dec {
  const d = new Dec(digits);
  return percent ? d.div(100) : d;
}

/** A fraction as a clerk writes a rate: 1.1 → "110%", 0.4141 → "41.41%". */
export function percentText(fraction: Dec): string {
  return `${fraction.times(100).toDecimalPlaces(2).toFixed()}%`;
}

/** Points as a score sheet shows them: to the cent (1.978… → "1.98分"). */
export function pointsText(points: Dec): string {
  return `${points.toDecimalPlaces(2).toFixed()}分`;
}

/** Percentage points between two fractions: 1.1 vs 1 → 10. */
export function percentagePoints(a: Dec, b: Dec): Dec {
  return a.minus(b).abs().times(100);
}

/** Clauses of a rule: split at ；。 and line breaks, empty ones dropped. */
export function clauses(text: string): string[] {
  return text.split(/[;。\n]/).filter((c) => c.length > 0);
}

/** The quantity a rule speaks of, when its text names one before a comparison: "在职人员控制率≤100%" → 在职人员控制率. */
export function subjectOf(text: string): string | undefined {
  const m = /([\u4e00-\u9fff]{2,12}?(?:率|度|数|额|费|金))(?:≤|≥|<|>|=|等于|达到?|为|低于|超过|高于)/.exec(text);
  return m?.[1];
}
