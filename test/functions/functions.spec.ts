import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildDist } from '../support/build';
import { FunctionError } from '../support/custom-functions';
import { beforeAll, describe, it } from 'vitest';
import vm from 'node:vm';
import { INDICATORS } from '../../src/index';

/** Excel's CustomFunctions runtime, as much of it as the functions use: associations and errors. */
const runtime = () => {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associated,
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: FunctionError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
    },
  };
};

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string; type: string; optional?: boolean }[];
    result: { type: string };
  }[];
}

const EXPECTED: Record<string, string[]> = {
  RUBRIC_SCORE: ['rule', 'value', 'points?'],
  RUBRIC_REASON: ['rule', 'value', 'points?'],
  STAFF_CONTROL_RATE: ['actual', 'quota'],
  THREE_PUBLIC_RATE: ['current', 'previous'],
  THREE_PUBLIC_CONTROL_RATE: ['actual', 'budget'],
  BUDGET_ADJUST_RATE: ['adjustment', 'budget'],
  EXECUTION_RATE: ['executed', 'budget'],
  KEY_SPEND_RATE: ['key', 'total'],
  ASSET_USE_RATE: ['inUse', 'total'],
  PROCUREMENT_RATE: ['actual', 'budget'],
  GRADE: ['total'],
  AMOUNT: ['text'],
};

describe('the built PERF custom functions', () => {
  let metadata: Metadata;
  const { associated, CustomFunctions } = runtime();

  beforeAll(() => {
    buildDist();
    metadata = JSON.parse(readFileSync('dist/functions.json', 'utf8'));
    vm.runInNewContext(readFileSync('dist/functions.js', 'utf8'), { CustomFunctions });
  });

  it('functions.json lists every function with its id, parameters and a Chinese description', () => {
    assert.deepEqual(Object.fromEntries(metadata.functions.map((f) => [f.id, f.parameters.map((p) => p.name + (p.optional ? '?' : ''))])), EXPECTED);
    for (const f of metadata.functions) {
      assert.equal(f.name, f.id);
      assert.match(f.description, /[\u4e00-\u9fff]/, f.id);
      for (const p of f.parameters) assert.match(p.description, /[\u4e00-\u9fff]/, `${f.id}.${p.name}`);
    }
    assert.equal(metadata.functions.find((f) => f.id === 'GRADE')?.result.type, 'string');
    assert.equal(metadata.functions.find((f) => f.id === 'RUBRIC_SCORE')?.result.type, 'number');
  });

  it('each rate function’s help is the formula of its row in the core’s indicator table', () => {
    const rates = metadata.functions.filter((f) => f.id.endsWith('_RATE'));
    assert.equal(rates.length, 8);
    for (const f of rates)
      assert.ok(
        INDICATORS.some((i) => `${i.description}。` === f.description),
        `${f.id}: ${f.description}`,
      );
  });

  it('functions.js associates every id of functions.json', () => {
    assert.deepEqual([...associated.keys()].sort(), Object.keys(EXPECTED).sort());
  });

  it('=PERF.RUBRIC_SCORE / RUBRIC_REASON score the seeds’ texts', () => {
    const score = associated.get('RUBRIC_SCORE')!;
    const reason = associated.get('RUBRIC_REASON')!;
    const staff = '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。';
    assert.equal(score(staff, 1.1), 0);
    assert.equal(score(staff, '104%'), 3);
    assert.equal(reason(staff, 1.1), '在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣5分，扣完为止');
    assert.equal(score('每低于100%一个百分点扣0.1分，扣完为止。', 0.9, 3), 2);
    assert.equal(score('无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。', '无结余'), 3);
  });

  it('the indicator formulas give Excel numbers', () => {
    assert.equal(associated.get('STAFF_CONTROL_RATE')!(20, 20), 1);
    const rate = (id: string, ...args: unknown[]) => (associated.get(id)!(...args) as number).toFixed(6);
    assert.equal(rate('THREE_PUBLIC_CONTROL_RATE', 23.48, 56.7), '0.414109');
    assert.equal(rate('THREE_PUBLIC_RATE', 0.1, 5.41), '-0.981516');
    assert.equal(rate('EXECUTION_RATE', 594.67, 594.67), '1.000000');
    assert.equal(rate('ASSET_USE_RATE', 175.77, 195.77), '0.897839');
    assert.equal(rate('BUDGET_ADJUST_RATE', 200.17, 394.5), '0.507402');
    assert.equal(rate('KEY_SPEND_RATE', 340, 465.19), '0.730884');
    assert.equal(rate('PROCUREMENT_RATE', 7.16, 15.19), '0.471363');
    assert.equal(associated.get('GRADE')!(98), '优');
    assert.equal(associated.get('GRADE')!(89.99), '良');
    assert.equal(associated.get('AMOUNT')!('1,166.19'), 1166.19);
    assert.equal(associated.get('AMOUNT')!('３５．９４万元'), 35.94);
  });

  it('bad arguments give an Excel error with a Chinese message, never a wrong number', () => {
    const expectError = (id: string, args: unknown[], pattern: RegExp) => {
      assert.throws(
        () => associated.get(id)!(...args),
        (e: unknown) => e instanceof FunctionError && e.code === '#VALUE!' && pattern.test(e.message),
        `${id}(${args.join(', ')})`,
      );
    };
    expectError('STAFF_CONTROL_RATE', [20, 0], /编制数为0/);
    expectError('STAFF_CONTROL_RATE', ['二十', 20], /“二十”不是数字/);
    expectError('RUBRIC_SCORE', ['按上级要求执行', 1], /无法识别该评分标准/);
    expectError('RUBRIC_SCORE', ['视匹配情况酌情得0-2分。', 1], /人工评定/);
    expectError('RUBRIC_SCORE', ['每低于100%一个百分点扣0.1分，扣完为止。', 0.9], /分值/);
    expectError('GRADE', [120], /0至100/);
    expectError('AMOUNT', [''], /缺少/);
  });
});
