import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { CHECKER_STOPPED, isSpreadsheet } from '../hosts/files/index';
import type { BatchJob, BatchRow } from './batch-worker';
import { MEMORY_LIMIT_MB } from '../hosts/files/limits';
import { CHECKER_ARG, CHECKER_READY, tempSuffix, writeAtomically } from './files';
import { cliMessages as say, fileMessages } from '../src/index';

/**
 * perf-check batch: every workbook of a folder checked on all cores, an annotated copy of each in the output folder
 * (same relative path), and the summary. Originals are only read. Ctrl-C leaves no half-written file, and a second
 * run redoes only the workbooks changed since (--force redoes all).
 */

export interface BatchOptions {
  input: string;
  out: string;
  jobs?: number;
  force?: boolean;
  /** Where progress goes: a terminal gets a bar, anything else plain lines. */
  progress?: NodeJS.WriteStream;
  /** The checkers' limits (batchLimits: the defaults, or the environment's). */
  limits?: BatchLimits;
}

export interface BatchResult {
  rows: BatchRow[];
  processed: number;
  skipped: number;
  summary: string[];
  interrupted: boolean;
  /** Files that are not spreadsheets (texts, documents, Office lock files): listed, not checked, not counted as unreadable. */
  notSpreadsheets: string[];
}

/** Bumped when the checker's findings change meaning: cached results of older versions are redone. */
const CACHE_VERSION = 2;
const CACHE_DIR = '.perf-check';

interface CacheEntry {
  size: number;
  mtimeMs: number;
  row: BatchRow;
}

export class BatchInputError extends Error {}

/** Every file under the folder but hidden ones and the output folder itself. */
async function listFiles(dir: string, skip: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.') || resolve(path) === skip) continue;
    if (entry.isDirectory()) out.push(...(await listFiles(path, skip)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

async function removeTemps(dir: string, marker: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await removeTemps(path, marker);
    else if (entry.name.includes(marker)) await unlink(path).catch(() => undefined);
  }
}

/** Files checked before the first time-left estimate. */
const ESTIMATE_AFTER = 5;

/** Without a terminal (a log file), a progress line at most this often. */
const LOG_LINE_MS = 2000;

class Progress {
  private readonly start = Date.now();
  private lastLine = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream | undefined,
  ) {}

  update(done: number): void {
    if (!this.stream || !this.total) return;
    const seconds = (Date.now() - this.start) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    // The first files include starting the checkers: a time-left estimate waits for a few.
    const settled = done >= Math.min(ESTIMATE_AFTER, this.total);
    const left = settled ? say.secondsLeft(Math.ceil((this.total - done) / rate)) : say.estimating();
    const figures = say.progressFigures(done, this.total, rate.toFixed(1), left);
    if (this.stream.isTTY) {
      const width = 24;
      const filled = Math.round((done / this.total) * width);
      this.stream.write(`\r${say.progressBar('█'.repeat(filled) + '░'.repeat(width - filled), figures)}  `);
      if (done === this.total) this.stream.write('\n');
    } else if (done === this.total || Date.now() - this.lastLine > LOG_LINE_MS) {
      this.lastLine = Date.now();
      this.stream.write(say.progressLine(figures) + '\n');
    }
  }
}

/** Workbooks handed to a checker at a time: the one it checks and the next. */
const IN_FLIGHT = 2;

/** How long an interrupted batch waits for its checkers to finish the workbooks they hold. */
const INTERRUPT_GRACE_MS = 2_000;

/**
 * What a checker may spend on one workbook before it is stopped and the workbook listed as not checked: time
 * (reading, checking and writing its copy) and memory. A slow PC may need more time, a PC with little memory running
 * many checkers less memory; the tests lower both to reach those paths in a second.
 */
export interface BatchLimits {
  workbookTimeoutMs: number;
  checkerMemoryMb: number;
}

const DEFAULT_LIMITS: BatchLimits = { workbookTimeoutMs: 60_000, checkerMemoryMb: MEMORY_LIMIT_MB };

/** Each limit's environment variable and accepted range. */
const LIMIT_VARIABLES = {
  workbookTimeoutMs: { variable: 'PERF_CHECK_WORKBOOK_TIMEOUT_MS', min: 100, max: 3_600_000, unit: 'ms' },
  checkerMemoryMb: { variable: 'PERF_CHECK_CHECKER_MEMORY_MB', min: 32, max: 16_384, unit: 'MB' },
} as const;

/** The limits from the environment (a variable unset or empty keeps its default), or the Chinese refusal of a bad value. */
export function batchLimits(env: NodeJS.ProcessEnv): BatchLimits | string {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_VARIABLES) as (keyof BatchLimits)[]) {
    const { variable, min, max, unit } = LIMIT_VARIABLES[key];
    const text = env[variable]?.trim();
    if (!text) continue;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) return say.badLimit(variable, text, min, max, unit);
    limits[key] = Number(text);
  }
  return limits;
}

/**
 * A checker is a process of its own (this script, see main.ts), not a worker thread: a thread's memory limit is only
 * best effort, and a thread that reaches it can abort the whole run (nodejs/node#47224). A process that runs out of
 * memory ends alone; what escapes the reader's limits takes down its checker, never the run or the PC.
 */
const checkerProcess = (memoryMb: number) =>
  fork(__filename, [CHECKER_ARG, String(process.pid)], {
    execArgv: [`--max-old-space-size=${memoryMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const input = resolve(options.input);
  const out = resolve(options.out);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const info = await stat(input).catch(() => undefined);
  if (!info?.isDirectory()) throw new BatchInputError(say.noInputFolder(options.input));
  if (out === input || input.startsWith(out + sep)) throw new BatchInputError(say.outInsideInput());
  await mkdir(join(out, CACHE_DIR), { recursive: true });
  const cachePath = join(out, CACHE_DIR, 'results.json');
  const cache: { version: number; entries: Record<string, CacheEntry> } = await readFile(cachePath, 'utf8')
    .then((t) => JSON.parse(t) as typeof cache)
    .catch(() => ({ version: CACHE_VERSION, entries: {} }));
  if (cache.version !== CACHE_VERSION) cache.entries = {};

  const listed = await listFiles(input, out);
  const files = listed.filter((f) => isSpreadsheet(basename(f)));
  const notSpreadsheets = listed.filter((f) => !isSpreadsheet(basename(f))).map((f) => relative(input, f).split(sep).join('/'));
  const rows = new Map<string, BatchRow>();
  const todo: (BatchJob & { size: number; mtimeMs: number })[] = [];
  const sourceStats = await Promise.all(files.map((source) => stat(source)));
  for (const [i, source] of files.entries()) {
    const file = relative(input, source).split(sep).join('/');
    const target = join(out, file);
    const { size, mtimeMs } = sourceStats[i];
    const cached = cache.entries[file];
    const upToDate =
      cached &&
      cached.size === size &&
      cached.mtimeMs === mtimeMs &&
      (cached.row.status === 'unreadable' || existsSync(join(out, cached.row.copy ?? file)));
    if (upToDate && !options.force) rows.set(file, cached.row);
    else todo.push({ source, target, file, size, mtimeMs });
  }

  const progress = new Progress(todo.length, options.progress);
  const workers = Math.max(1, Math.min(options.jobs ?? availableParallelism(), todo.length));
  let interrupted = false;
  let done = 0;
  const pool: ChildProcess[] = [];
  // Ctrl-C (which the checkers ignore): no file is handed out any more; each checker finishes the ones it holds
  // (milliseconds), so that they are kept, and is stopped idle. One still busy after INTERRUPT_GRACE_MS is stopped where it is.
  let grace: NodeJS.Timeout | undefined;
  const onSigint = () => {
    interrupted = true;
    grace = setTimeout(() => pool.forEach((w) => w.kill()), INTERRUPT_GRACE_MS);
  };
  process.once('SIGINT', onSigint);
  // The summary's spreadsheet writer is loaded here, not in the checkers, while they start.
  const summaryWriter = import('./summary');
  const queue = [...todo];
  const record = (job: (typeof todo)[number], row: BatchRow) => {
    rows.set(job.file, row);
    progress.update(++done);
  };
  /**
   * One checker working through the queue. It holds up to IN_FLIGHT workbooks, so that it starts the next one as it
   * sends a row, without waiting for this process to answer. The time limit runs for the workbook it is on.
   */
  const checker = () =>
    new Promise<void>((finished) => {
      let worker: ChildProcess;
      let held: typeof todo = [];
      let timer: NodeJS.Timeout | undefined;
      /** The workbook the checker was stopped on for taking too long. */
      let timedOutOn: (typeof todo)[number] | undefined;
      const clock = () => {
        clearTimeout(timer);
        // The reader refuses a workbook beyond its limits; this is the guard for anything that still runs away.
        if (held.length)
          timer = setTimeout(() => {
            timedOutOn = held[0];
            worker.kill();
          }, limits.workbookTimeoutMs);
      };
      const feed = () => {
        while (!interrupted && held.length < IN_FLIGHT && queue.length) {
          const job = queue.shift()!;
          held.push(job);
          worker.send({ source: job.source, target: job.target, file: job.file } satisfies BatchJob);
        }
        if (!held.length) worker.kill();
      };
      const start = () => {
        const current = checkerProcess(limits.checkerMemoryMb);
        worker = current;
        pool.push(current);
        timedOutOn = undefined;
        current.on('message', (row: BatchRow | typeof CHECKER_READY) => {
          // The time limit runs from when the checker is ready: starting it is not the workbook's time.
          if (row === CHECKER_READY) return clock();
          // After Ctrl-C too: the workbook a checker finished is kept (its copy is written).
          const job = held.shift()!;
          record(job, row);
          cache.entries[job.file] = { size: job.size, mtimeMs: job.mtimeMs, row };
          // A checker being stopped gets no more: the row came as the time limit ran out.
          if (timedOutOn) return;
          clock();
          feed();
        });
        // 'close', not 'exit': it comes after the last row the checker sent, which is then never taken for lost.
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          clearTimeout(timer);
          const [stoppedOn, ...waiting] = held;
          held = [];
          if (!stoppedOn || interrupted) return finished();
          if (timedOutOn && timedOutOn !== stoppedOn) {
            // The workbook that ran out of time was finished after all: the next one never had its time, and is redone.
            queue.unshift(stoppedOn, ...waiting);
          } else {
            // A workbook that brings its checker down (out of memory) is reported; a fresh checker takes the others over.
            record(stoppedOn, {
              file: stoppedOn.file,
              status: 'unreadable',
              reason: timedOutOn ? fileMessages.checkTooLong(limits.workbookTimeoutMs / 1000) : CHECKER_STOPPED,
              errors: 0,
              warnings: 0,
              infos: 0,
              byCode: {},
            });
            queue.unshift(...waiting);
          }
          if (!queue.length) return finished();
          start();
          feed();
        };
        current.once('close', end);
        // A checker that could not be started has no 'close' to wait for; any other error ends in 'close'.
        current.on('error', () => void (current.pid === undefined && end()));
      };
      start();
      feed();
    });
  try {
    await Promise.all(Array.from({ length: todo.length ? workers : 0 }, checker));
  } finally {
    clearTimeout(grace);
    process.off('SIGINT', onSigint);
    await removeTemps(out, tempSuffix(process.pid));
    writeAtomically(cachePath, JSON.stringify(cache));
  }
  const all = files.map((f) => rows.get(relative(input, f).split(sep).join('/'))).filter((r): r is BatchRow => !!r);
  const summary = interrupted ? [] : (await summaryWriter).writeSummary(all, out);
  return { rows: all, processed: done, skipped: files.length - todo.length, summary, interrupted, notSpreadsheets };
}
