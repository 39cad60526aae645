import { normalizeLabel } from './text';

/**
 * The core's only view of a spreadsheet: plain values, formulas, number formats and merged areas, as every host
 * (Office.js, WPS, an .xlsx file) can deliver them. Rows and columns are 0-based.
 */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  value: CellValue;
  formula?: string;
  numFmt?: string;
  /** A formula whose result was never calculated (files written by programs, not by Excel). */
  noCachedValue?: boolean;
}

/** A cell position on a sheet, merge-resolved to the top-left cell. */
export interface CellRef {
  row: number;
  col: number;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Sparse rows: cells[r][c]; missing entries are empty cells. */
  cells: (GridCell | undefined)[][];
  merges: Merge[];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

/** Columns a worksheet can have (A to XFD), in Excel and WPS alike. */
export const MAX_COLUMNS = 16384;

/** One number per cell of a sheet, for maps keyed by position. */
export const cellIndex = (row: number, col: number): number => row * MAX_COLUMNS + col;

export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

export function parseRange(ref: string): Merge {
  const [a, b = a] = ref.split(':');
  const from = parseA1(a);
  const to = parseA1(b);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

/** A text cell that holds its own content (not the continuation of a merged area above or to the left). */
export interface TextCell {
  row: number;
  col: number;
  /** Sheet.shortLabel(): '' for long texts. */
  label: string;
}

/** Read access with merged areas resolved: a value in a merged area applies to each cell of it. */
export class Sheet {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly grid: SheetGrid;
  private readonly mergeIndex = new Map<number, Merge>();
  private readonly labels = new Map<number, string>();
  private textCellList?: TextCell[];

  constructor(grid: SheetGrid) {
    this.grid = grid;
    this.name = grid.name;
    this.rowCount = grid.cells.length;
    this.colCount = grid.cells.reduce((max, row) => Math.max(max, row?.length ?? 0), 0);
    for (const m of grid.merges) {
      // Clamped to the used area: a merge over whole columns must not cost a million map entries.
      for (let r = m.top; r <= Math.min(m.bottom, this.rowCount - 1); r++) {
        for (let c = m.left; c <= Math.min(m.right, this.colCount - 1); c++) this.mergeIndex.set(cellIndex(r, c), m);
      }
    }
  }

  mergeAt(row: number, col: number): Merge | undefined {
    return this.mergeIndex.get(cellIndex(row, col));
  }

  /** The top-left cell of the merged area holding (row, col), or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** True where the cell holds its own content: not merged, or the top-left cell of its merged area. */
  startsAt(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !m || (m.top === row && m.left === col);
  }

  /** Every text cell in reading order, listed once per sheet: detectors look for their anchors here. */
  textCells(): readonly TextCell[] {
    if (!this.textCellList) {
      this.textCellList = [];
      this.grid.cells.forEach((cells, row) =>
        cells?.forEach((cell, col) => {
          if (typeof cell?.value === 'string' && cell.value.trim() && this.startsAt(row, col)) {
            this.textCellList!.push({ row, col, label: this.shortLabel(row, col) });
          }
        }),
      );
    }
    return this.textCellList;
  }

  /** The cell as stored, without merge resolution. */
  rawCell(row: number, col: number): GridCell | undefined {
    return this.grid.cells[row]?.[col];
  }

  cell(row: number, col: number): GridCell | undefined {
    const at = this.masterOf(row, col);
    return this.rawCell(at.row, at.col);
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? null;
  }

  /** The cell's text, trimmed; numbers as written; '' for empty cells. */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    return v === null ? '' : String(v).trim();
  }

  /** The cell's text as a label for matching: normalizeLabel() without a trailing colon; cached per cell. */
  label(row: number, col: number): string {
    const at = this.masterOf(row, col);
    const key = cellIndex(at.row, at.col);
    let label = this.labels.get(key);
    if (label === undefined) {
      const value = this.rawCell(at.row, at.col)?.value;
      label = typeof value === 'string' ? normalizeLabel(value).replace(/[:：]$/, '') : value == null ? '' : String(value);
      this.labels.set(key, label);
    }
    return label;
  }

  /**
   * The label of a short text cell, '' for numbers and long texts: scans for header words and anchors pass over
   * criteria paragraphs without normalising them.
   */
  shortLabel(row: number, col: number, maxLength = 30): string {
    const value = this.value(row, col);
    return typeof value === 'string' && value.length <= maxLength ? this.label(row, col) : '';
  }

  isEmpty(row: number, col: number): boolean {
    const value = this.value(row, col);
    return value === null || (typeof value === 'string' && !/\S/.test(value));
  }

  address(row: number, col: number): string {
    const at = this.masterOf(row, col);
    return toA1(at.row, at.col);
  }
}
