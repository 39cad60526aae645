/* global Excel, Office */
import { parseRange, toA1, type GridCell, type Merge, type SheetGrid, type WorkbookGrid } from '../../src/index';
import { cellKey, NOTE_TITLE, type CellAddress, type CellChange, type CellState, type SpreadsheetHost, type Writable } from '../../taskpane/host';

/** Where the journal lives: the workbook's own settings, saved with the file. */
export const JOURNAL_SETTING = 'perfCheck.journal';
/**
 * Cells per read request, all sheets together. Excel on the web refuses a response above 5 MB with
 * ResponsePayloadSizeLimitExceeded; values, formulas and number formats of 20,000 ordinary cells stay well below it.
 */
export const CHUNK_CELLS = 20_000;
/** A workbook of long texts refused at CHUNK_CELLS is read again with requests this many times smaller… */
const SHRINK = 4;
/** …down to this many cells per request, below which the refusal is the clerk's to see. */
const MIN_CHUNK_CELLS = 1_000;

/** Excel on the web's refusal of a request or response above 5 MB. */
const tooLarge = (e: unknown) => /PayloadSizeLimitExceeded$/.test(String((e as { code?: unknown } | null)?.code));

/**
 * What the running Excel offers beyond ExcelApi 1.1 (Office 2016 volume-licensed has nothing more), each checked at
 * run time; without it the adapter falls back as noted.
 */
export interface ExcelCapabilities {
  /** ExcelApi 1.18: notes; else 1.10: threaded comments; else none (findings only listed, cells filled). */
  annotations: 'notes' | 'comments' | 'none';
  /** ExcelApi 1.13: merged areas; else none are read (tables are found without them, less surely). */
  merges: boolean;
  /**
   * ExcelApi 1.7 (1.2 for protection, 1.7 for its allowEditObjects option): sheet protection and locked cells read
   * before writing; else a refused write is rolled back.
   */
  protection: boolean;
  /** ExcelApi 1.4: *OrNullObject and the workbook's settings; else the document settings of the common API. */
  nullObjects: boolean;
  /** ExcelApi 1.9: the fill pattern; else white counts as no fill. */
  fillPattern: boolean;
}

/**
 * Every Excel API member the adapter uses, with the ExcelApi requirement set that brings it and, above 1.1, the
 * capability that guards its use (a test holds this list against the Office.js typings and the source).
 */
export const EXCEL_API: Record<string, { set: string; guard?: keyof ExcelCapabilities }> = {
  'Workbook.worksheets': { set: '1.1' },
  'WorksheetCollection.getItem': { set: '1.1' },
  'WorksheetCollection.items': { set: '1.1' },
  'Worksheet.name': { set: '1.1' },
  'Worksheet.getRange': { set: '1.1' },
  'Worksheet.getUsedRange': { set: '1.1' },
  'Worksheet.getUsedRangeOrNullObject': { set: '1.4', guard: 'nullObjects' },
  'Worksheet.activate': { set: '1.1' },
  'Range.values': { set: '1.1' },
  'Range.formulas': { set: '1.1' },
  'Range.numberFormat': { set: '1.1' },
  'Range.rowIndex': { set: '1.1' },
  'Range.columnIndex': { set: '1.1' },
  'Range.rowCount': { set: '1.1' },
  'Range.columnCount': { set: '1.1' },
  'Range.address': { set: '1.1' },
  'Range.format': { set: '1.1' },
  'Range.select': { set: '1.1' },
  'Range.getMergedAreasOrNullObject': { set: '1.13', guard: 'merges' },
  'RangeAreas.address': { set: '1.9', guard: 'merges' },
  'RangeFormat.fill': { set: '1.1' },
  'RangeFill.color': { set: '1.1' },
  'RangeFill.clear': { set: '1.1' },
  'RangeFill.pattern': { set: '1.9', guard: 'fillPattern' },
  'RangeFormat.protection': { set: '1.2', guard: 'protection' },
  'FormatProtection.locked': { set: '1.2', guard: 'protection' },
  'Worksheet.protection': { set: '1.2', guard: 'protection' },
  'WorksheetProtection.protected': { set: '1.2', guard: 'protection' },
  'WorksheetProtection.options': { set: '1.2', guard: 'protection' },
  'WorksheetProtectionOptions.allowFormatCells': { set: '1.2', guard: 'protection' },
  'WorksheetProtectionOptions.allowEditObjects': { set: '1.7', guard: 'protection' },
  'Workbook.comments': { set: '1.10', guard: 'annotations' },
  'CommentCollection.items': { set: '1.10', guard: 'annotations' },
  'CommentCollection.add': { set: '1.10', guard: 'annotations' },
  'Comment.content': { set: '1.10', guard: 'annotations' },
  'Comment.getLocation': { set: '1.10', guard: 'annotations' },
  'Comment.delete': { set: '1.10', guard: 'annotations' },
  'Worksheet.notes': { set: '1.18', guard: 'annotations' },
  'NoteCollection.getItemOrNullObject': { set: '1.18', guard: 'annotations' },
  'NoteCollection.add': { set: '1.18', guard: 'annotations' },
  'Note.content': { set: '1.18', guard: 'annotations' },
  'Note.delete': { set: '1.18', guard: 'annotations' },
  'Workbook.settings': { set: '1.4', guard: 'nullObjects' },
  'SettingCollection.getItemOrNullObject': { set: '1.4', guard: 'nullObjects' },
  'SettingCollection.add': { set: '1.4', guard: 'nullObjects' },
  'Setting.value': { set: '1.4', guard: 'nullObjects' },
  'Setting.delete': { set: '1.4', guard: 'nullObjects' },
};

/** The capabilities of the running Excel, from Office.context.requirements.isSetSupported. */
export function excelCapabilities(isSetSupported: (name: string, version: string) => boolean): ExcelCapabilities {
  const excel = (version: string) => isSetSupported('ExcelApi', version);
  return {
    annotations: excel('1.18') ? 'notes' : excel('1.10') ? 'comments' : 'none',
    merges: excel('1.13'),
    protection: excel('1.7'),
    nullObjects: excel('1.4'),
    fillPattern: excel('1.9'),
  };
}

type Matrix = unknown[][];

/** "'附件3 评分表'!A1:B2, 'x'!C3" → "A1:B2", "C3": the sheet is known, only the areas matter. */
function areasOf(address: string): string[] {
  return address
    .split(',')
    .map((part) => part.trim().replace(/^.*!/, '').replace(/\$/g, ''))
    .filter(Boolean);
}

/** "'评分表'!$F$3" → "评分表!F3", the form of cellKey. */
const keyOfAddress = (address: string) => address.replace(/\$/g, '').replace(/^'?(.*?)'?!/, (_, sheet: string) => `${sheet.replace(/''/g, "'")}!`);

function gridCell(value: unknown, formula: unknown, numFmt: unknown): GridCell | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const cell: GridCell = { value: value as GridCell['value'] };
  if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula.slice(1);
  if (typeof numFmt === 'string' && numFmt !== 'General') cell.numFmt = numFmt;
  return cell;
}

interface Chunk {
  sheet: number;
  /** Rows from the used range's top. */
  start: number;
  rows: number;
  part?: Excel.Range;
}

/**
 * The used ranges cut into requests of at most `budget` cells all sheets together: small sheets share a request,
 * a large one is read in row chunks that fill the requests up.
 */
export function planReads(used: { rows: number; cols: number }[], budget: number): Chunk[][] {
  const requests: Chunk[][] = [[]];
  let space = budget;
  used.forEach(({ rows, cols }, sheet) => {
    for (let start = 0; start < rows;) {
      let fit = Math.floor(space / cols);
      if (fit === 0) {
        if (requests[requests.length - 1].length) requests.push([]);
        space = budget;
        fit = Math.max(1, Math.floor(space / cols));
      }
      const take = Math.min(fit, rows - start);
      requests[requests.length - 1].push({ sheet, start, rows: take });
      space -= take * cols;
      start += take;
    }
  });
  return requests.filter((r) => r.length);
}

/**
 * The Office.js adapter: batched reads of the used ranges (budgeted per request), batched writes, a fixed number
 * of context.sync() calls per operation whatever the number of findings, and each API above ExcelApi 1.1 used
 * only where the running Excel has it.
 */
export class ExcelHost implements SpreadsheetHost {
  readonly name = 'Excel';
  /** context.sync() calls made so far, for tests and diagnostics. */
  syncs = 0;

  constructor(
    private readonly can: ExcelCapabilities,
    private readonly budget = CHUNK_CELLS,
  ) {}

  private run<T>(work: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>): Promise<T> {
    return Excel.run((context) =>
      work(context, async () => {
        this.syncs++;
        await context.sync();
      }),
    );
  }

  /** The workbook read in requests of at most `budget` cells, smaller ones where Excel finds a response too large. */
  async readWorkbook(): Promise<WorkbookGrid> {
    for (let budget = this.budget; ; budget = Math.floor(budget / SHRINK)) {
      try {
        return await this.readWith(budget);
      } catch (e) {
        if (!tooLarge(e) || budget / SHRINK < MIN_CHUNK_CELLS) throw e;
      }
    }
  }

  private readWith(budget: number): Promise<WorkbookGrid> {
    return this.run(async (context, sync) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await sync();
      const used = worksheets.items.map((ws) => {
        const range = this.can.nullObjects ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange();
        range.load(
          this.can.nullObjects ? 'isNullObject, rowIndex, columnIndex, rowCount, columnCount' : 'rowIndex, columnIndex, rowCount, columnCount',
        );
        const merged = this.can.merges ? range.getMergedAreasOrNullObject() : undefined;
        merged?.load('isNullObject, address');
        return { ws, range, merged };
      });
      await sync();
      const sizes = used.map(({ range }) =>
        this.can.nullObjects && range.isNullObject ? { rows: 0, cols: 1 } : { rows: range.rowCount, cols: range.columnCount },
      );
      const requests = planReads(sizes, budget);
      for (const chunks of requests) {
        for (const chunk of chunks) {
          const { ws, range } = used[chunk.sheet];
          const top = range.rowIndex + chunk.start;
          const address = `${toA1(top, range.columnIndex)}:${toA1(top + chunk.rows - 1, range.columnIndex + range.columnCount - 1)}`;
          chunk.part = ws.getRange(address);
          chunk.part.load('values, formulas, numberFormat');
        }
        await sync();
      }
      const chunksOf = (sheet: number) => requests.flat().filter((c) => c.sheet === sheet);
      return {
        sheets: used.map(({ ws, range, merged }, i): SheetGrid => {
          const cells: (GridCell | undefined)[][] = [];
          for (const { start, part } of chunksOf(i)) {
            const [values, formulas, formats] = [part!.values, part!.formulas, part!.numberFormat] as Matrix[];
            values.forEach((row, r) => {
              const out: (GridCell | undefined)[] = [];
              row.forEach((v, c) => (out[range.columnIndex + c] = gridCell(v, formulas[r][c], formats[r][c])));
              cells[range.rowIndex + start + r] = out;
            });
          }
          for (let r = 0; r < cells.length; r++) cells[r] ??= [];
          const merges: Merge[] = !merged || merged.isNullObject ? [] : areasOf(merged.address).map(parseRange);
          return { name: ws.name, cells, merges };
        }),
      };
    });
  }

  /** The workbook's comment threads by cell (ExcelApi 1.10), listed once with their places. */
  private async commentsOf(context: Excel.RequestContext, sync: () => Promise<void>): Promise<Map<string, Excel.Comment>> {
    if (this.can.annotations === 'none') return new Map<string, Excel.Comment>();
    const comments = context.workbook.comments;
    comments.load('items/content');
    await sync();
    const places = comments.items.map((comment) => {
      const range = comment.getLocation();
      range.load('address');
      return { comment, range };
    });
    await sync();
    return new Map(places.map(({ comment, range }) => [keyOfAddress(range.address), comment]));
  }

  /**
   * The annotation of each cell the add-in may read and write: its note where Excel has notes, else its comment,
   * undefined where it has none.
   */
  private async notesOf(context: Excel.RequestContext, sync: () => Promise<void>, cells: readonly CellAddress[]) {
    const found = new Map<string, Excel.Note | Excel.Comment | undefined>();
    if (this.can.annotations === 'notes') {
      const items = cells.map((a) => {
        const item = context.workbook.worksheets.getItem(a.sheet).notes.getItemOrNullObject(a.cell);
        item.load('isNullObject, content');
        return { a, item };
      });
      await sync();
      for (const { a, item } of items) found.set(cellKey(a), item.isNullObject ? undefined : item);
      return found;
    }
    const comments = await this.commentsOf(context, sync);
    for (const a of cells) found.set(cellKey(a), comments.get(cellKey(a)));
    return found;
  }

  readCells(cells: readonly CellAddress[]): Promise<CellState[]> {
    return this.run(async (context, sync) => {
      const ranges = cells.map((a) => {
        const range = context.workbook.worksheets.getItem(a.sheet).getRange(a.cell);
        range.load('values, formulas');
        range.format.fill.load(this.can.fillPattern ? 'color, pattern' : 'color');
        return range;
      });
      const notes = this.can.annotations === 'none' ? new Map<string, undefined>() : await this.notesOf(context, sync, cells);
      if (this.can.annotations === 'none') await sync();
      return cells.map((a, i): CellState => {
        const range = ranges[i];
        const value = range.values[0][0] as CellState['value'];
        const formula: unknown = range.formulas[0][0];
        const fill = range.format.fill;
        const none = this.can.fillPattern ? fill.pattern === 'None' : fill.color.toUpperCase() === '#FFFFFF';
        return {
          sheet: a.sheet,
          cell: a.cell,
          value: value === '' ? null : value,
          ...(typeof formula === 'string' && formula.startsWith('=') ? { formula: formula.slice(1) } : {}),
          fill: none ? null : fill.color,
          note: notes.get(cellKey(a))?.content ?? null,
        };
      });
    });
  }

  writable(cells: readonly CellAddress[]): Promise<Writable[]> {
    return this.run(async (context, sync) => {
      const sheets = new Map<string, Excel.WorksheetProtection>();
      const loaded = cells.map((a) => {
        if (!this.can.protection) return undefined;
        const ws = context.workbook.worksheets.getItem(a.sheet);
        if (!sheets.has(a.sheet)) {
          ws.protection.load('protected, options');
          sheets.set(a.sheet, ws.protection);
        }
        const range = ws.getRange(a.cell);
        range.format.protection.load('locked');
        return range;
      });
      // A thread of the clerk's: never edited, and Excel keeps a note from sitting beside it.
      const comments = await this.commentsOf(context, sync);
      if (this.can.protection) await sync();
      return cells.map((a, i): Writable => {
        const protection = sheets.get(a.sheet);
        const on = !!protection?.protected;
        const comment = comments.get(cellKey(a));
        const theirs = !!comment && !(this.can.annotations === 'comments' && comment.content.startsWith(NOTE_TITLE));
        return {
          content: !on || loaded[i]!.format.protection.locked === false,
          fill: !on || protection.options.allowFormatCells === true,
          note: this.can.annotations !== 'none' && !theirs && (!on || protection.options.allowEditObjects === true),
          protectedSheet: on,
        };
      });
    });
  }

  async writeCells(changes: readonly CellChange[]): Promise<{ notesRefused: CellAddress[] }> {
    await this.run(async (context, sync) => {
      for (const c of changes) {
        const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
        if (c.formula !== undefined) range.formulas = [[`=${c.formula}`]];
        else if (c.value !== undefined) range.values = [[c.value ?? '']];
        if (c.fill === null) range.format.fill.clear();
        else if (c.fill !== undefined) range.format.fill.color = c.fill;
      }
      await sync();
    });
    const notes = changes.filter((c) => c.note !== undefined);
    if (!notes.length || this.can.annotations === 'none') return { notesRefused: notes.map(({ sheet, cell }) => ({ sheet, cell })) };
    // Notes apart, in one request; if a cell refuses, each note that is not yet as wanted is tried on its own.
    try {
      await this.run(async (context, sync) => {
        this.annotate(context, notes, await this.notesOf(context, sync, notes));
        await sync();
      });
      return { notesRefused: [] };
    } catch {
      const notesRefused: CellAddress[] = [];
      for (const c of notes) {
        await this.run(async (context, sync) => {
          const current = await this.notesOf(context, sync, [c]);
          if ((current.get(cellKey(c))?.content ?? null) === c.note) return;
          this.annotate(context, [c], current);
          await sync();
        }).catch(() => notesRefused.push({ sheet: c.sheet, cell: c.cell }));
      }
      return { notesRefused };
    }
  }

  /** Queues the note changes: whether a note is there decides between changing, adding and deleting it. */
  private annotate(
    context: Excel.RequestContext,
    changes: readonly CellChange[],
    existing: Map<string, Excel.Note | Excel.Comment | undefined>,
  ): void {
    for (const c of changes) {
      const note = existing.get(cellKey(c));
      if (c.note === null) note?.delete();
      else if (note) note.content = c.note!;
      else if (this.can.annotations === 'notes') context.workbook.worksheets.getItem(c.sheet).notes.add(c.cell, c.note!);
      else context.workbook.comments.add(`'${c.sheet.replace(/'/g, "''")}'!${c.cell}`, c.note!);
    }
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
    if (!this.can.nullObjects) return Promise.resolve((Office.context.document.settings.get(JOURNAL_SETTING) as string | null) ?? null);
    return this.run(async (context, sync) => {
      const item = context.workbook.settings.getItemOrNullObject(JOURNAL_SETTING);
      item.load('isNullObject, value');
      await sync();
      return item.isNullObject ? null : (item.value as string);
    });
  }

  saveJournal(json: string | null): Promise<void> {
    if (!this.can.nullObjects) return saveDocumentSetting(JOURNAL_SETTING, json);
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

/** Before ExcelApi 1.4: the document settings of the common API (Office 2013 and later), saved with the file. */
function saveDocumentSetting(key: string, json: string | null): Promise<void> {
  const settings = Office.context.document.settings;
  if (json === null) settings.remove(key);
  else settings.set(key, json);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)))),
  );
}
