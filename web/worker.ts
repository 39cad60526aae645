import { zipSync, type Zippable } from 'fflate';
import {
  AnnotateError,
  CHECKER_STOPPED,
  checkOne,
  checkWorkbookFile,
  fillWorkbook,
  isSpreadsheet,
  sortRows,
  summaryFiles,
  unreadableRow,
  WorkbookReadError,
  type BatchRow,
} from '../hosts/files/index';
import { createChecker, fillTargets, type ProposedScore } from '../src/index';
import type { NamedFile, OneReply, Reply, Request, SingleReply } from './protocol';

/**
 * The page's worker: reads and checks the workbooks, so that the page stays responsive through 300 of them. The same
 * per-file job and summary as `perf-check batch`. The same script serves as the batch's checkers (kind 'one').
 */

const checker = createChecker();
const post = (reply: Reply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);
const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

/** The filled copy, or why there is none. */
async function fill(bytes: Uint8Array, name: string, proposals: ProposedScore[]): Promise<Pick<SingleReply, 'filled' | 'fillError'>> {
  if (!proposals.length) return {};
  try {
    return { filled: (await fillWorkbook(bytes, name, fillTargets(proposals))).bytes };
  } catch (e) {
    return { fillError: e instanceof AnnotateError ? e.message : String(e) };
  }
}

async function single(request: Extract<Request, { kind: 'single' }>): Promise<void> {
  const bytes = await bytesOf(request.input.file);
  const { row, grid, result, annotated } = await checkWorkbookFile(bytes, request.input.path);
  const proposals = grid ? checker.propose(grid) : [];
  const reply: SingleReply = { kind: 'single', row, grid, result, proposals, annotated, ...(await fill(bytes, request.input.file.name, proposals)) };
  post(
    reply,
    [reply.annotated, reply.filled].flatMap((b) => (b ? [b.buffer] : [])),
  );
}

async function one(request: Extract<Request, { kind: 'one' }>): Promise<void> {
  const { row, annotated } = await checkOne(await bytesOf(request.input.file), request.input.path);
  post({ kind: 'one', row, annotated }, annotated ? [annotated.buffer] : []);
}

/** Asks a checker for one workbook; undefined when the checker stopped on it (out of memory). */
function ask(checker: Worker, input: NamedFile): Promise<OneReply | undefined> {
  return new Promise((resolve) => {
    checker.onmessage = (event: MessageEvent<OneReply>) => resolve(event.data);
    checker.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    checker.postMessage({ kind: 'one', input } satisfies Request);
  });
}

/**
 * The batch: the workbooks spread over several checkers, as `perf-check batch` spreads them over threads; a workbook
 * that brings its checker down is listed with the reason and a fresh checker carries on. Then the summary, and one zip.
 */
async function batch(request: Extract<Request, { kind: 'batch' }>): Promise<void> {
  // As `perf-check batch`: what is not a spreadsheet (a .txt, a .pdf, a lock file) is listed, not checked.
  const inputs = request.inputs.filter((i) => isSpreadsheet(i.path.replace(/^.*\//, '')));
  const skipped = request.inputs.filter((i) => !inputs.includes(i)).map((i) => i.path);
  const workerUrl = URL.createObjectURL(new Blob([request.workerSource], { type: 'text/javascript' }));
  const rows: BatchRow[] = [];
  const copies: (Uint8Array | undefined)[] = [];
  let next = 0;
  let done = 0;
  const run = async () => {
    let checker = new Worker(workerUrl);
    try {
      for (let i = next++; i < inputs.length; i = next++) {
        const reply = await ask(checker, inputs[i]);
        if (!reply) {
          checker.terminate();
          checker = new Worker(workerUrl);
        }
        rows[i] = reply?.row ?? unreadableRow(inputs[i].path, new WorkbookReadError(CHECKER_STOPPED));
        copies[i] = reply?.annotated;
        post({ kind: 'progress', done: ++done, total: inputs.length });
      }
    } finally {
      checker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(request.threads, inputs.length)) }, run));
  URL.revokeObjectURL(workerUrl);
  // The copies are zip packages already: stored, not compressed twice.
  const entries: Zippable = {};
  inputs.forEach(({ path }, i) => copies[i] && (entries[rows[i].copy ?? path] = [copies[i], { level: 0 }]));
  for (const { name, bytes } of summaryFiles(rows, new Date())) entries[name] = [bytes, { level: 6 }];
  const zip = zipSync(entries);
  post({ kind: 'batch', rows: sortRows(rows), skipped, zip }, [zip.buffer]);
}

const work = (request: Request) => (request.kind === 'single' ? single(request) : request.kind === 'one' ? one(request) : batch(request));

self.onmessage = (event: MessageEvent<Request>) =>
  void work(event.data).catch((e) => {
    // Rethrown outside the promise, so that the page's onerror hears of it and does not wait for ever.
    setTimeout(() => {
      throw e;
    });
  });
