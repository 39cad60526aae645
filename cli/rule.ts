import { Dec, cliMessages as say, isRuleError, parseRule, scoreRule, shapeTitle, type RuleValue } from '../src/index';

export interface RuleOptions {
  text: string;
  value?: string;
  max?: string;
  carryOver?: string;
  json: boolean;
}

/** `perf-check rule`: one 评分标准 text scored on one value, by the same engine as the checker and PERF functions. */
export function runRule(options: RuleOptions): { code: number; stdout?: string; stderr?: string } {
  if (options.max !== undefined && !/^\d+(\.\d+)?$/.test(options.max)) return { code: 2, stderr: say.badMax(options.max) };
  const rule = parseRule(options.text, options.max ? { max: new Dec(options.max) } : {});
  if (isRuleError(rule)) return { code: 2, stderr: rule.error };
  if (options.value === undefined && rule.shape !== 'manual') return { code: 2, stderr: say.noValue() };
  const value: RuleValue =
    options.carryOver !== undefined ? { balance: options.value ?? null, carryOver: options.carryOver } : (options.value ?? null);
  const outcome = scoreRule(rule, value);
  if (isRuleError(outcome)) return { code: 2, stderr: outcome.error };
  const result = {
    shape: rule.shape,
    shapeTitle: shapeTitle(rule.shape),
    manual: outcome.manual,
    max: rule.max.toFixed(),
    ...(outcome.score !== undefined ? { score: outcome.score.toDecimalPlaces(2).toFixed() } : {}),
    readings: outcome.readings.map((r) => r.toDecimalPlaces(2).toFixed()),
    reason: outcome.reason,
  };
  if (options.json) return { code: 0, stdout: JSON.stringify(result, null, 2) };
  const lines = [
    say.ruleShape(result.shapeTitle, result.shape, result.max, !!result.manual),
    ...(result.score !== undefined ? [say.ruleScore(result.score)] : []),
    ...(result.readings.length > 1 ? [say.ruleReadings(result.readings)] : []),
    say.ruleReason(result.reason),
  ];
  return { code: 0, stdout: lines.join('\n') };
}
