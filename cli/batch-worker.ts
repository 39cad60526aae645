import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createChecker, type Finding, type FindingCode } from '../src/index';
import { AnnotateError, annotateWorkbook, readWorkbookBytes, withDamage, WorkbookReadError } from '../hosts/files/index';
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
  /** The annotated copy's path relative to the output folder: an .xls, .et or .ods gets an .xlsx copy. */
  copy?: string;
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
/** Output folders this thread has made: one mkdir per folder, not per workbook. */
const folders = new Set<string>();

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
    const workbook = await readWorkbookBytes(bytes, basename(job.source));
    const result = withDamage(checker.check(workbook), workbook);
    const annotated = await annotateWorkbook(bytes, basename(job.target), result.findings);
    const target = join(dirname(job.target), annotated.name);
    if (!folders.has(dirname(target))) {
      await mkdir(dirname(target), { recursive: true });
      folders.add(dirname(target));
    }
    await writeAtomically(target, annotated.bytes);
    return {
      file: job.file,
      status: 'checked',
      copy: annotated.converted ? job.file.replace(/[^/]*$/, annotated.name) : job.file,
      ...(result.department ? { department: result.department } : {}),
      ...(result.year ? { year: result.year } : {}),
      ...(result.totals?.entered ? { totalEntered: result.totals.entered } : {}),
      ...(result.totals?.computed ? { totalComputed: result.totals.computed } : {}),
      ...describe(result.findings),
    };
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof AnnotateError) return unreadable(e.message);
    // Never a library's own words: the reviewer reads one Chinese sentence.
    return unreadable('检查这个文件时发生内部错误，未能完成。请用 Excel 或 WPS 打开后另存为 .xlsx 再检查，或把该文件反馈给开发者。');
  }
}
