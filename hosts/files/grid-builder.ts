import {
  damageNotes,
  toA1 as cellName,
  type DamageWords,
  type FilePart,
  type GridCell,
  type Merge,
  type SheetGrid,
  type WorkbookGrid,
} from '../../src/index';
import { MAX_CELLS, MAX_COLS, MAX_INFLATED_BYTES, MAX_MERGED_CELLS, MAX_ROWS, MAX_TEXT_LENGTH, SUSPICIOUS_MERGE_CELLS, limitRefusal } from './limits';

/** Damage the reader read around: reported once per kind and sheet, with how often it occurred. */
export interface DamageNote {
  part: FilePart;
  /** Where the first occurrence is; the first sheet when the damage is not in one sheet. */
  sheet?: string;
  cell?: string;
  /** What was wrong and what the reader did, in Chinese, without a full stop. */
  what: string;
  count: number;
}

/** A workbook as the files host reads it: the grid, and the damage it read around. */
export type ReadWorkbook = WorkbookGrid & { damage: DamageNote[] };

/** A workbook that cannot be read as a workbook at all; the message is for the user, in Chinese. */
export class WorkbookReadError extends Error {}

export const refuse = (message: string): never => {
  throw new WorkbookReadError(message);
};

export class DamageLog {
  private readonly notes = new Map<string, DamageNote>();

  note({ part, what }: DamageWords, sheet?: string, cell?: string): void {
    const key = `${part}|${sheet ?? ''}|${what}`;
    const seen = this.notes.get(key);
    if (seen) seen.count++;
    else this.notes.set(key, { part, what, count: 1, ...(sheet !== undefined ? { sheet } : {}), ...(cell ? { cell } : {}) });
  }

  list(): DamageNote[] {
    return [...this.notes.values()];
  }
}

/**
 * Adds up the sizes the zip declares for the parts inflated so far and refuses the workbook beyond the limit. A part
 * is never inflated beyond its declared size, so this bounds what reading may inflate.
 */
export function inflationBudget(): (declaredSize: number) => void {
  let declared = 0;
  return (size) => {
    declared += size;
    if (declared > MAX_INFLATED_BYTES) refuse(limitRefusal.inflated(declared));
  };
}

/** Counts shared by all sheets of one workbook, so that the limits hold per workbook. */
export class Budget {
  cells = 0;
  merged = 0;
}

/**
 * Builds one SheetGrid from cells and merged areas in any order, whatever the file format, and repairs on the way
 * what can be repaired: a cell given twice is read once, a text longer than Excel allows is cut, a merged area is
 * normalised, clipped to the sheet's data and dropped where it overlaps an earlier one.
 */
export class SheetBuilder {
  private readonly cells: (GridCell | undefined)[][] = [];
  private readonly mergeRefs: Merge[] = [];
  /** The furthest row and column any cell element reaches, empty or not: the extent merged areas are clipped to. */
  private extentRow = -1;
  private extentCol = -1;

  constructor(
    readonly name: string,
    private readonly budget: Budget,
    private readonly damage: DamageLog,
    private readonly refuse: (message: string) => never,
  ) {}

  /** A cell element seen at (row, col), with or without a value. False when the position is impossible. */
  touch(row: number, col: number): boolean {
    if (!(row >= 0 && row < MAX_ROWS && col >= 0 && col < MAX_COLS)) {
      this.damage.note(damageNotes.cellOutsideSheet, this.name);
      return false;
    }
    if (row > this.extentRow) this.extentRow = row;
    if (col > this.extentCol) this.extentCol = col;
    return true;
  }

  set(row: number, col: number, cell: GridCell): void {
    if (!this.touch(row, col)) return;
    const cells = (this.cells[row] ??= []);
    if (cells[col]) {
      this.damage.note(damageNotes.repeatedCell, this.name, cellName(row, col));
      return;
    }
    if (typeof cell.value === 'string' && cell.value.length > MAX_TEXT_LENGTH) {
      this.damage.note(damageNotes.textCut(MAX_TEXT_LENGTH), this.name, cellName(row, col));
      cell.value = cell.value.slice(0, MAX_TEXT_LENGTH);
    }
    if (++this.budget.cells > MAX_CELLS) this.refuse(limitRefusal.cells());
    cells[col] = cell;
  }

  has(row: number, col: number): boolean {
    return this.cells[row]?.[col] !== undefined;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (![top, left, bottom, right].every(Number.isInteger)) {
      this.damage.note(damageNotes.mergeUnreadable, this.name);
      return;
    }
    if (top > bottom || left > right) {
      this.damage.note(damageNotes.mergeReversed, this.name, cellName(Math.min(top, bottom), Math.min(left, right)));
      [top, bottom] = [Math.min(top, bottom), Math.max(top, bottom)];
      [left, right] = [Math.min(left, right), Math.max(left, right)];
    }
    if (top < 0 || left < 0 || bottom >= MAX_ROWS || right >= MAX_COLS) {
      this.damage.note(damageNotes.mergeOutsideSheet, this.name);
      return;
    }
    if ((bottom - top + 1) * (right - left + 1) > SUSPICIOUS_MERGE_CELLS) {
      this.damage.note(damageNotes.mergeHuge, this.name, cellName(top, left));
    }
    this.mergeRefs.push({ top, left, bottom, right });
  }

  /**
   * The sheet as the core reads it. Merged areas are clipped to the cells the sheet has; rows a merged area covers
   * count as rows of the sheet (as Excel shows them), and an area overlapping an earlier one is dropped.
   */
  finish(): SheetGrid {
    const merges: Merge[] = [];
    const taken = new Set<number>();
    for (const m of this.mergeRefs) {
      const clipped = { top: m.top, left: m.left, bottom: Math.min(m.bottom, this.extentRow), right: Math.min(m.right, this.extentCol) };
      if (clipped.bottom < clipped.top || clipped.right < clipped.left) continue;
      if (clipped.bottom === clipped.top && clipped.right === clipped.left) continue;
      const area = (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
      if ((this.budget.merged += area) > MAX_MERGED_CELLS) this.refuse(limitRefusal.merged());
      let overlaps = false;
      for (let r = clipped.top; r <= clipped.bottom && !overlaps; r++) {
        for (let c = clipped.left; c <= clipped.right; c++) if (taken.has(r * MAX_COLS + c)) overlaps = true;
      }
      if (overlaps) {
        this.damage.note(damageNotes.mergeOverlap, this.name, cellName(m.top, m.left));
        continue;
      }
      for (let r = clipped.top; r <= clipped.bottom; r++) for (let c = clipped.left; c <= clipped.right; c++) taken.add(r * MAX_COLS + c);
      // The core resolves merged areas itself: what a covered cell holds is not part of the sheet.
      for (let r = clipped.top; r <= clipped.bottom; r++) {
        const row = this.cells[r];
        if (row) for (let c = clipped.left; c <= clipped.right; c++) if ((r !== clipped.top || c !== clipped.left) && row[c]) row[c] = undefined;
      }
      merges.push(clipped);
    }
    const rowCount = merges.reduce((n, m) => Math.max(n, m.bottom + 1), this.cells.length);
    const cells = new Array<(GridCell | undefined)[]>(rowCount);
    for (let r = 0; r < rowCount; r++) cells[r] = trimRow(this.cells[r]);
    return { name: this.name, cells, merges };
  }
}

/** A row without trailing holes (a covered cell of a merged area removed at the end of a row). */
function trimRow(row: (GridCell | undefined)[] | undefined): (GridCell | undefined)[] {
  if (!row) return [];
  let end = row.length;
  while (end > 0 && row[end - 1] === undefined) end--;
  if (end < row.length) row.length = end;
  return row;
}
