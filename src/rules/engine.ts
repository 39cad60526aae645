import { Dec } from '../decimal';
import { moduleOf, SHAPE_ORDER, SHAPES } from './registry';
import { normalizeRuleText } from './text';
import { isRuleError, type ParseContext, type Rule, type RuleError, type RuleShape, type RuleValue, type ScoreOutcome } from './types';
import { ruleMessages as M } from './messages';

/** Turns a 评分标准 text into a rule, or says in Chinese why it cannot. */
export function parseRule(text: string, ctx: ParseContext = {}): Rule | RuleError {
  const normalized = normalizeRuleText(text ?? '');
  if (!normalized) return { error: M.empty };
  for (const shape of SHAPE_ORDER) {
    const parsed = shape.parse(normalized, ctx);
    if (parsed) return isRuleError(parsed) ? parsed : { ...parsed, text };
  }
  return { error: M.unreadable };
}

export function scoreRule(rule: Rule, value: RuleValue): ScoreOutcome {
  return moduleOf(rule).score(rule, value);
}

export function shapeTitle(shape: RuleShape): string {
  return SHAPES.get(shape)!.title;
}

export interface RuleEngineOptions {
  /** Distinct texts kept parsed; the oldest goes first. */
  cacheSize?: number;
}

/**
 * Parses each (text, 分值) once: a sheet of 10,000 RUBRIC_SCORE cells over a few dozen distinct texts parses a few
 * dozen times. The cache is the engine's own, not the module's.
 */
export function createRuleEngine(options: RuleEngineOptions = {}) {
  const cacheSize = options.cacheSize ?? 2000;
  const cache = new Map<string, Rule | RuleError>();
  const parse = (text: string, max?: Dec, name?: string): Rule | RuleError => {
    const key = `${max?.toFixed() ?? ''}\u0000${name ?? ''}\u0000${text}`;
    let rule = cache.get(key);
    if (!rule) {
      rule = parseRule(text, { ...(max ? { max } : {}), ...(name ? { name } : {}) });
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
      cache.set(key, rule);
    }
    return rule;
  };
  return {
    parse,
    score(text: string, value: RuleValue, max?: Dec): ScoreOutcome {
      const rule = parse(text, max);
      return isRuleError(rule) ? rule : scoreRule(rule, value);
    },
  };
}

export type RuleEngine = ReturnType<typeof createRuleEngine>;
