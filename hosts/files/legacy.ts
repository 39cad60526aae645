import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';
import { fileMessages, type CellValue, type GridCell } from '../../src/index';
import { Budget, DamageLog, inflationBudget, refuse, SheetBuilder, WorkbookReadError, type ReadWorkbook } from './grid-builder';
import { Deadline, MAX_CELLS, MAX_ROWS, MAX_SHEETS, limitRefusal } from './limits';
import { isDateFormat, excelDate } from './xlsx';
import { decodeText } from './xml';

/**
 * The formats a reviewer receives besides .xlsx — .xls (BIFF8 and older), WPS .et (the BIFF workbook it is), .ods,
 * and the HTML / XML tables some platforms save as ".xls" — read by SheetJS (@e965/xlsx, the maintained build with
 * the fixes for crafted files) into the same grid. An .ods is unpacked by fflate first, within the same limits as an
 * .xlsx, and its repeated cells are counted before SheetJS expands them.
 */

export type LegacyKind = 'biff' | 'ods' | 'markup';

/** The format's name, for the sentence that says why a file cannot be read. */
export function formatName(kind: LegacyKind, fileName?: string): string {
  const ext = /\.([^./\\]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  const { format } = fileMessages;
  if (ext === 'et' || ext === 'ett') return format.et;
  if (kind === 'ods') return format.ods;
  return ext === 'xls' || kind === 'biff' ? format.xls : `.${ext ?? 'xls'}`;
}

/** The .ods package re-packed from the parts fflate inflated within the limits: what SheetJS then reads. */
function boundedOds(bytes: Uint8Array): Uint8Array {
  const inflate = inflationBudget();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!/^(?:content|styles|meta|settings)\.xml$|^mimetype$|^META-INF\/manifest\.xml$/.test(file.name)) return false;
        inflate(file.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    return refuse(fileMessages.odsZipDamaged());
  }
  const content = files['content.xml'];
  if (!content) return refuse(fileMessages.odsNoContent());
  if (repeatedCells(decodeText(content)) > MAX_CELLS) refuse(limitRefusal.cells());
  return zipSync(files, { level: 0 });
}

const ROWS_REPEATED = /number-rows-repeated="(\d+)"/;
const COLUMNS_REPEATED = /number-columns-repeated="(\d+)"/;
const repeat = (attrs: string, pattern: RegExp) => Math.max(1, parseInt(pattern.exec(attrs)?.[1] ?? '1', 10) || 1);

/** How many cells an .ods table expands to: a cell with a value repeated over rows and columns counts each time. */
function repeatedCells(xml: string): number {
  let rows = 1;
  let total = 0;
  for (const m of xml.matchAll(/<table:(table-row|table-cell|covered-table-cell)\b([^<>]*)>/g)) {
    if (m[1] === 'table-row') rows = repeat(m[2], ROWS_REPEATED);
    else if (m[2].includes('value-type=')) total += rows * repeat(m[2], COLUMNS_REPEATED);
    if (total > MAX_CELLS) break;
  }
  return total;
}

/** An HTML or XML table as text, decoded by the charset it declares: the platforms' exports are often GBK. */
function markupText(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = /(?:charset|encoding)\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const chinese = charset && /^(?:gb2312|gbk|gb18030|x-gbk)$/.test(charset);
  return new TextDecoder(chinese ? 'gb18030' : 'utf-8').decode(bytes);
}

/** SheetJS prints its doubts (e.g. about an .ods number format) to the console: a reviewer reads only our sentences. */
function quietly<T>(run: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  console.error = console.warn = console.log = () => undefined;
  try {
    return run();
  } finally {
    Object.assign(console, saved);
  }
}

/** SheetJS is loaded on the first legacy file: a run over .xlsx files never pays for it. */
const sheetjs = () => import('@e965/xlsx');

async function parseLegacy(bytes: Uint8Array, kind: LegacyKind, fileName?: string): Promise<WorkBook> {
  const data = kind === 'ods' ? boundedOds(bytes) : kind === 'markup' ? markupText(bytes) : bytes;
  const { read } = await sheetjs();
  try {
    return quietly(() =>
      read(data, {
        type: typeof data === 'string' ? 'string' : 'array',
        dense: true,
        cellNF: true,
        cellStyles: true,
        cellDates: false,
        cellHTML: false,
        sheetRows: MAX_ROWS,
      }),
    );
  } catch (e) {
    const text = e instanceof Error ? e.message : '';
    return refuse(/password|encrypt/i.test(text) ? fileMessages.encrypted() : fileMessages.legacyUnreadable(formatName(kind, fileName)));
  }
}

function gridCell(c: CellObject, date1904: boolean): GridCell | undefined {
  const numFmt = typeof c.z === 'string' && c.z !== 'General' ? c.z : undefined;
  let value: CellValue;
  if (c.t === 'e') value = c.w ?? '#N/A';
  else if (c.t === 'n' && typeof c.v === 'number') value = numFmt && isDateFormat(numFmt) ? (excelDate(c.v, date1904) ?? c.v) : c.v;
  else if (c.t === 's' || c.t === 'b') value = c.v as string | boolean;
  else if (c.v instanceof Date) value = Number.isNaN(c.v.getTime()) ? null : c.v.toISOString().slice(0, 10);
  else value = null;
  if (c.f !== undefined) {
    if (c.v === undefined) return { value: null, formula: c.f, noCachedValue: true };
    return { value, formula: c.f, ...(numFmt ? { numFmt } : {}) };
  }
  return value === null ? undefined : { value, ...(numFmt ? { numFmt } : {}) };
}

function toGrid(workbook: WorkBook, damage: DamageLog, noSheets: string): ReadWorkbook {
  const deadline = new Deadline(() => refuse(limitRefusal.time()));
  if (workbook.SheetNames.length > MAX_SHEETS) refuse(limitRefusal.sheets());
  const date1904 = !!workbook.Workbook?.WBProps?.date1904;
  const budget = new Budget();
  const sheets = workbook.SheetNames.flatMap((name) => {
    const ws = workbook.Sheets[name] as WorkSheet | undefined;
    const rows = ws?.['!data'];
    if (!ws || !rows) return []; // a chart sheet or a macro sheet: no cells
    const builder = new SheetBuilder(name, budget, damage, refuse);
    rows.forEach((row, r) => {
      if ((r & 4095) === 0) deadline.check();
      row?.forEach((cell, c) => {
        if (!cell) return;
        const g = gridCell(cell, date1904);
        if (g) builder.set(r, c, g);
        else builder.touch(r, c);
      });
    });
    for (const m of ws['!merges'] ?? []) builder.merge(m.s.r, m.s.c, m.e.r, m.e.c);
    return [builder.finish()];
  });
  if (!sheets.length) refuse(noSheets);
  return { sheets, damage: damage.list().map((d) => (d.sheet === undefined ? { ...d, sheet: sheets[0].name } : d)) };
}

export async function readLegacy(bytes: Uint8Array, kind: LegacyKind, fileName?: string): Promise<ReadWorkbook> {
  return toGrid(await parseLegacy(bytes, kind, fileName), new DamageLog(), fileMessages.legacyNoSheets(formatName(kind, fileName)));
}

/**
 * The legacy workbook as an .xlsx package — values, formulas' results, merged areas, number formats and column
 * widths — for the annotated copy, which is then marked like any .xlsx.
 */
export async function legacyToXlsx(bytes: Uint8Array, kind: LegacyKind, fileName?: string): Promise<Uint8Array> {
  const workbook = await parseLegacy(bytes, kind, fileName);
  const { write } = await sheetjs();
  return new Uint8Array(quietly(() => write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer));
}
