import type { CellChange, CellState } from './host';

/** One action of the add-in, with every cell as it was before and what the add-in made of it. */
export interface JournalEntry {
  action: 'mark' | 'fill';
  /** ISO time, for the pane's "上次操作" line. */
  at: string;
  before: CellState[];
  after: CellChange[];
}

export interface Journal {
  version: 1;
  entries: JournalEntry[];
}

export const emptyJournal = (): Journal => ({ version: 1, entries: [] });

/** The journal as stored; anything unreadable starts a new one rather than failing the pane. */
export function parseJournal(json: string | null): Journal {
  if (!json) return emptyJournal();
  try {
    const parsed = JSON.parse(json) as Journal;
    return parsed.version === 1 && Array.isArray(parsed.entries) ? parsed : emptyJournal();
  } catch {
    return emptyJournal();
  }
}

const sameFill = (a: string | null | undefined, b: string | null | undefined) => (a?.toUpperCase() ?? null) === (b?.toUpperCase() ?? null);
const sameNote = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);
const sameContent = (cell: CellState, value: CellState['value'] | undefined, formula: string | undefined) =>
  formula !== undefined ? cell.formula === formula : cell.formula === undefined && String(cell.value ?? '') === String(value ?? '');

/**
 * What puts a cell back as it was before the add-in wrote it, field by field (content, fill, note): a field still
 * holding what the add-in wrote goes back, a field already as it was stays. A field the clerk has changed since
 * makes the whole cell hers ('kept'). A write cut off half-way leaves some fields written and some not: this is
 * what rolls it back, and what makes undoing twice harmless.
 */
export function undoChange(before: CellState, written: CellChange, current: CellState): CellChange | 'kept' {
  const change: CellChange = { sheet: before.sheet, cell: before.cell };
  if (written.fill !== undefined && !sameFill(current.fill, before.fill)) {
    if (!sameFill(current.fill, written.fill)) return 'kept';
    change.fill = before.fill;
  }
  if (written.note !== undefined && !sameNote(current.note, before.note)) {
    if (!sameNote(current.note, written.note)) return 'kept';
    change.note = before.note;
  }
  if ((written.value !== undefined || written.formula !== undefined) && !sameContent(current, before.value, before.formula)) {
    if (!sameContent(current, written.value, written.formula)) return 'kept';
    if (before.formula !== undefined) change.formula = before.formula;
    else change.value = before.value;
  }
  return change;
}

/** The state of a cell once a change is applied, for undoing several entries in a row. */
export function applied(state: CellState, change: CellChange): CellState {
  const next: CellState = { ...state };
  if (change.fill !== undefined) next.fill = change.fill;
  if (change.note !== undefined) next.note = change.note;
  if (change.formula !== undefined) next.formula = change.formula;
  else if (change.value !== undefined) {
    next.value = change.value;
    delete next.formula;
  }
  return next;
}

/** Whether a change changes anything. */
export const changesSomething = (c: CellChange) => c.fill !== undefined || c.note !== undefined || c.value !== undefined || c.formula !== undefined;
