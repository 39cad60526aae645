import { createChecker, fillTargets, type Checker, type CheckResult, type Finding, type Severity } from '../src/index';
import { cellKey, NOTE_TITLE, type CellAddress, type CellChange, type CellState, type SpreadsheetHost } from './host';
import { applied, changesSomething, parseJournal, undoChange, type Journal, type JournalEntry } from './journal';

/** Fills per severity: the light red, yellow and blue a clerk knows from Excel's own conditional formats. */
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface CheckOutcome {
  result: CheckResult;
  marked: number;
  /** Cells that got neither fill nor note: their findings are only listed in the pane. */
  unmarked: CellAddress[];
  /** Cells marked with a fill but no note (protection, a comment thread of the clerk's, a cell that refused it). */
  withoutNote: CellAddress[];
  /** Protected sheets that kept a fill or a note out: the ones to unprotect. */
  unprotect: string[];
}

/** A cell the fill would overwrite: what the clerk typed there and what the rule engine computed. */
export interface Overwrite extends CellAddress {
  current: string;
  proposed: string;
}

export interface FillOutcome {
  written: number;
  /** Cells the clerk chose to keep. */
  kept: number;
  /** Set when nothing was written because some cells are protected. */
  locked?: CellAddress[];
  /** Set when the workbook holds no indicator whose score its own figures decide. */
  nothingToFill?: boolean;
}

export interface UndoOutcome {
  action?: JournalEntry['action'];
  restored: number;
  /** Cells changed by the clerk since the add-in wrote them: left as she made them. */
  keptByUser: number;
}

/**
 * A write that failed part-way. The journal entry was saved before the first cell was written; rolledBack tells
 * whether the cells already written were put back (and the entry dropped) or whether 撤销 has to finish the job.
 */
export class WriteFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly rolledBack: boolean,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    // Compiled to ES5 (the Office 2016 pane), a subclass of Error loses its prototype: instanceof needs it back.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

const shown = (v: CellState['value']) => (v === null ? '' : String(v));

/** The note of a marked cell: the clerk's own note first, then ours. */
function noteFor(findings: Finding[], existing: string | null): string {
  const ours = `${NOTE_TITLE}\n${findings.map((f) => f.message).join('\n')}`;
  return existing ? `${existing}\n${ours}` : ours;
}

/**
 * The task pane's work, host-independent: 检查本表 (check, mark), 填写自评得分, 清除标注 and 撤销, all through the
 * undo journal kept in the workbook.
 */
export class PaneSession {
  constructor(
    readonly host: SpreadsheetHost,
    private readonly checker: Checker = createChecker(),
  ) {}

  private async journal(): Promise<Journal> {
    return parseJournal(await this.host.loadJournal());
  }

  private async save(journal: Journal): Promise<void> {
    await this.host.saveJournal(journal.entries.length ? JSON.stringify(journal) : null);
  }

  /** Checks the whole workbook, replaces the previous marks by new ones: a fill per severity and a note per cell. */
  async check(): Promise<CheckOutcome> {
    await this.clearMarks();
    const result = this.checker.check(await this.host.readWorkbook());
    const byCell = new Map<string, Finding[]>();
    for (const f of result.findings) {
      const key = cellKey({ sheet: f.sheet, cell: f.cell });
      byCell.set(key, [...(byCell.get(key) ?? []), f]);
    }
    const cells = [...byCell.values()].map((fs) => ({ sheet: fs[0].sheet, cell: fs[0].cell }));
    if (!cells.length) return { result, marked: 0, unmarked: [], withoutNote: [], unprotect: [] };
    const writable = await this.host.writable(cells);
    const rights = new Map(writable.map((w, i) => [cellKey(cells[i]), w]));
    // Fills and notes only where the sheet's protection options let them: nothing is tried and refused.
    const unprotect = [...new Set(cells.filter((_, i) => writable[i].protectedSheet && !(writable[i].fill && writable[i].note)).map((c) => c.sheet))];
    const markable = cells.filter((_, i) => writable[i].fill || writable[i].note);
    const before = await this.host.readCells(markable);
    const after: CellChange[] = before.map((b) => {
      const fs = byCell.get(cellKey(b))!.sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity]);
      const may = rights.get(cellKey(b))!;
      return {
        sheet: b.sheet,
        cell: b.cell,
        ...(may.fill ? { fill: MARK_FILL[fs[0].severity] } : {}),
        ...(may.note ? { note: noteFor(fs, b.note) } : {}),
      };
    });
    const refused = after.length ? await this.apply('mark', before, after) : [];
    const noted = new Set(after.filter((a) => a.note !== undefined).map(cellKey));
    for (const r of refused) noted.delete(cellKey(r));
    return {
      result,
      marked: after.length,
      unmarked: cells.filter((c) => !markable.includes(c)),
      withoutNote: markable.filter((c) => !noted.has(cellKey(c))),
      unprotect,
    };
  }

  /**
   * Writes the 自评得分 and 扣分原因 the rule engine computes from the workbook's figures. Cells holding something
   * else are overwritten only if the clerk agrees; on a protected cell nothing at all is written.
   */
  async fill(confirmOverwrite: (cells: Overwrite[]) => Promise<boolean>): Promise<FillOutcome> {
    const proposals = this.checker.propose(await this.host.readWorkbook());
    const targets: CellChange[] = fillTargets(proposals);
    if (!targets.length) return { written: 0, kept: 0, nothingToFill: true };
    const before = await this.host.readCells(targets);
    const current = new Map(before.map((b) => [cellKey(b), b]));
    const changed = targets.filter((t) => shown(current.get(cellKey(t))!.value) !== String(t.value) || current.get(cellKey(t))!.formula);
    const typed = changed.filter((t) => shown(current.get(cellKey(t))!.value) !== '');
    let chosen = changed;
    if (typed.length) {
      const overwrites = typed.map((t) => ({
        sheet: t.sheet,
        cell: t.cell,
        current: shown(current.get(cellKey(t))!.value),
        proposed: String(t.value),
      }));
      if (!(await confirmOverwrite(overwrites))) chosen = changed.filter((t) => !typed.includes(t));
    }
    if (!chosen.length) return { written: 0, kept: typed.length };
    const rights = await this.host.writable(chosen);
    const locked = chosen.filter((_, i) => !rights[i].content).map(({ sheet, cell }) => ({ sheet, cell }));
    if (locked.length) return { written: 0, kept: 0, locked };
    await this.apply(
      'fill',
      chosen.map((c) => current.get(cellKey(c))!),
      chosen,
    );
    return { written: chosen.length, kept: changed.length - chosen.length };
  }

  /**
   * Writes the changes, journaled first: whatever happens part-way (a protected cell, a lost connection, a request
   * too large), the entry knows every cell's original. A failed write is rolled back at once where the host lets
   * us; otherwise the entry stays for 撤销.
   */
  private async apply(action: JournalEntry['action'], before: CellState[], after: CellChange[]): Promise<CellAddress[]> {
    const journal = await this.journal();
    journal.entries.push({ action, at: new Date().toISOString(), before, after });
    await this.save(journal);
    try {
      return (await this.host.writeCells(after)).notesRefused;
    } catch (reason) {
      let rolledBack = false;
      try {
        await this.restore(after.map((a, i) => ({ before: before[i], after: a })));
        journal.entries.pop();
        await this.save(journal);
        rolledBack = true;
      } catch {
        // The entry stays in the journal: 撤销 puts back whatever was written.
      }
      throw new WriteFailed(reason, rolledBack);
    }
  }

  /** Puts back the fill and note of every cell the add-in marked; values and anything else stay. */
  async clearMarks(): Promise<number> {
    const journal = await this.journal();
    const marks = journal.entries.filter((e) => e.action === 'mark');
    if (!marks.length) return 0;
    const restored = await this.restore(marks.flatMap((e) => e.after.map((a, i) => ({ before: e.before[i], after: a }))));
    journal.entries = journal.entries.filter((e) => e.action !== 'mark');
    await this.save(journal);
    return restored.restored;
  }

  /** Undoes the add-in's last action, cell for cell as it was. */
  async undo(): Promise<UndoOutcome> {
    const journal = await this.journal();
    const entry = journal.entries.pop();
    if (!entry) return { restored: 0, keptByUser: 0 };
    const outcome = await this.restore(entry.after.map((a, i) => ({ before: entry.before[i], after: a })));
    await this.save(journal);
    return { action: entry.action, ...outcome };
  }

  /** What 撤销 would undo, for the pane to say. */
  async lastAction(): Promise<JournalEntry | undefined> {
    const journal = await this.journal();
    return journal.entries[journal.entries.length - 1];
  }

  private async restore(pairs: { before: CellState; after: CellChange }[]): Promise<{ restored: number; keptByUser: number }> {
    if (!pairs.length) return { restored: 0, keptByUser: 0 };
    const current = new Map((await this.host.readCells(pairs.map((p) => p.before))).map((c) => [cellKey(c), c]));
    const changes: CellChange[] = [];
    let keptByUser = 0;
    // Undone newest first, so that a cell changed twice ends as it was before the first change.
    for (const { before, after } of [...pairs].reverse()) {
      const key = cellKey(before);
      const change = undoChange(before, after, current.get(key)!);
      if (change === 'kept') {
        keptByUser++;
        continue;
      }
      current.set(key, applied(current.get(key)!, change));
      if (changesSomething(change)) changes.push(change);
    }
    if (changes.length) await this.host.writeCells(changes);
    return { restored: pairs.length - keptByUser, keptByUser };
  }
}
