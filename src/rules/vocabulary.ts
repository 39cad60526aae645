/**
 * The words 评分标准 texts compare and count with, in one table shared by every shape. Adding a synonym is one line
 * here; the patterns below are built from these tables. Texts reach the shapes normalised (NFKC, Chinese numerals
 * as digits, see text.ts), so only the half-width form of a sign is listed.
 */

/** Which way a word points: 'above' (超过, ≥), 'below' (低于, ≤), 'either' (相差: both ways), 'equal' (=). */
export type Direction = 'above' | 'below' | 'either' | 'equal';

export interface Comparison {
  word: string;
  direction: Direction;
  /** Whether the number itself is on the word's side: ≥90% includes 90%, 超过90% does not. */
  inclusive: boolean;
  /** 'bound': before a number ("≥90%", "不低于90%"); 'suffix': after it ("90%以上"); 'step': after 每 ("每低于1个百分点"). */
  roles: readonly ('bound' | 'suffix' | 'step')[];
}

const c = (word: string, direction: Direction, inclusive: boolean, ...roles: Comparison['roles'][number][]): Comparison => ({
  word,
  direction,
  inclusive,
  roles,
});

export const COMPARISONS: readonly Comparison[] = [
  c('≥', 'above', true, 'bound'),
  c('>', 'above', false, 'bound'),
  c('≤', 'below', true, 'bound'),
  c('<', 'below', false, 'bound'),
  c('=', 'equal', true, 'bound'),
  c('等于', 'equal', true, 'bound'),
  c('不低于', 'above', true, 'bound'),
  c('大于等于', 'above', true, 'bound'),
  c('大于或等于', 'above', true, 'bound'),
  c('不小于', 'above', true, 'bound'),
  c('不少于', 'above', true, 'bound'),
  c('达到', 'above', true, 'bound'),
  c('达', 'above', true, 'bound'),
  c('以上', 'above', true, 'suffix'),
  c('及以上', 'above', true, 'suffix'),
  c('大于', 'above', false, 'bound'),
  c('高于', 'above', false, 'bound', 'step'),
  c('超过', 'above', false, 'bound', 'step'),
  c('超出', 'above', false, 'bound', 'step'),
  c('多于', 'above', false, 'bound', 'step'),
  c('增加', 'above', false, 'step'),
  c('上升', 'above', false, 'step'),
  c('提高', 'above', false, 'step'),
  c('高', 'above', false, 'step'),
  c('超', 'above', false, 'step'),
  c('多', 'above', false, 'step'),
  c('不高于', 'below', true, 'bound'),
  c('小于等于', 'below', true, 'bound'),
  c('小于或等于', 'below', true, 'bound'),
  c('不大于', 'below', true, 'bound'),
  c('未超过', 'below', true, 'bound'),
  c('以内', 'below', true, 'suffix'),
  c('不超过', 'below', true, 'bound'),
  c('以下', 'below', true, 'suffix'),
  c('及以下', 'below', true, 'suffix'),
  c('小于', 'below', false, 'bound'),
  c('低于', 'below', false, 'bound', 'step'),
  c('少于', 'below', false, 'bound', 'step'),
  c('不足', 'below', false, 'bound', 'step'),
  c('未达到', 'below', false, 'bound'),
  c('未达', 'below', false, 'bound'),
  c('降低', 'below', false, 'step'),
  c('减少', 'below', false, 'step'),
  c('下降', 'below', false, 'step'),
  c('低', 'below', false, 'step'),
  c('少', 'below', false, 'step'),
  c('相差', 'either', false, 'step'),
  c('偏离', 'either', false, 'step'),
  c('偏差', 'either', false, 'step'),
];

/** A step of a rate: "每低于1个百分点", "每降低1%". */
export const POINT_UNITS: readonly string[] = ['个百分点', '百分点', '%'];

/** A time a rule measures instead of a rate: "≤15日得满分", "≤25个工作日得满分". */
export const TIME_UNITS: readonly string[] = ['个工作日', '工作日', '日', '天', '个月'];

/** What a text counts, one occurrence at a time: "每发现一处", "每件", "发生一次". */
export const COUNT_UNITS: readonly string[] = ['例', '项', '次', '处', '件', '条', '辆', '个', '点', '起', '家', '份', '人', '岁', '年'];

/** The verbs before a counted occurrence: "每发现一处", "出现一例", "发生一次", "每有一项", "每少一项", "每超平均年龄1岁". */
export const OCCURRENCE_VERBS: readonly string[] = [
  '发现',
  '出现',
  '发生',
  '存在',
  '有',
  '减少',
  '少',
  '缺少',
  '缺',
  '未完成',
  '未按时完成',
  '超过',
  '超',
  '滞后',
];
/** Of those, the verbs that count what is missing: "每少一项" is read as 缺少1项. */
export const MISSING_VERBS: readonly string[] = ['少', '缺', '缺少', '减少'];
/** The verbs that count without 每: "发现一例违规使用资金扣1分", "发生一次扣2分". */
export const BARE_OCCURRENCE_VERBS: readonly string[] = ['发现', '出现', '发生'];
/** A bonus per item: "按项加0.5分", "每项加1分". */
export const BONUS_VERBS: readonly string[] = ['加'];

/** Deductions and their caps: "扣1分", "扣减1分", "减1分"; "扣满15分为止", "最多扣6分", "累计不超过3分". */
export const DEDUCT_VERBS: readonly string[] = ['扣减', '扣除', '扣', '减'];
export const CAP_PHRASES: readonly string[] = [
  '扣满(N)分为止',
  '扣完(N)分为止',
  '最多扣(N)分',
  '最高扣(N)分',
  '累计扣分不超过(N)分',
  '累计不超过(N)分',
  '扣分不超过(N)分',
];

/** A person judges: "酌情扣分", "视匹配情况", "由评价组认定". Patterns, as some span a few words. */
export const JUDGEMENT_PHRASES: readonly string[] = [
  '酌情',
  '视.{0,8}情况',
  '由评价组',
  '由考核组',
  '由专家组',
  '应根据部门实际',
  '此项指标根据',
  '此三项指标',
  '缺少项按权重进行扣分',
  '合理确定得分',
];

/** Chinese numerals as texts write counts and steps: 一个, 两项, 十五分, 百分之五. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
export const CHINESE_TENS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100 };

/** Alternation of words, longest first so that 未达到 wins over 未达, escaped for a RegExp. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

export function wordsWithRole(role: Comparison['roles'][number], direction?: Direction): string[] {
  return COMPARISONS.filter((x) => x.roles.includes(role) && (!direction || x.direction === direction)).map((x) => x.word);
}

const BY_WORD = new Map(COMPARISONS.map((x) => [x.word, x]));

export function comparison(word: string): Comparison | undefined {
  return BY_WORD.get(word);
}

/** A number as rules write it, with its decimals: "0.5", "100". */
export const NUMBER = String.raw`\d+(?:\.\d+)?`;

/** The cap on deductions a text sets, as a pattern with the number captured. */
export const CAP = new RegExp(
  CAP_PHRASES.map((p) => p.replace('(N)', `(${NUMBER})`))
    .map((p) => `(?:${p})`)
    .join('|'),
);

/** "扣1分", "扣减0.5分": the deduction's number. */
export const DEDUCT = new RegExp(`(?:${alternation(DEDUCT_VERBS)})(${NUMBER})分`);

/** The first number a CAP match captured (one group per phrase). */
export function capOf(text: string): string | undefined {
  const m = CAP.exec(text);
  return m?.slice(1).find((g) => g !== undefined);
}
