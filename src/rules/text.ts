import { Dec } from '../decimal';
import { alternation, CHINESE_DIGITS, CHINESE_TENS, COUNT_UNITS, wordsWithRole } from './vocabulary';

const NUMERAL = `[${Object.keys(CHINESE_DIGITS).join('')}${Object.keys(CHINESE_TENS).join('')}]+`;
/** 百分之五 → 5%. */
const PERCENT_WORDS = new RegExp(`百分之(${NUMERAL})`, 'g');
/** A Chinese numeral before what it counts: 一个, 两项, 扣一分 (not 百分点's 百, not 一致 or 统一). */
const COUNTED = new RegExp(`(${NUMERAL})(?=${alternation(COUNT_UNITS)}|分(?![点之]))`, 'g');

/** "十五" → 15, "二十" → 20, "两" → 2, "一百" → 100; undefined for a run that is no number ("十三五"). */
export function chineseNumber(run: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of run) {
    if (ch in CHINESE_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CHINESE_DIGITS[ch];
    } else {
      total += (digit ?? 1) * CHINESE_TENS[ch];
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

function arabic(run: string): string {
  const n = chineseNumber(run);
  return n === undefined ? run : String(n);
}

/**
 * 评分标准 text as the rule parsers read it: NFKC (full-width digits, ％, （）, ＞, ，；: as ASCII) except for ①②③,
 * no spaces or quotes, ≦/≧ as ≤/≥, Chinese numerals of counts and steps as digits. The full stop 。 stays: it
 * separates clauses.
 */
export function normalizeRuleText(text: string): string {
  return (
    text
      // NFKC would turn ① into 1: the circled item numbers of checklists are kept as they are.
      .replace(/[^\u2460-\u2473]+/g, (run) => run.normalize('NFKC'))
      .replace(/[\s\u3000]+/g, '')
      .replace(/[“”"‘’'「」]/g, '')
      .replace(/≦/g, '≤')
      .replace(/≧/g, '≥')
      .replace(/[—–～~]/g, '-')
      .replace(PERCENT_WORDS, (_, run: string) => `${arabic(run)}%`)
      .replace(COUNTED, (run: string) => arabic(run))
  );
}

/** Text for people from normalised text: the punctuation back in its Chinese form. */
export function chinesePunctuation(text: string): string {
  return text
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[;。,，；]+$/, '');
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

const SUBJECT = new RegExp(`([\\u4e00-\\u9fff]{2,12}?(?:率|度|数|额|费|金|量))(?:${alternation([...wordsWithRole('bound'), '为'])}|\\d)`);

/** The quantity a rule speaks of, when its text names one before a comparison: "在职人员控制率≤100%" → 在职人员控制率. */
export function subjectOf(text: string): string | undefined {
  return SUBJECT.exec(text)?.[1];
}
