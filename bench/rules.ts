// RUBRIC_SCORE over 10,000 cells with the seeds' texts, against the same scores from hand-written formulas in
// decimal arithmetic (the arithmetic a clerk's =MAX(0,5-…) formula does, in the number type the product uses), and
// for information against the same formulas in binary floats. Measured in the same run, medians of rounds.
import { Dec, decFromDouble } from '../src/decimal';
import { createRuleEngine } from '../src/rules/engine';
import { isRuleError } from '../src/rules/types';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CELLS = 10_000;

interface Case {
  text: string;
  max?: number;
  decimal: (v: Dec) => Dec;
  float: (v: number) => number;
}

const ZERO = new Dec(0);
const CASES: Case[] = [
  {
    text: '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。',
    decimal: (v) => Dec.max(ZERO, new Dec(5).minus(Dec.max(ZERO, v.minus(1).times(100)).times('0.5'))),
    float: (v) => Math.max(0, 5 - Math.max(0, (v - 1) * 100) * 0.5),
  },
  {
    text: '政府采购执行率等于100%的，得3分；\n每减少一个百分点，扣0.2分，扣完为止。',
    decimal: (v) => Dec.max(ZERO, new Dec(3).minus(Dec.max(ZERO, new Dec(1).minus(v).times(100)).times('0.2'))),
    float: (v) => Math.max(0, 3 - Math.max(0, (1 - v) * 100) * 0.2),
  },
  {
    text: '重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。',
    decimal: (v) => new Dec(v.gte('0.9') ? 5 : v.gte('0.8') ? 4 : v.gte('0.7') ? 3 : v.gte('0.6') ? 2 : 0),
    float: (v) => (v >= 0.9 ? 5 : v >= 0.8 ? 4 : v >= 0.7 ? 3 : v >= 0.6 ? 2 : 0),
  },
  {
    text: '每低于100%一个百分点扣0.1分，扣完为止。',
    max: 3,
    decimal: (v) => Dec.max(ZERO, new Dec(3).minus(Dec.max(ZERO, new Dec(1).minus(v).times(100)).times('0.1'))),
    float: (v) => Math.max(0, 3 - Math.max(0, (1 - v) * 100) * 0.1),
  },
];

// The sheet: 10,000 rows, each a text and a value between 55% and 115%, in two-decimal percentages.
const cells = Array.from({ length: CELLS }, (_, i) => ({ c: CASES[i % CASES.length], value: Math.round(5500 + ((i * 37) % 6000)) / 10000 }));

function time(fn: () => number): { ms: number; checksum: number } {
  const start = performance.now();
  const checksum = fn();
  return { ms: performance.now() - start, checksum };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchRules(): void {
  const engine = createRuleEngine();
  const maxOf = new Map(CASES.map((c) => [c, c.max !== undefined ? new Dec(c.max) : undefined]));
  const viaEngine = () => {
    let sum = 0;
    for (const { c, value } of cells) {
      const s = engine.score(c.text, value, maxOf.get(c));
      if (isRuleError(s) || !s.score) throw new Error('unscored');
      sum += s.score.toNumber();
    }
    return sum;
  };
  const viaDecimal = () => {
    let sum = 0;
    for (const { c, value } of cells) sum += c.decimal(decFromDouble(value)).toNumber();
    return sum;
  };
  const viaFloat = () => {
    let sum = 0;
    for (const { c, value } of cells) sum += c.float(value);
    return sum;
  };
  viaEngine();
  viaDecimal();
  const e: number[] = [];
  const d: number[] = [];
  const f: number[] = [];
  let sums = { e: 0, d: 0, f: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    const a = time(viaEngine);
    const b = time(viaDecimal);
    const c = time(viaFloat);
    e.push(a.ms);
    d.push(b.ms);
    f.push(c.ms);
    sums = { e: a.checksum, d: b.checksum, f: c.checksum };
  }
  if (Math.abs(sums.e - sums.d) > 1e-6) throw new Error(`engine and formulas disagree: ${sums.e} vs ${sums.d}`);
  const perCell = (ms: number) => ((ms * 1000) / CELLS).toFixed(2);
  console.log(
    `RUBRIC_SCORE ${CELLS} cells | engine ${perCell(median(e))} µs/cell | hand-written decimal formula ${perCell(median(d))} µs/cell | ` +
      `ratio ${(median(e) / median(d)).toFixed(2)} (target ≤ 3) | float formula ${perCell(median(f))} µs/cell (information)`,
  );
}
