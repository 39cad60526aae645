import { Dec } from '../../decimal';
import { fullPoints, scored } from '../common';
import { ruleMessages as M } from '../messages';
import type { BinaryRule, RuleError, RuleValue, ShapeModule } from '../types';

/**
 * "完成得分，没有完成不得分", "按要求完成工作得满分", "按计划完成会议的得3分，未完成会议的不得分", "在规定时间内完成
 * 自评材料报送工作得5分,未在规定时间内完成报送工作计0分".
 */
const BINARY = /完成得分,?没有完成不得分|按要求完成.{0,10}得满分|完成.{0,12}得(\d+(?:\.\d+)?)分,?未(?:在.{0,8})?完成.{0,12}(?:不得分|[计得]0分)/;

function done(value: RuleValue): boolean | RuleError {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value > 0;
  const text = typeof value === 'string' ? value.replace(/\s/g, '') : '';
  if (/^(未完成|没有完成|否|未|无|不是|FALSE)$/i.test(text) || text === '0') return false;
  if (/^(已?完成|是|有|TRUE|1)$/i.test(text)) return true;
  return { error: M.binaryValue };
}

export const binary: ShapeModule<BinaryRule> = {
  shape: 'binary',
  title: '完成得分、未完成不得分',
  parse(text, ctx) {
    const m = BINARY.exec(text);
    if (!m) return undefined;
    const max = m[1] ? new Dec(m[1]) : fullPoints('', ctx);
    if (!(max instanceof Dec)) return max;
    return { shape: 'binary', text, max };
  },
  score(rule, value) {
    const d = done(value);
    if (typeof d !== 'boolean') return d;
    return d ? scored([rule.max], () => M.binaryDone(rule.max)) : scored([new Dec(0)], () => M.binaryNotDone(rule.max));
  },
};
