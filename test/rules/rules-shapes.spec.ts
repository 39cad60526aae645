import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { Dec } from '../../src/decimal';
import { createRuleEngine, parseRule, scoreRule } from '../../src/rules/engine';
import { isRuleError, type Rule, type RuleValue, type Scored } from '../../src/rules/types';

function rule(text: string, max?: string): Rule {
  const r = parseRule(text, max ? { max: new Dec(max) } : {});
  assert.ok(!isRuleError(r), isRuleError(r) ? r.error : '');
  return r;
}

function score(text: string, value: RuleValue, max?: string): Scored {
  const s = scoreRule(rule(text, max), value);
  assert.ok(!isRuleError(s), isRuleError(s) ? s.error : '');
  return s;
}

/** t(expected score, text, value, 分值?) */
function t(expected: string, text: string, value: RuleValue, max?: string) {
  assert.equal(score(text, value, max).score?.toFixed(), expected, `${text} @ ${JSON.stringify(value)}`);
}

describe('扣分原因 sentences', () => {
  it('says what a clerk would write, with the numbers', () => {
    const staff = '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。';
    assert.equal(score(staff, '110%').reason, '在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣5分，扣完为止');
    assert.equal(score(staff, 1.04).reason, '在职人员控制率104%，超过100%共4个百分点，每个百分点扣0.5分，扣2分');
    assert.equal(score(staff, 1).reason, '在职人员控制率100%，未超过100%，得满分5分');
    const asset = parseRule('每低于100%一个百分点扣0.1分，扣完为止。', { max: new Dec(3), name: '固定资产利用率' });
    assert.ok(!isRuleError(asset));
    const assetScore = scoreRule(asset, 0.9);
    assert.ok(!isRuleError(assetScore));
    assert.equal(assetScore.reason, '固定资产利用率90%，低于100%共10个百分点，每个百分点扣0.1分，扣1分');
    // Without a name in the text or the row, the value is still called what it is, never 实际值.
    assert.equal(score('每低于100%一个百分点扣0.1分，扣完为止。', 0.9, '3').reason, '指标值90%，低于100%共10个百分点，每个百分点扣0.1分，扣1分');
    assert.equal(
      score('重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。', 0.85).reason,
      '重点支出安排率85%，属于“80%（含）-90%”档，得4分',
    );
    assert.equal(
      score('无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。', { balance: 12.5, carryOver: 10 }).reason,
      '结余12.5万元，上年结转10万元，得0分，扣3分',
    );
    assert.equal(
      score('①已制定或具有资产管理制度，且相关资产管理制度合法、合规、完整，2分；\n②相关资产管理制度得到有效执行，1分。', '①').reason,
      '未满足第②项（相关资产管理制度得到有效执行，1分），扣1分，得2分',
    );
  });
});

describe('parameters are read from the text, not assumed', () => {
  it('any step and any maximum: 0.1, 0.8, 1 or 2 points per percentage point', () => {
    t('4.2', '以100%为标准。控制率≦100%，计6分；每超过一个百分点扣0.1分，扣完为止。', 1.18);
    t('2.8', '以100%为标准。控制率≦100%，计6分；每超过一个百分点扣0.8分，扣完为止。', 1.04);
    t('8', '执行率等于100%的，得10分；每减少一个百分点，扣1分，扣完为止。', 0.98);
    t('6', '执行率等于100%的，得10分；每减少一个百分点，扣2分，扣完为止。', '98%');
    t('0', '执行率等于100%的，得10分；每减少一个百分点，扣2分，扣完为止。', '90%');
  });

  it('whole points and proportional readings of 每超过一个百分点 are both admissible', () => {
    const s = score('以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。', '102.5%');
    assert.deepEqual(
      s.readings.map((r) => r.toFixed()),
      ['3.75', '4', '3.5'],
    );
  });

  it('the （含） side decides the bound', () => {
    const lowerIncluded = '重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；低于70%不得分。';
    t('4', lowerIncluded, 0.8);
    t('3', lowerIncluded, 0.7999);
    const upperIncluded = '预算调整率=0，计3分；0-10%（含），计2分；10-20%（含），计1分；大于20%不得分。';
    t('2', upperIncluded, 0.1);
    t('1', upperIncluded, 0.1001);
    t('3', upperIncluded, 0);
    t('0', upperIncluded, 0.25);
  });

  it('full-width characters and odd spacing read the same', () => {
    t('2', '政府采购执行率等于１００％的，得３分；每减少一个百分点，扣０．２分，扣完为止。', '95%');
  });
});

describe('what the engine will not guess', () => {
  it('an unreadable text is reported, never scored', () => {
    for (const text of ['根据工作情况确定。', '按照上级文件执行', '']) {
      const r = parseRule(text, { max: new Dec(5) });
      assert.ok(isRuleError(r), text);
      assert.match(r.error, /[\u4e00-\u9fff]/);
    }
  });

  it('a rate typed without its percent sign is refused, not read 100 times too large', () => {
    const s = scoreRule(rule('以100%为标准。控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。'), 110);
    assert.ok(isRuleError(s));
    assert.match(s.error, /110%/);
  });

  it('text that is no number is refused with the text quoted', () => {
    const s = scoreRule(rule('以100%为标准。控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。'), '很高');
    assert.ok(isRuleError(s));
    assert.match(s.error, /“很高”不是数字/);
  });

  it('a rule without its full points needs the 分值', () => {
    const r = parseRule('每低于100%一个百分点扣0.1分，扣完为止。');
    assert.ok(isRuleError(r));
    assert.match(r.error, /分值/);
  });
});

describe('the engine parses each text once', () => {
  it('returns the cached rule for the same text and 分值', () => {
    const engine = createRuleEngine({ cacheSize: 2 });
    const text = '以100%为标准。控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。';
    assert.equal(engine.parse(text), engine.parse(text));
    engine.parse('a');
    engine.parse('b');
    assert.notEqual(engine.parse(text), undefined);
    const s = engine.score(text, '101%');
    assert.ok(!isRuleError(s));
    assert.equal(s.score?.toFixed(), '4.5');
  });
});
