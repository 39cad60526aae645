// npm run bench: what checking a workbook costs, reading included, against merely opening the same workbook with
// exceljs (the library the CLI read with before), measured in the same run. Every file is opened by exceljs, read by
// the files host and checked in turn, each step timed on its own, so that machine noise hits all three alike;
// medians over rounds. Then the batch on all cores, the rule engine and the offline page. Prints ratios, not verdicts;
// the last lines sum up the figures issues 13 and 15 ask for.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { nodeZipCodec } from '../cli/zip-codec';
import { readWorkbookBytes } from '../hosts/files/read';
import { useZipCodec } from '../hosts/files/zip';
import { createChecker } from '../src/index';
import { benchBatch } from './batch';
import { benchPage } from './page';
import { benchRules } from './rules';

// As perf-check reads: with Node's zlib.
useZipCodec(nodeZipCodec);

const FIXTURES = 'test/fixtures';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

interface Times {
  exceljs: number;
  read: number;
  check: number;
}

/** One checker for the run, as a batch would use it: each 评分标准 is parsed once. */
const checker = createChecker();

async function round(files: Uint8Array[]): Promise<Times> {
  const t: Times = { exceljs: 0, read: 0, check: 0 };
  for (const bytes of files) {
    const t0 = performance.now();
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    const t1 = performance.now();
    const grid = await readWorkbookBytes(bytes);
    const t2 = performance.now();
    checker.check(grid);
    const t3 = performance.now();
    t.exceljs += t1 - t0;
    t.read += t2 - t1;
    t.check += t3 - t2;
  }
  return t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Compared {
  exceljs: number;
  read: number;
  check: number;
  ratio: number;
}

async function compare(label: string, files: Uint8Array[], rounds = ROUNDS): Promise<Compared> {
  await round(files); // warm-up: JIT and module loading
  const times: Times[] = [];
  for (let i = 0; i < rounds; i++) times.push(await round(files));
  const exceljs = median(times.map((r) => r.exceljs));
  const read = median(times.map((r) => r.read));
  const check = median(times.map((r) => r.check));
  console.log(
    `${label.padEnd(24)} ${String(files.length).padStart(4)} files | exceljs open only ${exceljs.toFixed(1).padStart(7)} ms | ` +
      `read ${read.toFixed(1).padStart(6)} ms + check ${check.toFixed(1).padStart(6)} ms | ` +
      `check incl. reading / exceljs open = ${((read + check) / exceljs).toFixed(3)} (target <= 1.0)`,
  );
  return { exceljs, read, check, ratio: (read + check) / exceljs };
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => join(FIXTURES, f));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`perf-check bench: median of ${ROUNDS} rounds, node ${process.version}, load average ${load()}`);
const fixtureSized = await compare(
  'fixtures (each once)',
  fixtures.map((f) => readFileSync(f)),
);

const dir = mkdtempSync(join(tmpdir(), 'perf-bench-'));
const copies = Array.from({ length: 200 }, (_, i) => {
  const target = join(dir, `copy-${i}.xlsx`);
  copyFileSync(fixtures[i % fixtures.length], target);
  return target;
});
await compare(
  'batch of 200 copies',
  copies.map((f) => readFileSync(f)),
);

// A 100,000-row ledger sheet beside the 评分表: the reader's cost grows with the cells, not worse.
const big = new ExcelJS.Workbook();
await big.xlsx.readFile(join(FIXTURES, 'kunming-dongchuan-2020.xlsx'));
const ledger = big.addWorksheet('明细');
for (let r = 1; r <= 100_000; r++) ledger.addRow([`凭证${r}`, r % 97, '办公费']);
const ledger100k = await compare('100,000-row sheet', [new Uint8Array(await big.xlsx.writeBuffer())], 3);
rmSync(dir, { recursive: true, force: true });

benchRules();
const batch = await benchBatch();
const page = await benchPage();

console.log(`\nSummary (load average at the end ${load()}; the machine may be shared: ratios are measured in the same run)`);
console.log(
  `  issue 13 (a) checking a fixture-sized workbook, reading included / exceljs merely opening it = ${fixtureSized.ratio.toFixed(3)} (target <= 1.0)`,
);
console.log(
  `  issue 13 (b) a batch of ${batch.count.toLocaleString('en-US')} workbooks on ${batch.cores} cores / opening them with exceljs in one process = ${batch.ratio.toFixed(3)} (target <= 1.0; ${batch.seconds.toFixed(1)} s vs ${batch.exceljsSeconds.toFixed(1)} s)`,
);
console.log(
  `  issue 13 100,000-row sheet: read ${ledger100k.read.toFixed(0)} ms + check ${ledger100k.check.toFixed(0)} ms = ${(ledger100k.read + ledger100k.check).toFixed(0)} ms (exceljs open ${ledger100k.exceljs.toFixed(0)} ms; ratio ${ledger100k.ratio.toFixed(3)})`,
);
console.log(
  `  issue 15 网页版 size ${page.kilobytes.toFixed(0)} KB; 300 fixture workbooks in the page: ${page.seconds === undefined ? 'skipped (no Chromium)' : `${page.seconds.toFixed(1)} s`}`,
);
