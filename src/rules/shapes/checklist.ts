import { Dec, sum } from '../../decimal';
import { fullPoints, pts, readCount, scored } from '../common';
import type { ChecklistItem, ChecklistRule, ChoiceRule, ParseContext, RuleError, RuleValue, Scored, ShapeModule } from '../types';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const ITEM_POINTS = /(?:得|计)?(\d+(?:\.\d+)?)分[。;,]?$/;
/** "1-4季度各得1分": one item per quarter. */
const EACH = /(\d+)-(\d+)季度各得(\d+(?:\.\d+)?)分/;

/** The ① ② ③ items of a text; undefined when it has none or an item carries no points. */
export function checklistItems(text: string): ChecklistItem[] | undefined {
  const each = EACH.exec(text);
  if (each) {
    const [from, to] = [Number(each[1]), Number(each[2])];
    return Array.from({ length: to - from + 1 }, (_, i) => ({ number: i + 1, text: `第${from + i}季度`, points: new Dec(each[3]), veto: false }));
  }
  const parts = text.split(new RegExp(`(?=[${CIRCLED}])`)).filter((p) => CIRCLED.includes(p[0]));
  if (parts.length < 1) return undefined;
  const items: ChecklistItem[] = [];
  for (const part of parts) {
    const number = CIRCLED.indexOf(part[0]) + 1;
    const body = part.slice(1);
    const veto = /不得分/.test(body) && !ITEM_POINTS.test(body);
    const points = ITEM_POINTS.exec(body);
    if (!points && !veto) return undefined;
    items.push({ number, text: body.replace(/[;。,]+$/, ''), points: new Dec(points?.[1] ?? 0), veto });
  }
  return items;
}

/** Which items are met: "①③", "1,3", or how many (only when every item is worth the same). */
function metItems(items: ChecklistItem[], value: RuleValue): ChecklistItem[] | RuleError {
  if (typeof value === 'string' && /[①-⑳]|[,，、]/.test(value)) {
    const numbers = [...value].flatMap((ch) => (CIRCLED.includes(ch) ? [CIRCLED.indexOf(ch) + 1] : []));
    const listed = numbers.length ? numbers : value.split(/[,，、\s]+/).filter(Boolean).map(Number);
    if (listed.some((n) => !items.some((i) => i.number === n))) return { error: `“${value}”中有评分标准里没有的项目编号（共${items.length}项）。` };
    return items.filter((i) => listed.includes(i.number));
  }
  const n = readCount(value, '满足的项目数');
  if (!(n instanceof Dec)) return n;
  const scoring = items.filter((i) => !i.veto);
  if (n.gt(scoring.length)) return { error: `评分标准只有${scoring.length}项，满足项目数不能是${n.toFixed()}。` };
  if (scoring.some((i) => !i.points.eq(scoring[0].points))) {
    return { error: '各项分值不同，仅凭项目数无法计分。请列出满足的项目编号，如“1,3”或“①③”。' };
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
    if (vetoed.length) return scored([new Dec(0)], `存在“${vetoed[0].text}”所列情形，该指标不得分`);
    const score = sum(met.filter((i) => !i.veto).map((i) => i.points));
    if (!missed.length) return scored([score], `各项均满足，得满分${pts(score)}`);
    const lost = sum(missed.map((i) => i.points));
    return scored([score], `未满足第${listText(missed)}项（${missed.map((i) => i.text).join('；')}），扣${pts(lost)}，得${pts(score)}`);
  },
};

export const choice: ShapeModule<ChoiceRule> = {
  shape: 'choice',
  title: '按情形选档计分',
  parse(text, ctx) {
    const parsed = parseItems(text, ctx);
    if (!parsed || 'error' in parsed) return parsed;
    const best = Dec.max(...parsed.items.map((i) => i.points));
    const max = fullPoints('', ctx);
    if (!(max instanceof Dec) || !best.eq(max) || parsed.items.length < 2) return undefined;
    return { shape: 'choice', text, max, items: parsed.items };
  },
  score(rule, value) {
    const n = typeof value === 'string' && /[①-⑳]/.test(value) ? new Dec(CIRCLED.indexOf(value.trim()[0]) + 1) : readCount(value, '符合的情形编号');
    if (!(n instanceof Dec)) return n;
    const item = rule.items.find((i) => n.eq(i.number));
    if (!item) return { error: `评分标准只列了${rule.items.length}种情形，没有第${n.toFixed()}种。` };
    const lost = rule.max.minus(item.points);
    return scored([item.points], `属于第${listText([item])}种情形（${item.text}）${lost.isZero() ? '' : `，扣${pts(lost)}`}，得${pts(item.points)}`);
  },
};
