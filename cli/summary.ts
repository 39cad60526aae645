import { join } from 'node:path';
import { summaryFiles } from '../hosts/files/index';
import type { BatchRow } from './batch-worker';
import { writeAtomically } from './files';

/** The reviewers' summary written into the output folder: 汇总.xlsx, 汇总.csv and 汇总.html. */
export function writeSummary(rows: BatchRow[], outDir: string): string[] {
  return summaryFiles(rows, new Date()).map(({ name, bytes }) => {
    const path = join(outDir, name);
    writeAtomically(path, bytes);
    return path;
  });
}
