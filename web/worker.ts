import { zipSync, type Zippable } from 'fflate';
import { AnnotateError, checkOne, checkWorkbookFile, fillXlsx, sortRows, summaryFiles, type BatchRow } from '../hosts/files/index';
import { createChecker, fillTargets, type ProposedScore } from '../src/index';
import type { Reply, Request, SingleReply } from './protocol';

/**
 * The page's worker: reads and checks the workbooks, so that the page stays responsive through 300 of them. The same
 * per-file job and summary as `perf-check batch`.
 */

const checker = createChecker();
const post = (reply: Reply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);
const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

/** The filled copy, or why there is none. */
function fill(bytes: Uint8Array, proposals: ProposedScore[]): Pick<SingleReply, 'filled' | 'fillError'> {
  if (!proposals.length) return {};
  try {
    return { filled: fillXlsx(bytes, fillTargets(proposals)) };
  } catch (e) {
    return { fillError: e instanceof AnnotateError ? e.message : String(e) };
  }
}

async function single(request: Extract<Request, { kind: 'single' }>): Promise<void> {
  const bytes = await bytesOf(request.input.file);
  const { row, grid, result, annotated } = await checkWorkbookFile(bytes, request.input.path);
  const proposals = grid ? checker.propose(grid) : [];
  const reply: SingleReply = { kind: 'single', row, grid, result, proposals, annotated, ...fill(bytes, proposals) };
  post(reply, [reply.annotated, reply.filled].flatMap((b) => (b ? [b.buffer] : [])));
}

async function batch(request: Extract<Request, { kind: 'batch' }>): Promise<void> {
  const rows: BatchRow[] = [];
  // The copies are zip packages already: stored, not compressed twice.
  const entries: Zippable = {};
  const total = request.inputs.length;
  for (const [i, { file, path }] of request.inputs.entries()) {
    const { row, annotated } = await checkOne(await bytesOf(file), path);
    rows.push(row);
    if (annotated) entries[path] = [annotated, { level: 0 }];
    post({ kind: 'progress', done: i + 1, total });
  }
  for (const { name, bytes } of summaryFiles(rows, new Date())) entries[name] = [bytes, { level: 6 }];
  const zip = zipSync(entries);
  post({ kind: 'batch', rows: sortRows(rows), zip }, [zip.buffer]);
}

self.onmessage = (event: MessageEvent<Request>) =>
  void (event.data.kind === 'single' ? single(event.data) : batch(event.data)).catch((e) => {
    // Rethrown outside the promise, so that the page's onerror hears of it and does not wait for ever.
    setTimeout(() => {
      throw e;
    });
  });
