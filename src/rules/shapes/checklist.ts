import { Dec, sum } from '../../decimal';
import { fullPoints, readCount, scored } from '../common';
import { chinesePunctuation } from '../text';
import type { ChecklistItem, ChecklistRule, ChoiceRule, ParseContext, RuleError, RuleValue, Scored, ShapeModule } from '../types';
import { ruleMessages as M } from '../messages';
import { NUMBER } from '../vocabulary';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const ITEM_POINTS = /(?:得|计)?(\d+(?:\.\d+)?)分[。;,]?$/;
/** "1-4季度各得1分": one item per quarter. */
const EACH = /(\d+)-(\d+)季度各得(\d+(?:\.\d+)?)分/;

type Part = [number: number, body: string];

function circledParts(text: string): Part[] | undefined {
  const parts = text.split(new RegExp(`(?=[${CIRCLED}])`)).filter((p) => CIRCLED.includes(p[0]));
  return parts.length ? parts.map((p) => [CIRCLED.indexOf(p[0]) + 1, p.slice(1)]) : undefined;
}

/** "1.表格内容填写真实、齐全,得2分;2.…": items numbered 1. 2. 3. (or 1、 (1)) at the start of a clause, in order. */
const NUMBERED = /(^|[;。])(?:(\d{1,2})[.、](?!\d)|\((\d{1,2})\))/g;

function numberedParts(text: string): Part[] | undefined {
  // The separator is matched, not looked behind: the legacy pane's engine (Internet Explorer) has no lookbehind.
  const starts = [...text.matchAll(NUMBERED)].map((m) => ({ number: Number(m[2] ?? m[3]), at: m.index + m[1].length, body: m.index + m[0].length }));
  if (starts.length < 2 || starts[0].at !== 0) return undefined;
  const parts = starts.map((s, i): Part => [s.number, text.slice(s.body, starts[i + 1]?.at)]);
  return parts.every(([n], i) => n === i + 1) ? parts : undefined;
}

/** The ① ② ③ (or 1. 2. 3.) items of a text; undefined when it has none or an item carries no points. */
export function checklistItems(text: string): ChecklistItem[] | undefined {
  const each = EACH.exec(text);
  if (each) {
    const [from, to] = [Number(each[1]), Number(each[2])];
    return Array.from({ length: to - from + 1 }, (_, i) => ({ number: i + 1, text: `第${from + i}季度`, points: new Dec(each[3]), veto: false }));
  }
  const parts = circledParts(text) ?? numberedParts(text);
  if (!parts) return undefined;
  const items: ChecklistItem[] = [];
  for (const [number, body] of parts) {
    const veto = /不得分/.test(body) && !ITEM_POINTS.test(body);
    const points = ITEM_POINTS.exec(body);
    if (!points && !veto) return undefined;
    items.push({ number, text: chinesePunctuation(body), points: new Dec(points?.[1] ?? 0), veto });
  }
  return items;
}

/** "健全的得10分,基本健全的得6分,不健全的扣10分": cases named by their words instead of ①②③. */
const LABELLED = new RegExp(`^(.+?)的?(?:得(${NUMBER})分|不得分|扣(${NUMBER})分)$`);

function labelledCases(text: string, max?: Dec): { items: ChecklistItem[]; max: Dec } | undefined {
  const matches = text
    .split(/[,;。]/)
    .filter(Boolean)
    .map((part) => LABELLED.exec(part));
  if (matches.length < 2 || matches.some((m) => !m)) return undefined;
  const awarded = matches.flatMap((m) => (m![2] !== undefined ? [new Dec(m![2])] : []));
  // Deductions count from the best case the text awards; with none ("未成立小组扣8分;组成人员不符合要求的扣5分"), from the 分值.
  const best = awarded.length ? Dec.max(...awarded) : max;
  if (!best) return undefined;
  const items = matches.map((m, i) => {
    const points = m![2] !== undefined ? new Dec(m![2]) : m![3] !== undefined ? Dec.max(0, best.minus(m![3])) : new Dec(0);
    return { number: i + 1, text: chinesePunctuation(m![1]), points, veto: false };
  });
  return { items, max: best };
}

/** The case a value names: its number (1, ②), or its words ("基本健全"; "齐全" is the case that does not negate it). */
function caseNumber(items: ChecklistItem[], value: RuleValue): Dec | RuleError {
  if (typeof value === 'string' && /[①-⑳]/.test(value)) return new Dec(CIRCLED.indexOf(value.trim()[0]) + 1);
  if (typeof value === 'string' && /[\u4e00-\u9fff]/.test(value)) {
    const words = value.trim();
    const exact = items.filter((i) => i.text === words);
    const ending = items.filter((i) => i.text.endsWith(words) && !/(?:不|未|没有)$/.test(i.text.slice(0, -words.length)));
    const hit = exact.length === 1 ? exact : ending;
    if (hit.length === 1) return new Dec(hit[0].number);
    return {
      error: M.unknownCase(
        words,
        items.map((i) => i.text),
      ),
    };
  }
  return readCount(value, M.caseNumber);
}

/** Which items are met: "①③", "1,3", or how many (only when every item is worth the same). */
function metItems(items: ChecklistItem[], value: RuleValue): ChecklistItem[] | RuleError {
  if (typeof value === 'string' && /[①-⑳]|[,，、]/.test(value)) {
    const numbers = [...value].flatMap((ch) => (CIRCLED.includes(ch) ? [CIRCLED.indexOf(ch) + 1] : []));
    const listed = numbers.length
      ? numbers
      : value
          .split(/[,，、\s]+/)
          .filter(Boolean)
          .map(Number);
    if (listed.some((n) => !items.some((i) => i.number === n))) return { error: M.unknownItems(value, items.length) };
    return items.filter((i) => listed.includes(i.number));
  }
  const n = readCount(value, M.itemsMet);
  if (!(n instanceof Dec)) return n;
  const scoring = items.filter((i) => !i.veto);
  if (n.gt(scoring.length)) return { error: M.tooManyItems(scoring.length, n) };
  // With items worth different points a count says nothing of which are met, unless it is none.
  if (!n.isZero() && scoring.some((i) => !i.points.eq(scoring[0].points))) {
    return { error: M.unequalItems };
  }
  return [...scoring.slice(0, n.toNumber()), ...items.filter((i) => i.veto)];
}

function listText(items: ChecklistItem[]): string {
  return items.map((i) => CIRCLED[i.number - 1]).join('');
}

function parseItems(text: string, ctx: ParseContext): { items: ChecklistItem[]; max: Dec; total: Dec } | RuleError | undefined {
  const items = checklistItems(text);
  if (!items) return undefined;
  const total = sum(items.map((i) => i.points));
  const max = ctx.max ?? total;
  return { items, max, total };
}

export const checklist: ShapeModule<ChecklistRule> = {
  shape: 'checklist',
  title: '逐项计分',
  parse(text, ctx) {
    const parsed = parseItems(text, ctx);
    if (!parsed || 'error' in parsed) return parsed;
    // Items that add up to the full points are a checklist; otherwise they are alternatives (choice).
    if (!parsed.total.eq(parsed.max)) return undefined;
    return { shape: 'checklist', text, max: parsed.max, items: parsed.items };
  },
  score(rule, value): Scored | RuleError {
    const met = metItems(rule.items, value);
    if (!Array.isArray(met)) return met;
    const vetoed = rule.items.filter((i) => i.veto && !met.includes(i));
    const missed = rule.items.filter((i) => !i.veto && !met.includes(i));
    if (vetoed.length) return scored([new Dec(0)], () => M.vetoed(vetoed[0].text));
    const score = sum(met.filter((i) => !i.veto).map((i) => i.points));
    if (!missed.length) return scored([score], () => M.allItems(score));
    const lost = sum(missed.map((i) => i.points));
    return scored([score], () => M.missedItems(listText(missed), missed.map((i) => i.text).join('；'), lost, score));
  },
};

/** Every case the text lists loses points: none of them (0) is the full points. */
function deductionsOnly(items: ChecklistItem[], max: Dec): boolean {
  return items.every((i) => i.points.lt(max));
}

export const choice: ShapeModule<ChoiceRule> = {
  shape: 'choice',
  title: '按情形选档计分',
  parse(text, ctx) {
    const parsed = parseItems(text, ctx);
    if (parsed && 'error' in parsed) return parsed;
    const labelled = parsed ? undefined : labelledCases(text, ctx.max);
    const items = parsed?.items ?? labelled?.items;
    if (!items || items.length < 2) return undefined;
    const best = Dec.max(...items.map((i) => i.points));
    const max = parsed ? fullPoints('', ctx) : labelled!.max;
    if (!(max instanceof Dec) || !(best.eq(max) || deductionsOnly(items, max))) return undefined;
    return { shape: 'choice', text, max, items };
  },
  score(rule, value) {
    const n = caseNumber(rule.items, value);
    if (!(n instanceof Dec)) return n;
    if (n.isZero() && deductionsOnly(rule.items, rule.max)) return scored([rule.max], () => M.noDeductedCase(rule.max));
    const item = rule.items.find((i) => n.eq(i.number));
    if (!item) return { error: M.noSuchCase(rule.items.length, n) };
    const lost = rule.max.minus(item.points);
    return scored([item.points], () => M.choice(listText([item]), item.text, lost, item.points));
  },
};
