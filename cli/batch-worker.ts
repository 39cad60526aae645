import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkOne, unreadableRow, type BatchRow } from '../hosts/files/index';
import { readFileChecked, writeAtomically } from './files';

export type { BatchRow };

/** One workbook of a batch: where it is, where its annotated copy goes. */
export interface BatchJob {
  source: string;
  target: string;
  /** Path relative to the input folder, as the summary shows it. */
  file: string;
}

/**
 * Checks one workbook and writes its annotated copy: to a temporary file first, renamed into place when complete,
 * so that an interrupted batch never leaves half a workbook. The original is only read.
 */
export async function processJob(job: BatchJob): Promise<BatchRow> {
  try {
    const { row, annotated } = await checkOne(await readFileChecked(job.source), job.file);
    if (annotated) {
      await mkdir(dirname(job.target), { recursive: true });
      await writeAtomically(job.target, annotated);
    }
    return row;
  } catch (e) {
    return unreadableRow(job.file, e);
  }
}
