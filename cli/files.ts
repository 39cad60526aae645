import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readWorkbookBytes, WorkbookReadError, type ReadWorkbook } from '../hosts/files/read';
import { cliMessages as say } from '../src/index';

const MB = 1024 * 1024;
const MAX_BYTES = 200 * MB;

/** What every temporary file of a run carries in its name, so that an interrupted run can find and remove them. */
export const tempSuffix = (pid: number) => `.perf-check-tmp-${pid}-`;

/** A batch's checker process is started as `perf-check <CHECKER_ARG> <the run's process id>` (see batch.ts). */
export const CHECKER_ARG = '--batch-checker';
/** What a checker process sends first, once it can take workbooks. */
export const CHECKER_READY = 'ready';
/** The run this process writes for: its own, or the batch's that started it as a checker. */
const runPid = process.argv[2] === CHECKER_ARG && process.send ? Number(process.argv[3]) : process.pid;

/**
 * Writes beside the final name and renames into place: a reader (or an interrupted run) never sees half a file. The
 * temporary name is unique per run and process. Synchronous, like the reading below: a checker has
 * nothing else to do meanwhile, and each asynchronous call would cost it a round trip through libuv's thread pool.
 */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  const temp = `${path}${tempSuffix(runPid)}${process.pid}`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** What a failed file-system call means for the reviewer, in Chinese (never the system's English text). */
export function fileSystemReason(e: unknown, path: string): string {
  const code = (e as { code?: string } | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return say.noPermission(path);
  if (code === 'ENOSPC') return say.diskFull(path);
  if (code === 'EBUSY') return say.fileBusy(path);
  if (code === 'ENOTDIR' || code === 'EEXIST') return say.fileInPath(path);
  if (code === 'ENOENT') return say.pathNotFound(path);
  return say.fileSystemFailed(path);
}

export async function readWorkbookFile(path: string): Promise<ReadWorkbook> {
  return readWorkbookBytes(readFileChecked(path), basename(path));
}

/** The bytes of a file that may be a workbook; a folder, a missing or a huge file is refused in Chinese. */
export function readFileChecked(path: string): Buffer {
  let size: number;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new WorkbookReadError(say.isFolder(path));
    size = info.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(say.fileNotFound(path));
  }
  if (size > MAX_BYTES) throw new WorkbookReadError(say.fileTooLarge(Math.round(size / MB), MAX_BYTES / MB));
  try {
    return readFileSync(path);
  } catch (e) {
    throw new WorkbookReadError(fileSystemReason(e, path));
  }
}

/**
 * File arguments with their wildcards expanded: a shell on Windows (cmd, PowerShell) passes `收件\*.xls*` as it is.
 * Only the last part of a path may hold * or ?; a pattern nothing matches stays as written (and is then not found).
 */
export async function expandWildcards(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const name = basename(arg);
    if (
      !/[*?]/.test(name) ||
      (await stat(arg).then(
        () => true,
        () => false,
      ))
    ) {
      out.push(arg);
      continue;
    }
    const pattern = new RegExp(
      `^${name
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    const dir = dirname(arg);
    const matches = (await readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.isFile() && pattern.test(e.name))
      .map((e) => (dir === '.' && !arg.startsWith('.') ? e.name : join(dir, e.name)))
      .sort();
    out.push(...(matches.length ? matches : [arg]));
  }
  return out;
}
