import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkOne, unreadableRow, type BatchRow } from '../hosts/files/index';
import { fileSystemReason, readFileChecked, writeAtomically } from './files';

export type { BatchRow };

/** One workbook of a batch: where it is, where its annotated copy goes. */
export interface BatchJob {
  source: string;
  target: string;
  /** Path relative to the input folder, as the summary shows it. */
  file: string;
}

/** Output folders this checker has made: one mkdir per folder, not per workbook. */
const folders = new Set<string>();

/**
 * Checks one workbook and writes its annotated copy: to a temporary file first, renamed into place when complete,
 * so that an interrupted batch never leaves half a workbook. The original is only read.
 */
export async function processJob(job: BatchJob): Promise<BatchRow> {
  try {
    const { row, annotated } = await checkOne(readFileChecked(job.source), job.file);
    if (annotated) {
      // An .xls, .et or .ods gets an .xlsx copy where its own copy would be.
      const target = join(dirname(job.target), basename(row.copy ?? job.file));
      if (!folders.has(dirname(target))) {
        mkdirSync(dirname(target), { recursive: true });
        folders.add(dirname(target));
      }
      writeAtomically(target, annotated);
    }
    return row;
  } catch (e) {
    // Reading failures are WorkbookReadErrors already: a system error here is writing the copy.
    if (typeof (e as { code?: unknown })?.code === 'string') return unreadableRow(job.file, fileSystemReason(e, dirname(job.target)));
    return unreadableRow(job.file, e);
  }
}
