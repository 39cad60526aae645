import { join } from 'node:path';
import { summaryFiles } from '../hosts/files/index';
import type { BatchRow } from './batch-worker';
import { writeAtomically } from './files';

/** The reviewers' summary written into the output folder: 汇总.xlsx, 汇总.csv and 汇总.html. */
export async function writeSummary(rows: BatchRow[], outDir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const { name, bytes } of summaryFiles(rows, new Date())) {
    paths.push(join(outDir, name));
    writeAtomically(paths[paths.length - 1], bytes);
  }
  return paths;
}
