import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { Dec } from '../../src/decimal';
import { checkWorkbook, proposeScores } from '../../src/index';
import { parseRule, scoreRule } from '../../src/rules/engine';
import { chineseNumber, normalizeRuleText } from '../../src/rules/text';
import { isRuleError, type RuleShape, type RuleValue } from '../../src/rules/types';
import { BARE_OCCURRENCE_VERBS, COMPARISONS, COUNT_UNITS, OCCURRENCE_VERBS, POINT_UNITS } from '../../src/rules/vocabulary';
import { rubricReason, rubricScore } from '../../functions/functions';
import { book, sheet } from '../support/grid';

/** [text, 分值 or null, shape, [value, readings (first = the score)]…]: hand-computed. */
type Row = [string, string | null, RuleShape, [RuleValue, string[]][]];

function check([text, max, shape, cases]: Row) {
  const rule = parseRule(text, max ? { max: new Dec(max) } : {});
  assert.ok(!isRuleError(rule), `${text}: ${isRuleError(rule) ? rule.error : ''}`);
  assert.equal(rule.shape, shape, text);
  for (const [value, expected] of cases) {
    const s = scoreRule(rule, value);
    assert.ok(!isRuleError(s), `${text} @ ${JSON.stringify(value)}: ${isRuleError(s) ? s.error : ''}`);
    assert.deepEqual(
      s.readings.map((r) => r.toDecimalPlaces(4).toFixed()),
      expected,
      `${text} @ ${JSON.stringify(value)}`,
    );
  }
}

/** The wordings issue #12 quotes as refused before: each now a rule, scored as a finance officer would. */
const WORDINGS: Row[] = [
  [
    '预算执行率达到100%得满分，每低1个百分点扣0.2分，扣完为止',
    '5',
    'linear',
    [
      [0.93, ['3.6']],
      [1, ['5']],
      [0.7, ['0']],
    ],
  ],
  ['预算执行率达到100%得满分，每低一个百分点扣0.2分，扣完为止', '5', 'linear', [[0.9, ['3']]]],
  [
    '发现一例违规使用资金扣1分，扣完为止',
    '3',
    'occurrence',
    [
      [0, ['3']],
      [2, ['1']],
      [5, ['0']],
    ],
  ],
  [
    '执行率100%得满分，每低于5个百分点扣2分',
    '10',
    'linear',
    [
      [0.93, ['7.2', '8', '6']],
      [0.8, ['2']],
    ],
  ],
  [
    '满意度90%以上得满分，每降低1%扣权重分的10%',
    '5',
    'linear',
    [
      [0.85, ['2.5']],
      [0.95, ['5']],
    ],
  ],
  ['得分=执行率×分值', '10', 'proportional', [[0.9, ['9']]]],
  [
    '得分=完成率×20',
    null,
    'proportional',
    [
      [0.9, ['18']],
      [1.2, ['20']],
    ],
  ],
  ['得分（20分*执行率）', null, 'proportional', [[0.85, ['17']]]],
  ['评价指标得分=实际完成量/目标任务*该项指标分值', '8', 'proportional', [[0.5, ['4']]]],
  [
    '按完成比例得分，超过100%以100%计算',
    '6',
    'proportional',
    [
      [0.75, ['4.5']],
      [1.3, ['6']],
    ],
  ],
  [
    '实际完成情况与计划每相差3%，扣1分，扣满15分为止。',
    null,
    'linear',
    [
      [0.91, ['12']],
      [1.06, ['13']],
      [1, ['15']],
    ],
  ],
  [
    '完成率100%得满分，每减少5%，扣1分',
    '5',
    'linear',
    [
      [0.9, ['3']],
      [0.87, ['2.4', '3', '2']],
    ],
  ],
  [
    '每发现一处扣0.5分，最多扣2分',
    '4',
    'occurrence',
    [
      [3, ['2.5']],
      [6, ['2']],
    ],
  ],
  ['每件扣1分', '3', 'occurrence', [[2, ['1']]]],
  ['每条扣1分，扣完为止', '3', 'occurrence', [[4, ['0']]]],
  ['每次扣0.5分', '2', 'occurrence', [[1, ['1.5']]]],
  ['发生一次安全事故扣2分', '4', 'occurrence', [[1, ['2']]]],
  [
    '①未按时报送的，每条扣5分；②报送内容有误的，每条扣1分；扣满15分为止',
    '15',
    'occurrence',
    [
      ['1,2', ['8']],
      ['0,3', ['12']],
      [0, ['15']],
    ],
  ],
  [
    '每发现1处问题扣2分，最多扣6分',
    '10',
    'occurrence',
    [
      [4, ['4']],
      [2, ['6']],
    ],
  ],
  ['每辆扣1分，累计扣分不超过3分', '5', 'occurrence', [[4, ['2']]]],
  [
    '100分：完成计划进度的100%；90分：完成计划进度的90%（含）；75分：仅完成计划进度的75%（含）；0分：完成计划进度75%以下',
    null,
    'bands',
    [
      [1, ['100']],
      [0.95, ['90']],
      [0.75, ['75']],
      [0.8, ['75']],
      [0.5, ['0']],
    ],
  ],
  [
    '满意度未达到90%的，每少一个百分点扣1分',
    '5',
    'linear',
    [
      [0.92, ['5']],
      [0.87, ['2']],
    ],
  ],
  [
    '满意度90%及以上得5分；80%（含）-90%得3分；80%以下不得分',
    null,
    'bands',
    [
      [0.9, ['5']],
      [0.85, ['3']],
      [0.8, ['3']],
      [0.7, ['0']],
    ],
  ],
  [
    '按项加0.5分，累计不超过3分',
    null,
    'occurrence',
    [
      [0, ['0']],
      [2, ['1']],
      [10, ['3']],
    ],
  ],
];

describe('the wordings of issue #12', () => {
  for (const row of WORDINGS) it(row[0], () => check(row));

  it('names the indicator in 扣分原因, in Chinese punctuation', () => {
    const s = scoreRule(parseRule('预算执行率达到100%得满分，每低1个百分点扣0.2分，扣完为止', { max: new Dec(5) }) as never, 0.93);
    assert.ok(!isRuleError(s));
    assert.equal(s.reason, '预算执行率93%，低于100%共7个百分点，每个百分点扣0.2分，扣1.4分');
    const kinds = parseRule('①未按时报送的，每条扣5分；②报送内容有误的，每条扣1分；扣满15分为止');
    assert.ok(!isRuleError(kinds));
    const k = scoreRule(kinds, '1,2');
    assert.ok(!isRuleError(k));
    assert.equal(k.reason, '未按时报送1条，每条扣5分；报送内容有误2条，每条扣1分，共扣7分，得8分');
  });

  it('several kinds with different deductions need a count per kind', () => {
    const rule = parseRule('①未按时报送的，每条扣5分；②报送内容有误的，每条扣1分', { max: new Dec(15) });
    assert.ok(!isRuleError(rule));
    const s = scoreRule(rule, 2);
    assert.ok(isRuleError(s));
    assert.match(s.error, /请按顺序填写各类次数/);
  });

  it('a judgement is manual, never guessed', () => {
    for (const text of ['得分由评价组认定', '得分由考核组确定', '视完成情况扣分', '酌情扣分']) check([text, '5', 'manual', []]);
  });

  it('a bonus scores above nothing but the cap its text sets', () => {
    const rule = parseRule('按项加0.5分，累计不超过3分', { max: new Dec(2) });
    assert.ok(!isRuleError(rule));
    assert.equal(rule.max.toFixed(), '3');
  });
});

describe('one vocabulary table for every shape', () => {
  const steps = COMPARISONS.filter((c) => c.roles.includes('step'));

  it('every step word deducts per percentage point in its direction', () => {
    for (const { word, direction } of steps) {
      if (direction === 'below')
        check([
          `完成率达到100%得满分，每${word}1个百分点扣0.5分`,
          '5',
          'linear',
          [
            [0.96, ['3']],
            [1.02, ['5']],
          ],
        ]);
      if (direction === 'above')
        check([
          `控制率≤100%计5分，每${word}1个百分点扣0.5分`,
          null,
          'linear',
          [
            [1.04, ['3']],
            [0.98, ['5']],
          ],
        ]);
      if (direction === 'either')
        check([
          `实际与计划每${word}1%扣0.5分`,
          '5',
          'linear',
          [
            [0.96, ['3']],
            [1.04, ['3']],
          ],
        ]);
    }
  });

  it('every point unit is a step of a rate', () => {
    for (const unit of POINT_UNITS) check([`以100%为标准，每低于1${unit}扣0.5分`, '5', 'linear', [[0.98, ['4']]]]);
  });

  it('every count unit and verb counts occurrences, with 每 or without', () => {
    for (const unit of COUNT_UNITS) check([`每发现一${unit}扣1分`, '3', 'occurrence', [[2, ['1']]]]);
    for (const verb of OCCURRENCE_VERBS)
      check([
        `每${verb}一项扣1分，扣完为止`,
        '3',
        'occurrence',
        [
          [2, ['1']],
          [4, ['0']],
        ],
      ]);
    for (const verb of BARE_OCCURRENCE_VERBS) check([`${verb}一次问题扣1分`, '3', 'occurrence', [[1, ['2']]]]);
  });

  it('bound words set the band’s side and whether its number belongs to it', () => {
    check([
      '不低于90%得5分；低于90%不得分',
      null,
      'bands',
      [
        [0.9, ['5']],
        [0.8999, ['0']],
      ],
    ]);
    check([
      '大于90%得5分；不高于90%得2分',
      null,
      'bands',
      [
        [0.9, ['2']],
        [0.9001, ['5']],
      ],
    ]);
    check([
      '90%以上得5分；不足90%得1分',
      null,
      'bands',
      [
        [0.9, ['5']],
        [0.89, ['1']],
      ],
    ]);
    check([
      '大于等于90%得5分；小于90%不得分',
      null,
      'bands',
      [
        [0.9, ['5']],
        [0.8999, ['0']],
      ],
    ]);
    check([
      '不大于10%得3分；大于10%不得分',
      null,
      'bands',
      [
        [0.1, ['3']],
        [0.1001, ['0']],
      ],
    ]);
    check([
      '10%以内得3分；超过10%不得分',
      null,
      'bands',
      [
        [0.1, ['3']],
        [0.11, ['0']],
      ],
    ]);
  });

  it('Chinese numerals, full-width and half-width forms read alike', () => {
    assert.deepEqual(['一', '两', '十', '十五', '二十', '二十五', '一百'].map(chineseNumber), [1, 2, 10, 15, 20, 25, 100]);
    assert.equal(normalizeRuleText('每超过一个百分点扣两分，百分之五'), '每超过1个百分点扣2分,5%');
    // Not a count: 一致, 统一, 十三五, and the 百 of 百分点.
    assert.equal(normalizeRuleText('目标一致，统一部署，十三五规划，每低于百分点'), '目标一致,统一部署,十三五规划,每低于百分点');
    check(['以１００％为标准，每低于１个百分点扣０．５分，扣完为止', '5', 'linear', [['96％', ['3']]]]);
  });
});

describe('分值 is asked for only when truly absent', () => {
  it('the text’s own points are used: 计5分, 满分10分, 扣满15分为止', () => {
    check(['执行率≥100%计5分，每低1个百分点扣1分', null, 'linear', [[0.98, ['3']]]]);
    check(['满分10分，每发现一处问题扣2分', null, 'occurrence', [[2, ['6']]]]);
  });

  it('a readable text without points asks for the 分值; an unreadable one says unreadable', () => {
    const short = parseRule('预算执行率达到100%得满分，每低1个百分点扣0.2分，扣完为止');
    assert.ok(isRuleError(short));
    assert.match(short.error, /分值/);
    for (const text of ['工作做得好的得满分', '按照上级要求完成', '按上级文件执行']) {
      const r = parseRule(text);
      assert.ok(isRuleError(r), text);
      assert.match(r.error, /无法识别/, text);
    }
  });
});

describe('a new wording works everywhere the engine serves', () => {
  const text = '在职人员控制率≤100%得满分；每超一个百分点扣0.5分，最多扣3分。';

  it('RUBRIC_SCORE and RUBRIC_REASON', () => {
    assert.equal(rubricScore(text, 1.1, 5), 2);
    assert.equal(rubricReason(text, 1.1, 5), '在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣3分，扣分以3分为限');
  });

  const workbook = (entered: number) =>
    book(
      sheet('自评表', [['人员编制', 30, '实有人数', 33]]),
      sheet('评分表', [
        ['三级指标', '评分标准', '分值', '自评得分', '扣分原因'],
        ['财政供养人员控制率', text, 5, entered, entered < 5 ? '超编' : null],
        ['合计', null, 5, entered],
      ]),
    );

  it('RULE_SCORE_DIFFERS: 5 entered where the rule gives 2', () => {
    const findings = checkWorkbook(workbook(5)).findings.filter((f) => f.code === 'RULE_SCORE_DIFFERS');
    assert.deepEqual(
      findings.map((f) => [f.cell, f.expected, f.actual]),
      [['D2', '2', '5']],
    );
    assert.deepEqual(
      checkWorkbook(workbook(2)).findings.filter((f) => f.code === 'RULE_SCORE_DIFFERS'),
      [],
    );
  });

  it('填写自评得分: 2 with the reason', () => {
    const proposals = proposeScores(workbook(5));
    assert.deepEqual(
      proposals.map((p) => [p.indicator, p.score, p.reason]),
      [['财政供养人员控制率', '2', '在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣3分，扣分以3分为限']],
    );
  });
});
