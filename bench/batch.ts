// The reviewers' batch run over 1,000 fixture-sized workbooks (checked, annotated copies and the summary written): all
// cores against one, and against merely opening the same files with exceljs in one thread, measured in the same run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const COUNT = Number(process.env.BENCH_BATCH ?? 1000);

function timed(label: string, run: () => void): number {
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`  ${label.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s  ${(COUNT / seconds).toFixed(1).padStart(6)} workbooks/s`);
  return seconds;
}

export async function benchBatch(): Promise<void> {
  const fixtures = readdirSync('test/fixtures')
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join('test/fixtures', f));
  const root = mkdtempSync(join(tmpdir(), 'perf-batch-bench-'));
  const inbox = join(root, 'in');
  spawnSync('mkdir', ['-p', inbox]);
  for (let i = 0; i < COUNT; i++) copyFileSync(fixtures[i % fixtures.length], join(inbox, `${String(i).padStart(4, '0')}.xlsx`));
  const cores = availableParallelism();
  console.log(`batch of ${COUNT} workbooks, ${cores} cores`);
  const batch = (jobs: number) => () => {
    const r = spawnSync(
      process.execPath,
      ['bin/perf-check.js', 'batch', inbox, '--out', join(root, `out-${jobs}`), '--jobs', String(jobs), '--force'],
      { encoding: 'utf8' },
    );
    if (r.status !== 1 && r.status !== 0) throw new Error(r.stderr);
  };
  const one = timed('perf-check batch --jobs 1', batch(1));
  const all = timed(`perf-check batch --jobs ${cores}`, batch(cores));
  const start = performance.now();
  for (const f of readdirSync(inbox)) await new ExcelJS.Workbook().xlsx.load(readFileSync(join(inbox, f)) as unknown as ArrayBuffer);
  const open = (performance.now() - start) / 1000;
  console.log(
    `  ${'exceljs open only, one thread'.padEnd(40)} ${open.toFixed(1).padStart(6)} s  ${(COUNT / open).toFixed(1).padStart(6)} workbooks/s`,
  );
  console.log(
    `  all cores vs one core: ${(one / all).toFixed(2)}x faster | one core vs opening only: ${(one / open).toFixed(2)}x the time | ` +
      `${COUNT} workbooks on all cores in ${all.toFixed(1)} s (target < 60 s on 2 cores)`,
  );
  console.log(`  batch on all cores / exceljs opening them in one process = ${(all / open).toFixed(3)} (target <= 1.0)`);
  rmSync(root, { recursive: true, force: true });
}
