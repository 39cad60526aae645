import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue, GridCell, Merge, SheetGrid, WorkbookGrid } from '../src/index';

/** A file that cannot be read as a workbook at all; the message is for the user, in Chinese. */
export class WorkbookReadError extends Error {}

const MAX_BYTES = 200 * 1024 * 1024;
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTED_MARK = Buffer.from('EncryptedPackage', 'utf16le');

/** Tells what a file is from its first bytes, before any parser sees it. */
export function sniff(bytes: Buffer): 'xlsx' | 'encrypted' | 'legacy' | 'empty' | 'other' {
  if (bytes.length === 0) return 'empty';
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) return bytes.includes(ENCRYPTED_MARK) ? 'encrypted' : 'legacy';
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  return 'other';
}

const REFUSALS: Record<Exclude<ReturnType<typeof sniff>, 'xlsx'>, string> = {
  empty: '文件是空的（0 字节），不是 .xlsx 工作簿。',
  encrypted: '工作簿设置了打开密码（已加密），无法检查。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查。',
  legacy: '这是旧版 .xls 或 WPS .et 格式的文件，无法直接检查。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再检查。',
  other: '这不是 .xlsx 工作簿文件。请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx）再检查。',
};

export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  return readWorkbookBytes(await readFileChecked(path));
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
  if (size > MAX_BYTES) throw new WorkbookReadError(`文件有 ${Math.round(size / 1048576)} MB，超过了 200 MB 的上限，不像是绩效自评工作簿。`);
  return readFile(path);
}

export async function readWorkbookBytes(bytes: Buffer): Promise<WorkbookGrid> {
  return workbookToGrid(await openWorkbook(bytes));
}

/** What the xlsx library alone does: sniff and open. Kept apart so that the bench can time it on its own. */
export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const kind = sniff(bytes);
  if (kind !== 'xlsx') throw new WorkbookReadError(REFUSALS[kind]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0].slice(0, 120) : String(e);
    throw new WorkbookReadError(`文件已损坏或不完整，无法作为 .xlsx 工作簿打开（${detail}）。请用 Excel 或 WPS 打开修复后另存再检查。`);
  }
  // Any zip opens; only a workbook has sheets (a .docx or a zipped folder does not).
  if (!workbook.worksheets.length) throw new WorkbookReadError(`${REFUSALS.other.slice(0, -1)}（压缩包中没有工作表）。`);
  return workbook;
}

export function workbookToGrid(workbook: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: workbook.worksheets.map(toSheetGrid) };
}

type ExcelCell = ExcelJS.Cell;

function cellOf(cell: ExcelCell): GridCell | undefined {
  const v = cell.value as unknown;
  const numFmt = cell.numFmt || undefined;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      const formula = o.formula ?? o.sharedFormula ?? '';
      if (o.result === undefined || o.result === null) return { value: null, formula, noCachedValue: true };
      return { value: plain(o.result), formula, ...(numFmt ? { numFmt } : {}) };
    }
  }
  return { value: plain(v), ...(numFmt ? { numFmt } : {}) };
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { richText?: { text: string }[]; text?: unknown; error?: string; result?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.error) return o.error;
  if (o.text !== undefined) return plain(o.text);
  return String(v);
}

function toSheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // exceljs copies a merged area's value into every cell of it; the core resolves merges itself.
      if (cell.isMerged && cell.master !== cell) return;
      const c = cellOf(cell);
      if (c) out[colNumber - 1] = c;
    });
    cells[rowNumber - 1] = out;
  });
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const merges: Merge[] = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges).map(
    (m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }),
  );
  return { name: ws.name, cells, merges };
}
