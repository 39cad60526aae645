import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { Dec } from '../../src/decimal';
import { parseRule, scoreRule } from '../../src/rules/engine';
import { isRuleError } from '../../src/rules/types';

// 云南省衔接资金绩效评价及考核指标评分表 (test/rules/corpus/yunnan-xianjie-funds-scoring.json): a deadline in working days.
const TEXT = '2.县(区)收到财政衔接资金之日起,下达到项目实施单位≤25个工作日得满分6分,>50个工作日为0分,25-50个工作日按比例减分。';

describe('interpolation over days', () => {
  it('reads the days as days, the text’s own points as full points, and says so in the 扣分原因', () => {
    const rule = parseRule(TEXT, { name: '衔接资金下达进度' });
    assert.ok(!isRuleError(rule) && rule.shape === 'interpolate');
    assert.equal(rule.max.toFixed(), '6');
    assert.equal(rule.unit, '个工作日');
    const s = scoreRule(rule, 30);
    assert.ok(!isRuleError(s));
    // 6 × (50 − 30) / (50 − 25) = 4.8
    assert.equal(s.score?.toFixed(), '4.8');
    assert.equal(s.reason, '衔接资金下达进度30个工作日，在25个工作日至50个工作日之间，按比例扣1.2分，得4.8分');
  });

  it('a rate stays a rate: 93% is not 93 days', () => {
    const rule = parseRule('≤100%得满分，≥120%得0分，区间内按权重进行扣分', { max: new Dec(5) });
    assert.ok(!isRuleError(rule) && rule.shape === 'interpolate' && rule.unit === undefined);
    const s = scoreRule(rule, 1.1);
    assert.ok(!isRuleError(s));
    assert.equal(s.score?.toFixed(), '2.5');
    assert.match(s.reason, /110%，在100%至120%之间/);
    assert.ok(isRuleError(scoreRule(rule, 110)), '110 without its % sign is refused, not read as 11000%');
  });
});
