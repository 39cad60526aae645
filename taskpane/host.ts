import type { WorkbookGrid } from '../src/index';

/**
 * What the pane needs from a spreadsheet program. Excel (Office.js) and WPS (ET object model) each implement it in
 * a thin adapter; everything else — the check, the marks, the fill, the undo journal — is shared.
 */
export interface CellAddress {
  sheet: string;
  /** A1 address. */
  cell: string;
}

/** A cell as the add-in may change it: its content, its fill, its note. */
export interface CellState extends CellAddress {
  value: string | number | boolean | null;
  /** The formula, without "=", when the cell holds one: restoring gives the formula back, not its value. */
  formula?: string;
  /** '#RRGGBB', or null for no fill. */
  fill: string | null;
  note: string | null;
}

/** What to change in a cell; absent fields stay as they are. */
export interface CellChange extends CellAddress {
  value?: string | number | boolean | null;
  formula?: string;
  fill?: string | null;
  note?: string | null;
}

export interface SpreadsheetHost {
  readonly name: string;
  /** Every sheet's used range: values, formulas, number formats, merged areas. */
  readWorkbook(): Promise<WorkbookGrid>;
  readCells(cells: readonly CellAddress[]): Promise<CellState[]>;
  /** The cells among these that cannot be written: locked cells of protected sheets. */
  lockedCells(cells: readonly CellAddress[]): Promise<CellAddress[]>;
  writeCells(changes: readonly CellChange[]): Promise<void>;
  select(cell: CellAddress): Promise<void>;
  /** The undo journal, kept in the workbook itself so that it survives a closed pane. */
  loadJournal(): Promise<string | null>;
  saveJournal(json: string | null): Promise<void>;
}

export const cellKey = (c: CellAddress) => `${c.sheet}!${c.cell}`;
