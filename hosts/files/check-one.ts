import { countBySeverity, createChecker, fileMessages, type CheckResult, type Finding, type FindingCode, type WorkbookGrid } from '../../src/index';
import { AnnotateError } from './annotate';
import { annotateWorkbook, withDamage } from './copy';
import { readWorkbookBytes, WorkbookReadError } from './read';

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

/** A checked workbook: its summary row and, when it could be read, its annotated copy. */
export interface CheckedFile {
  row: BatchRow;
  annotated?: Uint8Array;
}

/** A checked workbook with what the browser page shows beside the summary row. */
export interface CheckedWorkbook extends CheckedFile {
  grid?: WorkbookGrid;
  result?: CheckResult;
}

const checker = createChecker();

/** What the readers take; anything else in an inbox (a .txt, .docx or .pdf) is listed as not a spreadsheet. */
const SPREADSHEET = /\.(?:xlsx|xlsm|xltx|xltm|xls|xlt|et|ett|ods)$/i;
/** Whether a batch checks a file, by its name. Excel's and WPS's lock files ("~$name.xlsx") are not workbooks. */
export const isSpreadsheet = (name: string) => SPREADSHEET.test(name) && !name.startsWith('~$');

/** Why a batch lists a workbook whose checker stopped on it (out of memory, a hostile file). */
export const CHECKER_STOPPED = fileMessages.checkerStopped();

/** The summary row of a file that could not be checked, with the reason in Chinese (given, or the error's own). */
export function unreadableRow(file: string, error: unknown): BatchRow {
  // Never a library's own words: the reviewer reads one Chinese sentence.
  const reason =
    typeof error === 'string'
      ? error
      : error instanceof WorkbookReadError || error instanceof AnnotateError
        ? error.message
        : fileMessages.checkFailed();
  return { file, status: 'unreadable', reason, errors: 0, warnings: 0, infos: 0, byCode: {} };
}

function describe(findings: Finding[]): Pick<BatchRow, 'errors' | 'warnings' | 'infos' | 'byCode' | 'firstProblem'> {
  const byCode: BatchRow['byCode'] = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  const worst = findings[0];
  const counts = countBySeverity(findings);
  return {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    byCode,
    ...(worst ? { firstProblem: `${worst.sheet}!${worst.cell}：${worst.message}` } : {}),
  };
}

/**
 * Checks one workbook's bytes: its row of the summary and its annotated copy, or the Chinese reason it cannot be read.
 * Pure (no file system), so that the CLI's batch and the browser page produce the same rows and copies.
 */
export async function checkWorkbookFile(bytes: Uint8Array, file: string): Promise<CheckedWorkbook> {
  try {
    const name = file.replace(/^.*\//, '');
    const grid = await readWorkbookBytes(bytes, name);
    const result = withDamage(checker.check(grid), grid);
    const copy = await annotateWorkbook(bytes, name, result.findings);
    const annotated = copy.bytes;
    const row: BatchRow = {
      file,
      status: 'checked',
      copy: copy.converted ? file.replace(/[^/]*$/, copy.name) : file,
      ...(result.department ? { department: result.department } : {}),
      ...(result.year ? { year: result.year } : {}),
      ...(result.totals?.entered ? { totalEntered: result.totals.entered } : {}),
      ...(result.totals?.computed ? { totalComputed: result.totals.computed } : {}),
      ...describe(result.findings),
    };
    return { row, annotated, grid, result };
  } catch (e) {
    return { row: unreadableRow(file, e) };
  }
}

/** What a batch keeps of a workbook: the row and the copy, not the grid. */
export async function checkOne(bytes: Uint8Array, file: string): Promise<CheckedFile> {
  const { row, annotated } = await checkWorkbookFile(bytes, file);
  return annotated ? { row, annotated } : { row };
}
