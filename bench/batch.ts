// The reviewers' batch run over 1,000 fixture-sized workbooks (checked, annotated copies and the summary written): all
// cores against one, and against merely opening the same files with exceljs in one process, measured in the same run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const COUNT = Number(process.env.BENCH_BATCH ?? 1000);
const ROUNDS = Number(process.env.BENCH_BATCH_ROUNDS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(label: string, run: () => void): number {
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`  ${label.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s  ${(COUNT / seconds).toFixed(1).padStart(6)} workbooks/s`);
  return seconds;
}

export interface BatchFigures {
  count: number;
  cores: number;
  /** perf-check batch on all cores. */
  seconds: number;
  /** exceljs opening the same files in one process. */
  exceljsSeconds: number;
  ratio: number;
}

export async function benchBatch(): Promise<BatchFigures> {
  const fixtures = readdirSync('test/fixtures')
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join('test/fixtures', f));
  const root = mkdtempSync(join(tmpdir(), 'perf-batch-bench-'));
  const inbox = join(root, 'in');
  spawnSync('mkdir', ['-p', inbox]);
  for (let i = 0; i < COUNT; i++) copyFileSync(fixtures[i % fixtures.length], join(inbox, `${String(i).padStart(4, '0')}.xlsx`));
  const cores = availableParallelism();
  console.log(`batch of ${COUNT} workbooks, ${cores} cores`);
  let runs = 0;
  // Each run into a new folder: replacing a thousand copies is not what a first run costs.
  const batch = (jobs: number) => () => {
    const r = spawnSync(process.execPath, ['bin/perf-check.js', 'batch', inbox, '--out', join(root, `out-${++runs}`), '--jobs', String(jobs)], {
      encoding: 'utf8',
    });
    if (r.status !== 1 && r.status !== 0) throw new Error(r.stderr);
  };
  // The batch is a process from start to end (node starting, modules loading, each checker process warming up): so is
  // the baseline, a node process that opens the same files with exceljs, one after the other. The two alternate, in
  // rounds, so that a machine shared with other work slows both alike; medians.
  const opener = `const { readdirSync, readFileSync } = require('node:fs'); const ExcelJS = require('exceljs');
    (async () => { for (const f of readdirSync(${JSON.stringify(inbox)}).sort())
      await new ExcelJS.Workbook().xlsx.load(readFileSync(require('node:path').join(${JSON.stringify(inbox)}, f))); })();`;
  const openAll = () => {
    const r = spawnSync(process.execPath, ['-e', opener], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const one = timed('perf-check batch --jobs 1', batch(1));
  const alls: number[] = [];
  const opens: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    alls.push(timed(`perf-check batch --jobs ${cores}`, batch(cores)));
    opens.push(timed('exceljs opening them, one process', openAll));
  }
  const all = median(alls);
  const open = median(opens);
  const start = performance.now();
  for (const f of readdirSync(inbox)) await new ExcelJS.Workbook().xlsx.load(readFileSync(join(inbox, f)) as unknown as ArrayBuffer);
  const warm = (performance.now() - start) / 1000;
  console.log(
    `  ${'(exceljs opening them in this warm process'.padEnd(40)} ${warm.toFixed(1).padStart(6)} s  ${(COUNT / warm).toFixed(1).padStart(6)} workbooks/s: information)`,
  );
  console.log(
    `  all cores vs one core: ${(one / all).toFixed(2)}x faster | one core vs opening only: ${(one / open).toFixed(2)}x the time | ` +
      `${COUNT} workbooks on all cores in ${all.toFixed(1)} s (target < 60 s on 2 cores)`,
  );
  console.log(
    `  batch on all cores / exceljs opening them in one process = ${(all / open).toFixed(3)} (target <= 1.0; medians of ${ROUNDS} alternating rounds)`,
  );
  rmSync(root, { recursive: true, force: true });
  return { count: COUNT, cores, seconds: all, exceljsSeconds: open, ratio: all / open };
}
