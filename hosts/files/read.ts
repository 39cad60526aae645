import ExcelJS from 'exceljs';
import type { CellValue, GridCell, Merge, SheetGrid, WorkbookGrid } from '../../src/index';

/** A file that cannot be read as a workbook at all; the message is for the user, in Chinese. */
export class WorkbookReadError extends Error {}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** "EncryptedPackage" in UTF-16LE: the stream an encrypted OOXML file keeps inside its CFB container. */
const ENCRYPTED_MARK = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = bytes.indexOf(needle[0]); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(needle[0], i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Tells what a file is from its first bytes, before any parser sees it. */
export function sniff(bytes: Uint8Array): 'xlsx' | 'encrypted' | 'legacy' | 'empty' | 'other' {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, CFB_MAGIC)) return contains(bytes, ENCRYPTED_MARK) ? 'encrypted' : 'legacy';
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  return 'other';
}

const REFUSALS: Record<Exclude<ReturnType<typeof sniff>, 'xlsx'>, string> = {
  empty: '文件是空的（0 字节），不是 .xlsx 工作簿。',
  encrypted: '工作簿设置了打开密码（已加密），无法检查。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查。',
  legacy: '这是旧版 .xls 或 WPS .et 格式的文件，无法直接检查。请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再检查。',
  other: '这不是 .xlsx 工作簿文件。请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx）再检查。',
};

export async function readWorkbookBytes(bytes: Uint8Array): Promise<WorkbookGrid> {
  return workbookToGrid(await openWorkbook(bytes));
}

/** What the xlsx library alone does: sniff and open. Kept apart so that the bench can time it on its own. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
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
  // An ExcelJS value of a kind not listed above: shown as ExcelJS prints it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
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
