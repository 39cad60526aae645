import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import * as functions from '../../functions/functions';
import { FunctionError } from '../support/custom-functions';
import { registerFunctions, WPS_MISSING, type WpsCallable } from '../../hosts/wps/custom-functions';

(globalThis as Record<string, unknown>).CustomFunctions = { Error: FunctionError, ErrorCode: { invalidValue: '#VALUE!' } };

const NO_MAX_RULE = '以100%为标准，每超过一个百分点扣0.5分，扣完为止。';
const STAFF_RULE = '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。';

/** Registers the functions as main.js does and returns them as WPS would call them. */
function registered(): Map<string, WpsCallable> {
  const added = new Map<string, WpsCallable>();
  const names = registerFunctions({ AddCustomFunction: (ns, name, fn) => added.set(`${ns}.${name}`, fn) }, 'PERF', {
    RUBRIC_SCORE: functions.rubricScore,
    RUBRIC_REASON: functions.rubricReason,
  });
  assert.deepEqual(names, ['PERF.RUBRIC_SCORE', 'PERF.RUBRIC_REASON']);
  return added;
}

describe('PERF functions under WPS', () => {
  it('=PERF.RUBRIC_SCORE(规则, 110%) without 分值: WPS passes −2147352572, the rule’s own 5 points count', () => {
    const score = registered().get('PERF.RUBRIC_SCORE')!;
    assert.equal(score(STAFF_RULE, 1.1, WPS_MISSING), 0);
    assert.equal(score(STAFF_RULE, 1.04, WPS_MISSING), 3);
    assert.equal(score(STAFF_RULE, 1.04, WPS_MISSING), functions.rubricScore(STAFF_RULE, 1.04));
  });

  it('a rule without its own maximum and no 分值 is a Chinese #VALUE!, never a number', () => {
    const score = registered().get('PERF.RUBRIC_SCORE')!;
    assert.throws(
      () => score(NO_MAX_RULE, 1.04, WPS_MISSING),
      (e: FunctionError) => e.code === '#VALUE!' && e.message === '评分标准没有写明满分，请同时提供该指标的分值。',
    );
    assert.equal(score(NO_MAX_RULE, 1.04, 5), 3);
    // Unwrapped, −2147352572 would be taken for the 分值.
    assert.doesNotThrow(() => functions.rubricScore(NO_MAX_RULE, 1.04, WPS_MISSING));
  });

  it('the reason names the deduction, not −2147352572', () => {
    const reason = registered().get('PERF.RUBRIC_REASON')!;
    const text = reason(STAFF_RULE, 1.1, WPS_MISSING) as string;
    assert.match(text, /在职人员控制率110%/);
    assert.doesNotMatch(text, /2147352572/);
  });

  it('a WPS without custom functions registers none and does not fail', () => {
    assert.deepEqual(registerFunctions({}, 'PERF', { AMOUNT: functions.amount }), []);
  });
});
