/* global Excel */
import { parseRange, type GridCell, type Merge, type SheetGrid, type WorkbookGrid } from '../../src/index';
import { cellKey, type CellAddress, type CellChange, type CellState, type SpreadsheetHost } from '../../taskpane/host';

/** Where the journal lives: the workbook's own settings, saved with the file. */
export const JOURNAL_SETTING = 'perfCheck.journal';
/**
 * Cells per read request. Excel on the web refuses a response above 5 MB (Range.values comes back null); values,
 * formulas and number formats of 20,000 cells stay well below it.
 */
export const CHUNK_CELLS = 20_000;

export interface ExcelHostOptions {
  /** Notes (ExcelApi 1.18) where the host has them, else threaded comments (ExcelApi 1.10). */
  notes: boolean;
  chunkCells?: number;
}

type Matrix = unknown[][];

/** "'附件3 评分表'!A1:B2, 'x'!C3" → "A1:B2", "C3": the sheet is known, only the areas matter. */
function areasOf(address: string): string[] {
  return address
    .split(',')
    .map((part) => part.trim().replace(/^.*!/, '').replace(/\$/g, ''))
    .filter(Boolean);
}

function gridCell(value: unknown, formula: unknown, numFmt: unknown): GridCell | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const cell: GridCell = { value: value as GridCell['value'] };
  if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula.slice(1);
  if (typeof numFmt === 'string' && numFmt !== 'General') cell.numFmt = numFmt;
  return cell;
}

/**
 * The Office.js adapter: batched reads of each used range (in row chunks on large sheets), batched writes, a
 * fixed number of context.sync() calls per operation whatever the number of findings.
 */
export class ExcelHost implements SpreadsheetHost {
  readonly name = 'Excel';
  /** context.sync() calls made so far, for tests and diagnostics. */
  syncs = 0;

  constructor(private readonly options: ExcelHostOptions) {}

  private run<T>(work: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>): Promise<T> {
    return Excel.run((context) =>
      work(context, async () => {
        this.syncs++;
        await context.sync();
      }),
    );
  }

  readWorkbook(): Promise<WorkbookGrid> {
    const chunkCells = this.options.chunkCells ?? CHUNK_CELLS;
    return this.run(async (context, sync) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await sync();
      const used = worksheets.items.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load('isNullObject, rowIndex, columnIndex, rowCount, columnCount');
        const merged = range.getMergedAreasOrNullObject();
        merged.load('isNullObject, address');
        return { ws, range, merged };
      });
      await sync();
      // Small sheets in one request together; a large sheet in row chunks, one request each.
      const loads = used.map(({ ws, range }) => {
        if (range.isNullObject) return [];
        const rows = Math.max(1, Math.floor(chunkCells / range.columnCount));
        const chunks = [];
        for (let start = 0; start < range.rowCount; start += rows) {
          const part = ws.getRangeByIndexes(range.rowIndex + start, range.columnIndex, Math.min(rows, range.rowCount - start), range.columnCount);
          chunks.push({ start, part });
        }
        return chunks;
      });
      const large = loads.filter((chunks) => chunks.length > 1);
      for (const chunks of loads.filter((c) => c.length === 1)) chunks[0].part.load('values, formulas, numberFormat');
      await sync();
      for (const chunks of large) {
        for (const { part } of chunks) {
          part.load('values, formulas, numberFormat');
          await sync();
        }
      }
      return {
        sheets: used.map(({ ws, range, merged }, i): SheetGrid => {
          const cells: (GridCell | undefined)[][] = [];
          for (const { start, part } of loads[i]) {
            const [values, formulas, formats] = [part.values, part.formulas, part.numberFormat] as Matrix[];
            values.forEach((row, r) => {
              const out: (GridCell | undefined)[] = [];
              row.forEach((v, c) => (out[range.columnIndex + c] = gridCell(v, formulas[r][c], formats[r][c])));
              cells[range.rowIndex + start + r] = out;
            });
          }
          for (let r = 0; r < cells.length; r++) cells[r] ??= [];
          const merges: Merge[] = merged.isNullObject ? [] : areasOf(merged.address).map(parseRange);
          return { name: ws.name, cells, merges };
        }),
      };
    });
  }

  /**
   * The note (or, without the notes API, the comment) of each cell, undefined where it has none. Notes are asked
   * for by address within the same request; comments have no such lookup and are listed once with their places.
   */
  private async notesOf(context: Excel.RequestContext, sync: () => Promise<void>, cells: readonly CellAddress[]) {
    const found = new Map<string, Excel.Note | Excel.Comment | undefined>();
    if (this.options.notes) {
      const items = cells.map((a) => {
        const item = context.workbook.worksheets.getItem(a.sheet).notes.getItemOrNullObject(a.cell);
        item.load('isNullObject, content');
        return { a, item };
      });
      await sync();
      for (const { a, item } of items) found.set(cellKey(a), item.isNullObject ? undefined : item);
      return found;
    }
    const comments = context.workbook.comments;
    comments.load('items/content');
    await sync();
    const places = comments.items.map((comment) => {
      const range = comment.getLocation();
      range.load('address');
      return { comment, range };
    });
    await sync();
    const byAddress = new Map(places.map(({ comment, range }) => [range.address.replace(/\$/g, '').replace(/^'?(.*?)'?!/, '$1!'), comment]));
    for (const a of cells) found.set(cellKey(a), byAddress.get(cellKey(a)));
    return found;
  }

  readCells(cells: readonly CellAddress[]): Promise<CellState[]> {
    return this.run(async (context, sync) => {
      const ranges = cells.map((a) => {
        const range = context.workbook.worksheets.getItem(a.sheet).getRange(a.cell);
        range.load('values, formulas');
        range.format.fill.load('color, pattern');
        return range;
      });
      const notes = await this.notesOf(context, sync, cells);
      return cells.map((a, i): CellState => {
        const range = ranges[i];
        const value = range.values[0][0] as CellState['value'];
        const formula: unknown = range.formulas[0][0];
        return {
          sheet: a.sheet,
          cell: a.cell,
          value: value === '' ? null : value,
          ...(typeof formula === 'string' && formula.startsWith('=') ? { formula: formula.slice(1) } : {}),
          fill: range.format.fill.pattern === 'None' ? null : range.format.fill.color,
          note: notes.get(cellKey(a))?.content ?? null,
        };
      });
    });
  }

  lockedCells(cells: readonly CellAddress[]): Promise<CellAddress[]> {
    return this.run(async (context, sync) => {
      const sheets = new Map<string, Excel.WorksheetProtection>();
      const loaded = cells.map((a) => {
        const ws = context.workbook.worksheets.getItem(a.sheet);
        if (!sheets.has(a.sheet)) {
          ws.protection.load('protected');
          sheets.set(a.sheet, ws.protection);
        }
        const range = ws.getRange(a.cell);
        range.format.protection.load('locked');
        return { a, range };
      });
      await sync();
      return loaded
        .filter(({ a, range }) => sheets.get(a.sheet)!.protected && range.format.protection.locked !== false)
        .map(({ a }) => ({ sheet: a.sheet, cell: a.cell }));
    });
  }

  writeCells(changes: readonly CellChange[]): Promise<void> {
    return this.run(async (context, sync) => {
      // Whether a note is there decides between changing, adding and deleting it.
      const withNotes = changes.filter((c) => c.note !== undefined);
      const notes = withNotes.length ? await this.notesOf(context, sync, withNotes) : new Map<string, undefined>();
      for (const c of changes) {
        const ws = context.workbook.worksheets.getItem(c.sheet);
        const range = ws.getRange(c.cell);
        if (c.formula !== undefined) range.formulas = [[`=${c.formula}`]];
        else if (c.value !== undefined) range.values = [[c.value ?? '']];
        if (c.fill === null) range.format.fill.clear();
        else if (c.fill !== undefined) range.format.fill.color = c.fill;
        if (c.note === undefined) continue;
        const note = notes.get(cellKey(c));
        if (c.note === null) note?.delete();
        else if (note) note.content = c.note;
        else if (this.options.notes) ws.notes.add(c.cell, c.note);
        else context.workbook.comments.add(`'${c.sheet.replace(/'/g, "''")}'!${c.cell}`, c.note);
      }
      await sync();
    });
  }

  select(a: CellAddress): Promise<void> {
    return this.run(async (context, sync) => {
      const ws = context.workbook.worksheets.getItem(a.sheet);
      ws.activate();
      ws.getRange(a.cell).select();
      await sync();
    });
  }

  loadJournal(): Promise<string | null> {
    return this.run(async (context, sync) => {
      const item = context.workbook.settings.getItemOrNullObject(JOURNAL_SETTING);
      item.load('isNullObject, value');
      await sync();
      return item.isNullObject ? null : (item.value as string);
    });
  }

  saveJournal(json: string | null): Promise<void> {
    return this.run(async (context, sync) => {
      const settings = context.workbook.settings;
      if (json === null) {
        const item = settings.getItemOrNullObject(JOURNAL_SETTING);
        item.load('isNullObject');
        await sync();
        if (!item.isNullObject) item.delete();
      } else {
        settings.add(JOURNAL_SETTING, json);
      }
      await sync();
    });
  }
}
