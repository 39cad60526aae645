import { Dec } from '../../decimal';
import { fullPoints } from '../common';
import type { ManualRule, ShapeModule } from '../types';
import { JUDGEMENT_PHRASES } from '../vocabulary';
import { ruleMessages as M } from '../messages';

/** Judgement by a person, said in so many words; never guessed from anything else. */
const MANUAL = new RegExp(JUDGEMENT_PHRASES.join('|'));
const RANGE = /(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)分/;
/** ① ② items with no points and no deduction per case: which item weighs what is for the evaluator to say. */
const UNWEIGHTED_ITEMS = /^[^①]*①[^分]*②[^分]*$/;

export const manual: ShapeModule<ManualRule> = {
  shape: 'manual',
  title: '人工评定',
  parse(text, ctx) {
    if (!MANUAL.test(text) && !UNWEIGHTED_ITEMS.test(text)) return undefined;
    const range = RANGE.exec(text);
    if (range) return { shape: 'manual', text, min: new Dec(range[1]), max: new Dec(range[2]) };
    const max = fullPoints('', ctx);
    if (!(max instanceof Dec)) return max;
    return { shape: 'manual', text, min: new Dec(0), max };
  },
  score(rule) {
    return {
      readings: [],
      reason: M.manual(rule.min, rule.max),
      manual: true,
    };
  },
};
