import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createChecker, type Finding, type FindingCode } from '../src/index';
import { AnnotateError, annotateXlsx, readWorkbookBytes, WorkbookReadError } from '../hosts/files/index';
import { readFileChecked, writeAtomically } from './files';

/** One workbook of a batch: where it is, where its annotated copy goes. */
export interface BatchJob {
  source: string;
  target: string;
  /** Path relative to the input folder, as the summary shows it. */
  file: string;
}

/** One line of the reviewers' summary. */
export interface BatchRow {
  file: string;
  status: 'checked' | 'unreadable';
  /** Why a file could not be read, in Chinese. */
  reason?: string;
  department?: string;
  year?: number;
  totalEntered?: string;
  totalComputed?: string;
  errors: number;
  warnings: number;
  infos: number;
  byCode: Partial<Record<FindingCode, number>>;
  /** The worst finding in words, with its cell. */
  firstProblem?: string;
}

const checker = createChecker();

/** The prefix of the temporary files a process writes: what an interrupted run cleans up. */

function describe(findings: Finding[]): Pick<BatchRow, 'errors' | 'warnings' | 'infos' | 'byCode' | 'firstProblem'> {
  const byCode: BatchRow['byCode'] = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  const worst = findings[0];
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    byCode,
    ...(worst ? { firstProblem: `${worst.sheet}!${worst.cell}：${worst.message}` } : {}),
  };
}

/**
 * Checks one workbook and writes its annotated copy: to a temporary file first, renamed into place when complete,
 * so that an interrupted batch never leaves half a workbook. The original is only read.
 */
export async function processJob(job: BatchJob): Promise<BatchRow> {
  const unreadable = (reason: string): BatchRow => ({ file: job.file, status: 'unreadable', reason, errors: 0, warnings: 0, infos: 0, byCode: {} });
  try {
    const bytes = await readFileChecked(job.source);
    const result = checker.check(await readWorkbookBytes(bytes));
    const annotated = annotateXlsx(bytes, result.findings);
    await mkdir(dirname(job.target), { recursive: true });
    await writeAtomically(job.target, annotated);
    return {
      file: job.file,
      status: 'checked',
      ...(result.department ? { department: result.department } : {}),
      ...(result.year ? { year: result.year } : {}),
      ...(result.totals?.entered ? { totalEntered: result.totals.entered } : {}),
      ...(result.totals?.computed ? { totalComputed: result.totals.computed } : {}),
      ...describe(result.findings),
    };
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof AnnotateError) return unreadable(e.message);
    return unreadable(`检查时出错：${e instanceof Error ? e.message : String(e)}`);
  }
}
