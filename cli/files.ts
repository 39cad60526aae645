import { rename, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';

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
