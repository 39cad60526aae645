import { Dec, isRuleError, parseRule, scoreRule, shapeTitle, type RuleValue } from '../src/index';

export interface RuleOptions {
  text: string;
  value?: string;
  max?: string;
  carryOver?: string;
  json: boolean;
}

/** `perf-check rule`: one 评分标准 text scored on one value, by the same engine as the checker and PERF functions. */
export function runRule(options: RuleOptions): { code: number; stdout?: string; stderr?: string } {
  if (options.max !== undefined && !/^\d+(\.\d+)?$/.test(options.max)) return { code: 2, stderr: `--max 应是分值数字，而不是“${options.max}”。` };
  const rule = parseRule(options.text, options.max ? { max: new Dec(options.max) } : {});
  if (isRuleError(rule)) return { code: 2, stderr: rule.error };
  if (options.value === undefined && rule.shape !== 'manual') return { code: 2, stderr: '请用 --value 给出要计分的数值，如 --value 110%。' };
  const value: RuleValue = options.carryOver !== undefined ? { balance: options.value ?? null, carryOver: options.carryOver } : (options.value ?? null);
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
    `计分方法：${result.shapeTitle}（${result.shape}），满分${result.max}分${result.manual ? '，需人工评定' : ''}`,
    ...(result.score !== undefined ? [`得分：${result.score}分`] : []),
    ...(result.readings.length > 1 ? [`可接受的得分：${result.readings.map((r) => r + '分').join('、')}`] : []),
    `说明：${result.reason}`,
  ];
  return { code: 0, stdout: lines.join('\n') };
}
