import type { Dec } from '../decimal';
import type { CellValue } from '../grid';

/** The rule shapes of 评分标准 texts. Adding one breaks the build wherever shapes are handled exhaustively. */
export type RuleShape = 'linear' | 'bands' | 'interpolate' | 'proportional' | 'balance' | 'checklist' | 'choice' | 'occurrence' | 'binary' | 'manual';

interface RuleBase {
  /** The 评分标准 as written. */
  text: string;
  /** Full points: stated in the text ("计5分", "得满分" with the 分值), else the 分值 given by the caller. */
  max: Dec;
  /** What the rule measures, when the text names it: "在职人员控制率". */
  subject?: string;
}

/**
 * Per step of percentage points beyond a threshold: "每超过一个百分点扣0.5分，扣完为止", "每低于5个百分点扣2分",
 * "与计划每相差3%，扣1分，扣满15分为止".
 */
export interface LinearRule extends RuleBase {
  shape: 'linear';
  threshold: Dec;
  /** 'above': points go when the value exceeds the threshold; 'below': when it falls short; 'either': both. */
  direction: 'above' | 'below' | 'either';
  /** Percentage points per step: 1 for "每低于一个百分点", 5 for "每减少5%". */
  step: Dec;
  perStep: Dec;
  /** "最多扣6分": deductions stop there, below the full points. */
  cap?: Dec;
}

export interface Band {
  lower?: Dec;
  lowerInclusive: boolean;
  upper?: Dec;
  upperInclusive: boolean;
  points: Dec;
  /** The band as written: "80%(含)-90%". */
  label: string;
}

/** Bands of the value, each with its points: "≥90%，计5分；80%（含）-90%，计4分；…低于60%不得分". */
export interface BandsRule extends RuleBase {
  shape: 'bands';
  bands: Band[];
}

/**
 * Full points up to `full`, none from `zero`, linear in between: "≤100%得满分，≥120%得0分，区间内按权重进行扣分",
 * "≤25个工作日得满分6分，>50个工作日为0分，25-50个工作日按比例减分".
 */
export interface InterpolateRule extends RuleBase {
  shape: 'interpolate';
  full: Dec;
  zero: Dec;
  /** A time the value counts in ("日", "个工作日"); none for a rate. */
  unit?: string;
}

/**
 * Points in proportion: "实际得分=达标率*5分", "得分=完成率×20", "按完成比例得分"; with a target, "≥95%得满分，未达到的
 * 按权重进行扣分". Above the target (超过100%以100%计算) the full points.
 */
export interface ProportionalRule extends RuleBase {
  shape: 'proportional';
  target: Dec;
}

/** "无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分": two inputs, three outcomes. */
export interface BalanceRule extends RuleBase {
  shape: 'balance';
  none: Dec;
  withinCarryOver: Dec;
  overCarryOver: Dec;
}

export interface ChecklistItem {
  /** 1 for ①. */
  number: number;
  text: string;
  points: Dec;
  /** "一旦存在该指标不得分": not met means no points at all. */
  veto: boolean;
}

/** Items that add up: "①…，1分；②…，0.5分". The input is how many (or which) items are met. */
export interface ChecklistRule extends RuleBase {
  shape: 'checklist';
  items: ChecklistItem[];
}

/** Items of which exactly one applies: "①职能明确，得1分；②…不明确，得0.5分；③…，得0分". */
export interface ChoiceRule extends RuleBase {
  shape: 'choice';
  items: ChecklistItem[];
}

export interface OccurrenceKind {
  /** What is counted, as the text says it: "发现违规使用资金". */
  label: string;
  /** 例, 次, 项, 处…: how the text counts it. */
  unit: string;
  per: Dec;
}

/**
 * A deduction per occurrence: "每出现一例不符合要求的扣1分，扣完为止", "发现一例违规使用资金扣1分"; several kinds each
 * with its own ("①…每条扣5分；②…每条扣1分"); or, as a bonus, points per item ("按项加0.5分，累计不超过3分").
 * The input is the count (for several kinds, the counts in order: "2,1").
 */
export interface OccurrenceRule extends RuleBase {
  shape: 'occurrence';
  kinds: OccurrenceKind[];
  /** "最多扣6分": deductions stop there, below the full points. For a bonus, the most it adds. */
  cap?: Dec;
  /** Points added per item from 0, up to the cap the text sets: the only scores above 分值 the engine gives. */
  bonus: boolean;
}

/** All or nothing: "完成得分，没有完成不得分". */
export interface BinaryRule extends RuleBase {
  shape: 'binary';
}

/** Judged by a person: "视匹配情况酌情得0-2分". Never scored by the engine. */
export interface ManualRule extends RuleBase {
  shape: 'manual';
  min: Dec;
}

export type Rule =
  LinearRule | BandsRule | InterpolateRule | ProportionalRule | BalanceRule | ChecklistRule | ChoiceRule | OccurrenceRule | BinaryRule | ManualRule;

/** What a rule scores: a cell's value, a computed rate, or for 资金结余 the two figures it compares. */
export type RuleValue = CellValue | Dec | { balance: CellValue; carryOver: CellValue };

export interface Scored {
  /** The score of the first admissible reading; undefined for a manual rule. */
  score?: Dec;
  /** Every score the text admits (whole points and proportional for "每超过一个百分点"). */
  readings: Dec[];
  /** 扣分原因 as a clerk writes it. */
  reason: string;
  manual: boolean;
}

/** Why a rule or a value could not be used, in Chinese. */
export interface RuleError {
  error: string;
}

export type ScoreOutcome = Scored | RuleError;

export function isRuleError<T extends object>(x: T | RuleError): x is RuleError {
  return 'error' in x;
}

/** Parsing context: the 分值 and the indicator's name, when the caller knows them. */
export interface ParseContext {
  max?: Dec;
  /** Names the measured quantity in reasons when the text does not ("固定资产利用率"). */
  name?: string;
}

/** One rule shape: how to recognise it in a text and how to score a value with it. */
export interface ShapeModule<R extends Rule = Rule> {
  shape: R['shape'];
  /** The shape's name for people: "按百分点扣分". */
  title: string;
  parse(text: string, ctx: ParseContext): R | RuleError | undefined;
  score(rule: R, value: RuleValue): ScoreOutcome;
}
