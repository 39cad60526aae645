import { Dec } from '../../decimal';
import { parseAmount } from '../../number';
import { readNumber, scored } from '../common';
import type { BalanceRule, RuleError, RuleValue, ShapeModule } from '../types';
import { ruleMessages as M } from '../messages';

const NONE = /无结余,?(?:计|得)?(\d+(?:\.\d+)?)分/;
const WITHIN = /不超过上年结转,?(?:计|得)?(\d+(?:\.\d+)?)分/;
const OVER = /结余超过上年结转,?(?:(?:计|得)?(\d+(?:\.\d+)?)分|不得分)/;

type Outcome = 'none' | 'within' | 'over';

/** The outcome from the two figures, from a ratio 结余/上年结转, or from the words a clerk writes. */
function outcomeOf(value: RuleValue): { outcome: Outcome; detail: string } | RuleError {
  if (value !== null && typeof value === 'object' && !(value instanceof Dec)) {
    const balance = readNumber(value.balance, M.balanceAmount);
    if (!(balance instanceof Dec)) return balance;
    const carry = parseAmount(value.carryOver);
    const carryOver = carry.kind === 'number' ? carry.value : new Dec(0);
    const detail = M.balanceFigures(balance, carryOver);
    if (balance.lte(0)) return { outcome: 'none', detail: M.balanceNone };
    return { outcome: balance.lte(carryOver) ? 'within' : 'over', detail };
  }
  if (typeof value === 'string') {
    const text = value.replace(/\s/g, '');
    if (/^无结余$|^无$/.test(text)) return { outcome: 'none', detail: M.balanceNone };
    if (/未超过|不超过/.test(text)) return { outcome: 'within', detail: M.balanceWithin };
    if (/超过/.test(text)) return { outcome: 'over', detail: M.balanceOver };
  }
  const ratio = readNumber(value, M.balanceRatio);
  if (!(ratio instanceof Dec)) return { error: M.balanceValue };
  if (ratio.lte(0)) return { outcome: 'none', detail: M.balanceNone };
  return ratio.lte(1) ? { outcome: 'within', detail: M.balanceWithin } : { outcome: 'over', detail: M.balanceOver };
}

export const balance: ShapeModule<BalanceRule> = {
  shape: 'balance',
  title: '按结余情况计分',
  parse(text) {
    const none = NONE.exec(text);
    const within = WITHIN.exec(text);
    const over = OVER.exec(text);
    if (!none || !within || !over) return undefined;
    const max = new Dec(none[1]);
    return { shape: 'balance', text, max, none: max, withinCarryOver: new Dec(within[1]), overCarryOver: new Dec(over[1] ?? 0), subject: '资金结余' };
  },
  score(rule, value) {
    const o = outcomeOf(value);
    if ('error' in o) return o;
    const points = { none: rule.none, within: rule.withinCarryOver, over: rule.overCarryOver }[o.outcome];
    const deducted = rule.max.minus(points);
    return scored([points], () => (deducted.isZero() ? M.balanceFull(o.detail, points) : M.balance(o.detail, points, deducted)));
  },
};
