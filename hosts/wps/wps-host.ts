import { parseRange, type GridCell, type Merge, type SheetGrid, type WorkbookGrid } from '../../src/index';
import { hostMessages, toA1 } from '../../src/index';
import type { CellAddress, CellChange, CellState, SpreadsheetHost, Writable } from '../../taskpane/host';

/**
 * The WPS 表格 (ET) adapter: the same SpreadsheetHost as Excel's, over WPS's synchronous ET object model
 * (Application, Workbook, Worksheet, Range, Interior, Comment), as the WPS JS add-in API exposes it.
 */

/** The part of the ET object model the adapter uses. */
export interface EtRange {
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { Count: number };
  readonly Columns: { Count: number };
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  Locked: boolean | null;
  readonly Interior: { Color: number; ColorIndex: number; Pattern: number };
  readonly Comment: { Text(text?: string): string } | null;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  AddComment(text: string): unknown;
  ClearComments(): void;
  Select(): void;
  Cells: { Item(row: number, column: number): EtRange };
}

export interface EtWorksheet {
  readonly Name: string;
  readonly UsedRange: EtRange;
  readonly ProtectContents: boolean;
  /** True when comments and other objects are protected ("编辑对象" not allowed). */
  readonly ProtectDrawingObjects: boolean;
  readonly Protection: { readonly AllowFormattingCells: boolean };
  Range(address: string): EtRange;
  Activate(): void;
}

export interface EtWorkbook {
  readonly FullName: string;
  readonly Sheets: { Count: number; Item(index: number | string): EtWorksheet };
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
}

/** Where WPS keeps what an add-in stores between pane openings: the browser storage of the add-in's pages. */
export interface JournalStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const XL_NONE = -4142;
const JOURNAL_KEY = 'perfCheck.journal:';

/** '#FFC7CE' ↔ ET's BGR colour number. */
export function bgrOf(hex: string): number {
  const rgb = Number.parseInt(hex.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

export function hexOf(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).toUpperCase().padStart(6, '0')}`;
}

/** Value2 of a one-cell range is the value; of a larger one, rows of values (1-based COM arrays come as JS arrays). */
function matrix(value: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1) return [[value]];
  return value as unknown[][];
}

interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const addressOf = (b: Block) =>
  b.top === b.bottom && b.left === b.right ? toA1(b.top, b.left) : `${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}`;

/** The block cut in two: across columns first (number formats go by column), or along its longer side (merges). */
function halves(b: Block, columnsFirst: boolean): [Block, Block] {
  if (columnsFirst ? b.left === b.right : b.bottom - b.top >= b.right - b.left) {
    const mid = Math.floor((b.top + b.bottom) / 2);
    return [
      { ...b, bottom: mid },
      { ...b, top: mid + 1 },
    ];
  }
  const mid = Math.floor((b.left + b.right) / 2);
  return [
    { ...b, right: mid },
    { ...b, left: mid + 1 },
  ];
}

/**
 * A property asked of whole blocks: ET answers one value for a block where every cell has the same (a number
 * format), null where they differ; a mixed block is split until each part answers. Calls grow with the number of
 * different regions, not of cells.
 */
export function uniformBlocks<T>(
  ws: EtWorksheet,
  block: Block,
  read: (r: EtRange) => unknown,
  uniform: (v: unknown) => v is T,
): (Block & { value: T })[] {
  const value = read(ws.Range(addressOf(block)));
  if (uniform(value)) return [{ ...block, value }];
  if (block.top === block.bottom && block.left === block.right) return [];
  return halves(block, true).flatMap((half) => uniformBlocks(ws, half, read, uniform));
}

/** Below this many filled cells a block is asked cell by cell: cheaper than splitting it further. */
const FEW_CELLS = 16;

/**
 * The merged areas holding a filled cell (the only ones the checker reads) within a block: MergeCells is false
 * where there is none, true where every cell is merged, null where some are. A block inside one area is answered
 * by that area, a block with few filled cells cell by cell, any other split in two.
 */
function mergesOf(
  ws: EtWorksheet,
  block: Block,
  filled: (row: number, col: number) => boolean,
  found = new Map<string, Merge>(),
): Map<string, Merge> {
  const cells: [number, number][] = [];
  for (let r = block.top; r <= block.bottom && cells.length <= FEW_CELLS; r++)
    for (let c = block.left; c <= block.right; c++) if (filled(r, c)) cells.push([r, c]);
  if (!cells.length) return found;
  const add = (range: EtRange) => {
    const address = range.MergeArea.Address(false, false);
    found.set(address, parseRange(address));
    return parseRange(address);
  };
  if (cells.length <= FEW_CELLS) {
    for (const [r, c] of cells) {
      const cell = ws.Range(toA1(r, c));
      if (cell.MergeCells) add(cell);
    }
    return found;
  }
  const range = ws.Range(addressOf(block));
  const merged = range.MergeCells;
  if (merged === false) return found;
  if (merged === true) {
    const area = add(range.Cells.Item(1, 1));
    if (area.top <= block.top && area.left <= block.left && area.bottom >= block.bottom && area.right >= block.right) return found;
  }
  for (const half of halves(block, false)) mergesOf(ws, half, filled, found);
  return found;
}

export class WpsHost implements SpreadsheetHost {
  readonly name = 'WPS';

  constructor(
    private readonly app: EtApplication,
    private readonly store: JournalStore,
  ) {}

  private workbook(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error(hostMessages.noWorkbook());
    return wb;
  }

  private range(a: CellAddress): EtRange {
    return this.workbook().Sheets.Item(a.sheet).Range(a.cell);
  }

  /**
   * Every sheet's used range in a few calls whatever its size: values and formulas as whole arrays (Value2,
   * Formula), number formats and merged areas asked of whole blocks, a block split in two only where it is mixed.
   */
  async readWorkbook(): Promise<WorkbookGrid> {
    const wb = this.workbook();
    const sheets: SheetGrid[] = [];
    for (let i = 1; i <= wb.Sheets.Count; i++) {
      const ws = wb.Sheets.Item(i);
      const used = ws.UsedRange;
      const top = used.Row - 1;
      const left = used.Column - 1;
      const rows = used.Rows.Count;
      const cols = used.Columns.Count;
      const values = matrix(used.Value2, rows, cols);
      const formulas = matrix(used.Formula, rows, cols);
      const formats = new Map<number, (Block & { value: string })[]>();
      for (const f of uniformBlocks(
        ws,
        { top, left, bottom: top + rows - 1, right: left + cols - 1 },
        (r) => r.NumberFormat,
        (v) => typeof v === 'string',
      )) {
        for (let c = f.left; c <= f.right; c++) formats.set(c, [...(formats.get(c) ?? []), f]);
      }
      const format = (r: number, c: number) => formats.get(c)?.find((f) => f.top <= r && r <= f.bottom)?.value;
      const cells: (GridCell | undefined)[][] = Array.from({ length: top }, () => []);
      for (let r = 0; r < rows; r++) {
        const row: (GridCell | undefined)[] = [];
        for (let c = 0; c < cols; c++) {
          const value = values[r][c];
          if (value === null || value === undefined || value === '') continue;
          const cell: GridCell = { value: value as GridCell['value'] };
          const formula = formulas[r][c];
          if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula.slice(1);
          const numFmt = format(top + r, left + c);
          if (typeof numFmt === 'string' && numFmt !== 'General' && numFmt !== 'G/通用格式') cell.numFmt = numFmt;
          row[left + c] = cell;
        }
        cells.push(row);
      }
      const filled = (r: number, c: number) => cells[r]?.[c] !== undefined;
      const merges = rows * cols > 1 ? [...mergesOf(ws, { top, left, bottom: top + rows - 1, right: left + cols - 1 }, filled).values()] : [];
      sheets.push({ name: ws.Name, cells, merges });
    }
    return { sheets };
  }

  async readCells(cells: readonly CellAddress[]): Promise<CellState[]> {
    return cells.map((a) => {
      const range = this.range(a);
      const value = range.Value2 as CellState['value'] | undefined;
      const formula = range.Formula;
      const interior = range.Interior;
      return {
        sheet: a.sheet,
        cell: a.cell,
        value: value === undefined || value === '' ? null : value,
        ...(typeof formula === 'string' && formula.startsWith('=') ? { formula: formula.slice(1) } : {}),
        fill: interior.ColorIndex === XL_NONE || interior.Pattern === XL_NONE ? null : hexOf(interior.Color),
        note: range.Comment ? range.Comment.Text() : null,
      };
    });
  }

  async writable(cells: readonly CellAddress[]): Promise<Writable[]> {
    const wb = this.workbook();
    return cells.map((a) => {
      const ws = wb.Sheets.Item(a.sheet);
      const on = ws.ProtectContents;
      return {
        content: !on || this.range(a).Locked === false,
        fill: !on || ws.Protection.AllowFormattingCells,
        note: !on || !ws.ProtectDrawingObjects,
        protectedSheet: on,
      };
    });
  }

  /** Cell by cell, as the ET object model writes; a note a cell refuses is left out, the rest goes on. */
  async writeCells(changes: readonly CellChange[]): Promise<{ notesRefused: CellAddress[] }> {
    const notesRefused: CellAddress[] = [];
    for (const c of changes) {
      const range = this.range(c);
      if (c.formula !== undefined) range.Formula = `=${c.formula}`;
      else if (c.value !== undefined) range.Value2 = c.value ?? '';
      if (c.fill === null) range.Interior.ColorIndex = XL_NONE;
      else if (c.fill !== undefined) range.Interior.Color = bgrOf(c.fill);
      if (c.note === undefined) continue;
      try {
        if (c.note === null) range.ClearComments();
        else if (range.Comment) range.Comment.Text(c.note);
        else range.AddComment(c.note);
      } catch {
        notesRefused.push({ sheet: c.sheet, cell: c.cell });
      }
    }
    return { notesRefused };
  }

  async select(a: CellAddress): Promise<void> {
    const ws = this.workbook().Sheets.Item(a.sheet);
    ws.Activate();
    ws.Range(a.cell).Select();
  }

  /** Kept by workbook path in the add-in's storage: nothing is added to the clerk's file. */
  async loadJournal(): Promise<string | null> {
    return this.store.getItem(JOURNAL_KEY + this.workbook().FullName);
  }

  async saveJournal(json: string | null): Promise<void> {
    const key = JOURNAL_KEY + this.workbook().FullName;
    if (json === null) this.store.removeItem(key);
    else this.store.setItem(key, json);
  }
}
