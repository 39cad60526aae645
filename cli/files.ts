import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { basename, dirname, join } from 'node:path';
import { readWorkbookBytes, WorkbookReadError, type ReadWorkbook } from '../hosts/files/read';

const MAX_BYTES = 200 * 1024 * 1024;

/** What every temporary file of this process carries in its name, so that an interrupted run can find and remove them. */
export const tempSuffix = (pid: number) => `.perf-check-tmp-${pid}-`;

/**
 * Writes beside the final name and renames into place: a reader (or an interrupted run) never sees half a file. The
 * temporary name is unique per process and worker thread.
 */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}${tempSuffix(process.pid)}${threadId}`;
  await writeFile(temp, data);
  await rename(temp, path);
}

export async function readWorkbookFile(path: string): Promise<ReadWorkbook> {
  return readWorkbookBytes(await readFileChecked(path), basename(path));
}

/** The bytes of a file that may be a workbook; a folder, a missing or a huge file is refused in Chinese. */
export async function readFileChecked(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new WorkbookReadError(`“${path}”是一个文件夹，不是工作簿文件。要检查整个文件夹，请用：perf-check batch "${path}" --out 审核结果`);
    size = info.size;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(`找不到文件“${path}”，请检查路径和文件名。`);
  }
  if (size > MAX_BYTES) throw new WorkbookReadError(`文件有 ${Math.round(size / 1048576)} MB，超过了 200 MB 的上限，不像是绩效自评工作簿。请删去无关的内容后另存再检查。`);
  return readFile(path);
}

/**
 * File arguments with their wildcards expanded: a shell on Windows (cmd, PowerShell) passes `收件\*.xls*` as it is.
 * Only the last part of a path may hold * or ?; a pattern nothing matches stays as written (and is then not found).
 */
export async function expandWildcards(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const name = basename(arg);
    if (!/[*?]/.test(name) || (await stat(arg).then(() => true, () => false))) {
      out.push(arg);
      continue;
    }
    const pattern = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    const dir = dirname(arg);
    const matches = (await readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.isFile() && pattern.test(e.name))
      .map((e) => (dir === '.' && !arg.startsWith('.') ? e.name : join(dir, e.name)))
      .sort();
    out.push(...(matches.length ? matches : [arg]));
  }
  return out;
}
