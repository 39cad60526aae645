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

/** What the add-in may write in a cell, as the sheet's protection (and, for the note, the cell's comments) allow. */
export interface Writable {
  /** Value or formula: the sheet is unprotected or the cell unlocked. */
  content: boolean;
  /** The fill: the sheet is unprotected or lets users format cells. */
  fill: boolean;
  /**
   * A note: the sheet is unprotected or lets users edit objects, the host has notes or comments, and no comment
   * thread of the clerk's is in the way (a thread is never edited; a note cannot sit beside one in Excel).
   */
  note: boolean;
  /** The sheet is protected: unprotecting it is what the clerk can do when something above is false. */
  protectedSheet: boolean;
}

export interface SpreadsheetHost {
  readonly name: string;
  /** Every sheet's used range: values, formulas, number formats, merged areas. */
  readWorkbook(): Promise<WorkbookGrid>;
  readCells(cells: readonly CellAddress[]): Promise<CellState[]>;
  /** What may be written in each of these cells, in their order. */
  writable(cells: readonly CellAddress[]): Promise<Writable[]>;
  /**
   * Writes the changes. A content or fill that cannot be written fails the whole call (the session rolls back);
   * a note a cell refuses is left out and named in the answer, so that one cell does not sink the action.
   */
  writeCells(changes: readonly CellChange[]): Promise<{ notesRefused: CellAddress[] }>;
  select(cell: CellAddress): Promise<void>;
  /** The undo journal, kept in the workbook itself so that it survives a closed pane. */
  loadJournal(): Promise<string | null>;
  saveJournal(json: string | null): Promise<void>;
}

/** The first line of every note the add-in writes: how a comment of ours is told from the clerk's. */
export { NOTE_TITLE } from '../src/index';

export const cellKey = (c: CellAddress) => `${c.sheet}!${c.cell}`;
