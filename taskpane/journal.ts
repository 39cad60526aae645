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

/**
 * Whether a cell still holds what the add-in wrote there. Only then is it put back: a fill or note the clerk
 * changed since is hers, and stays.
 */
export function stillOurs(current: CellState, written: CellChange): boolean {
  if (written.fill !== undefined && current.fill?.toUpperCase() !== written.fill?.toUpperCase()) return false;
  if (written.note !== undefined && (current.note ?? null) !== (written.note ?? null)) return false;
  if (written.value !== undefined && String(current.value ?? '') !== String(written.value ?? '')) return false;
  return true;
}

/** The change that puts back, of a cell's state before, what the add-in touched. */
export function restoring(before: CellState, written: CellChange): CellChange {
  const change: CellChange = { sheet: before.sheet, cell: before.cell };
  if (written.fill !== undefined) change.fill = before.fill;
  if (written.note !== undefined) change.note = before.note;
  if (written.value !== undefined || written.formula !== undefined) {
    if (before.formula !== undefined) change.formula = before.formula;
    else change.value = before.value;
  }
  return change;
}
