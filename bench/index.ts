// npm run bench: what checking costs on top of opening the same workbooks with the xlsx library (exceljs), measured
// in the same run. Every file is opened, turned into a grid and checked in turn, each step timed on its own, so that
// machine noise hits all three alike; medians over rounds. Prints ratios, not verdicts.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbook, workbookToGrid } from '../hosts/files/read';
import { createChecker } from '../src/index';
import { benchBatch } from './batch';
import { benchRules } from './rules';

const FIXTURES = 'test/fixtures';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

interface Times {
  open: number;
  grid: number;
  check: number;
}

/** One checker for the run, as a batch would use it: each 评分标准 is parsed once. */
const checker = createChecker();

async function round(files: string[]): Promise<Times> {
  const t: Times = { open: 0, grid: 0, check: 0 };
  for (const file of files) {
    const bytes = readFileSync(file);
    const t0 = performance.now();
    const workbook = await openWorkbook(bytes);
    const t1 = performance.now();
    const grid = workbookToGrid(workbook);
    const t2 = performance.now();
    checker.check(grid);
    const t3 = performance.now();
    t.open += t1 - t0;
    t.grid += t2 - t1;
    t.check += t3 - t2;
  }
  return t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function compare(label: string, files: string[]): Promise<void> {
  await round(files); // warm-up: JIT and module loading
  const rounds: Times[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(files));
  const open = median(rounds.map((r) => r.open));
  const grid = median(rounds.map((r) => r.grid));
  const check = median(rounds.map((r) => r.check));
  const added = (grid + check) / open;
  console.log(
    `${label.padEnd(24)} ${String(files.length).padStart(4)} files | open (exceljs) ${open.toFixed(0).padStart(5)} ms | ` +
      `to grid ${grid.toFixed(0).padStart(4)} ms | check ${check.toFixed(0).padStart(4)} ms | ` +
      `full/open ${(1 + added).toFixed(3)} | checking adds ${(added * 100).toFixed(1)}% (target < 25%)`,
  );
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => join(FIXTURES, f));
console.log(`perf-check bench: median of ${ROUNDS} rounds, node ${process.version}`);
await compare('fixtures (each once)', fixtures);

const dir = mkdtempSync(join(tmpdir(), 'perf-bench-'));
const copies = Array.from({ length: 200 }, (_, i) => {
  const target = join(dir, `copy-${i}.xlsx`);
  copyFileSync(fixtures[i % fixtures.length], target);
  return target;
});
await compare('batch of 200 copies', copies);
rmSync(dir, { recursive: true, force: true });

benchRules();
await benchBatch();
