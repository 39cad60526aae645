import { parseA1, toA1, type CellValue, type WorkbookGrid } from '../../src/index';
import { cellKey, type CellAddress, type CellChange, type CellState, type SpreadsheetHost, type Writable } from '../../taskpane/host';

/**
 * A spreadsheet in memory behind the SpreadsheetHost interface: values of a fixture workbook, plus fills, notes,
 * protected sheets and the stored journal. Counts the calls, as a host's round trips.
 */
export class MemoryHost implements SpreadsheetHost {
  readonly name = 'memory';
  readonly fills = new Map<string, string>();
  readonly notes = new Map<string, string>();
  /** Cells of protected sheets that are locked: sheet → set of A1 addresses, or '*' for the whole sheet. */
  readonly locked = new Map<string, Set<string> | '*'>();
  /** What a protected sheet (one in `locked`) still lets users do; by default, neither. */
  readonly allow = new Map<string, { formatCells: boolean; editObjects: boolean }>();
  /** Cells that refuse a note when it is written. */
  readonly refuseNotes = new Set<string>();
  journal: string | null = null;
  calls = 0;

  constructor(readonly grid: WorkbookGrid) {}

  private cellOf(a: CellAddress) {
    const sheet = this.grid.sheets.find((s) => s.name === a.sheet);
    if (!sheet) throw new Error(`no sheet ${a.sheet}`);
    const { row, col } = parseA1(a.cell);
    while (sheet.cells.length <= row) sheet.cells.push([]);
    return { sheet, row, col };
  }

  async readWorkbook(): Promise<WorkbookGrid> {
    this.calls++;
    return structuredClone(this.grid);
  }

  async readCells(cells: readonly CellAddress[]): Promise<CellState[]> {
    this.calls++;
    return cells.map((a) => {
      const { sheet, row, col } = this.cellOf(a);
      const cell = sheet.cells[row][col];
      return {
        sheet: a.sheet,
        cell: a.cell,
        value: cell?.value ?? null,
        ...(cell?.formula !== undefined ? { formula: cell.formula } : {}),
        fill: this.fills.get(cellKey(a)) ?? null,
        note: this.notes.get(cellKey(a)) ?? null,
      };
    });
  }

  async writable(cells: readonly CellAddress[]): Promise<Writable[]> {
    this.calls++;
    return cells.map((c) => {
      const lock = this.locked.get(c.sheet);
      const allow = this.allow.get(c.sheet) ?? { formatCells: false, editObjects: false };
      return {
        content: !(lock === '*' || !!lock?.has(c.cell)),
        fill: !lock || allow.formatCells,
        note: !lock || allow.editObjects,
        protectedSheet: !!lock,
      };
    });
  }

  async writeCells(changes: readonly CellChange[]): Promise<{ notesRefused: CellAddress[] }> {
    this.calls++;
    const notesRefused: CellAddress[] = [];
    const rights = await this.writable(changes);
    this.calls--;
    for (const [i, c] of changes.entries()) {
      const may = rights[i];
      if ((!may.content && (c.value !== undefined || c.formula !== undefined)) || (!may.fill && c.fill !== undefined) || (!may.note && c.note !== undefined)) {
        throw new Error(`locked ${cellKey(c)}`);
      }
      const { sheet, row, col } = this.cellOf(c);
      if (c.formula !== undefined) sheet.cells[row][col] = { value: 0, formula: c.formula };
      else if (c.value !== undefined) sheet.cells[row][col] = c.value === null ? undefined : { value: c.value as CellValue };
      if (c.fill !== undefined) (c.fill === null ? this.fills.delete(cellKey(c)) : this.fills.set(cellKey(c), c.fill));
      if (c.note === undefined) continue;
      if (this.refuseNotes.has(cellKey(c))) notesRefused.push({ sheet: c.sheet, cell: c.cell });
      else if (c.note === null) this.notes.delete(cellKey(c));
      else this.notes.set(cellKey(c), c.note);
    }
    return { notesRefused };
  }

  selected?: CellAddress;
  async select(cell: CellAddress): Promise<void> {
    this.selected = cell;
  }

  async loadJournal(): Promise<string | null> {
    return this.journal;
  }

  async saveJournal(json: string | null): Promise<void> {
    this.journal = json;
  }

  /** Every value, fill and note, for "exactly as it was" comparisons. */
  state(): Record<string, unknown> {
    const cells: Record<string, unknown> = {};
    for (const sheet of this.grid.sheets) {
      sheet.cells.forEach((row, r) => row?.forEach((c, col) => c && (cells[`${sheet.name}!${toA1(r, col)}`] = c)));
    }
    return { cells, fills: Object.fromEntries(this.fills), notes: Object.fromEntries(this.notes) };
  }
}
