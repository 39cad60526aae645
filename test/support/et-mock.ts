import { parseA1, parseRange, toA1 } from '../../src/index';
import { bgrOf, hexOf, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet, type JournalStore } from '../../hosts/wps/wps-host';
import type { MockSheet, MockWorkbook } from './excel-mock';

/**
 * WPS 表格 for the adapter's tests: the ET object model (Application, Workbook, Worksheet, Range, Interior, Comment)
 * over the same workbook state as the Excel stand-in, so that one scenario can run against both hosts.
 */
const XL_NONE = -4142;
const WHITE = 16777215;

/** The used range of a sheet (a loop: spreading 200,000 cells into Math.min would overflow the stack). */
export function usedBounds(sheet: MockSheet) {
  if (!sheet.cells.size) return undefined;
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  for (const address of sheet.cells.keys()) {
    const { row, col } = parseA1(address);
    [top, left, bottom, right] = [Math.min(top, row), Math.min(left, col), Math.max(bottom, row), Math.max(right, col)];
  }
  return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** Calls into the object model (each a round trip to WPS from the add-in's page). */
function count(book: MockWorkbook): void {
  book.hostCalls = (book.hostCalls ?? 0) + 1;
}

class FakeRange implements EtRange {
  constructor(
    private readonly book: MockWorkbook,
    private readonly sheet: MockSheet,
    private readonly top: number,
    private readonly left: number,
    private readonly rows = 1,
    private readonly cols = 1,
  ) {}

  private get address(): string {
    return toA1(this.top, this.left);
  }

  private grid<T>(f: (address: string) => T): T | T[][] {
    if (this.rows === 1 && this.cols === 1) return f(this.address);
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => f(toA1(this.top + r, this.left + c))));
  }

  private writable(): void {
    if (this.sheet.protected && !this.sheet.unlocked.has(this.address)) throw new Error(`单元格 ${this.address} 受保护`);
    this.reachable();
  }

  /** The test's injected failure: a lost connection, a cell that refuses. */
  private reachable(): void {
    if (this.book.failWrite?.(`${this.sheet.name}!${this.address}`)) throw new Error(`无法写入 ${this.sheet.name}!${this.address}`);
  }

  get Value2(): unknown {
    count(this.book);
    return this.grid((a) => this.sheet.cells.get(a)?.value ?? undefined);
  }
  set Value2(v: unknown) {
    this.writable();
    if (v === '' || v === null || v === undefined) this.sheet.cells.delete(this.address);
    else this.sheet.cells.set(this.address, { value: v });
  }
  get Formula(): unknown {
    count(this.book);
    return this.grid((a) => {
      const c = this.sheet.cells.get(a);
      return c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? '');
    });
  }
  set Formula(v: unknown) {
    this.writable();
    const text = String(v);
    if (text.startsWith('=')) this.sheet.cells.set(this.address, { value: 0, formula: text.slice(1) });
    else this.Value2 = v;
  }
  get NumberFormat(): unknown {
    count(this.book);
    const formats = new Set<string>();
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) formats.add(this.sheet.cells.get(toA1(this.top + r, this.left + c))?.numFmt ?? 'General');
    return formats.size === 1 ? [...formats][0] : null;
  }
  get Row() {
    return this.top + 1;
  }
  get Column() {
    return this.left + 1;
  }
  get Rows() {
    return { Count: this.rows };
  }
  get Columns() {
    return { Count: this.cols };
  }
  private mergeHere() {
    return this.sheet.merges.map(parseRange).find((m) => m.top <= this.top && this.top <= m.bottom && m.left <= this.left && this.left <= m.right);
  }
  /** As in ET: true when every cell is in a merged area, false when none is, null when mixed. */
  get MergeCells() {
    count(this.book);
    const merges = this.sheet.merges.map(parseRange);
    let inside = 0;
    for (let r = this.top; r < this.top + this.rows; r++) {
      for (let c = this.left; c < this.left + this.cols; c++)
        if (merges.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right)) inside++;
    }
    return inside === 0 ? false : inside === this.rows * this.cols ? true : null;
  }
  get MergeArea(): EtRange {
    const m = this.mergeHere();
    return m ? new FakeRange(this.book, this.sheet, m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1) : this;
  }
  get Locked() {
    return !this.sheet.unlocked.has(this.address);
  }
  get Interior() {
    const { sheet, address } = this;
    const reachable = () => {
      if (sheet.protected && !sheet.allowFormatCells) throw new Error(`工作表 ${sheet.name} 受保护，不能设置格式`);
      this.reachable();
    };
    return {
      get Color() {
        const fill = sheet.fills.get(address);
        return fill ? bgrOf(fill) : WHITE;
      },
      set Color(bgr: number) {
        reachable();
        sheet.fills.set(address, hexOf(bgr));
      },
      get ColorIndex() {
        return sheet.fills.has(address) ? 1 : XL_NONE;
      },
      set ColorIndex(i: number) {
        reachable();
        if (i === XL_NONE) sheet.fills.delete(address);
      },
      get Pattern() {
        return sheet.fills.has(address) ? 1 : XL_NONE;
      },
    };
  }
  /** A cell that refuses comments, as the test asks. */
  private annotatable(): void {
    this.reachable();
    if (this.book.refuseNotes?.has(`${this.sheet.name}!${this.address}`)) throw new Error(`单元格 ${this.address} 不能添加批注`);
  }
  get Comment() {
    const { sheet, address } = this;
    if (!sheet.notes.has(address)) return null;
    const annotatable = () => this.annotatable();
    return {
      Text(text?: string) {
        if (text !== undefined) {
          annotatable();
          sheet.notes.set(address, text);
        }
        return sheet.notes.get(address)!;
      },
    };
  }
  Address(): string {
    const end = toA1(this.top + this.rows - 1, this.left + this.cols - 1);
    return this.rows === 1 && this.cols === 1 ? this.address : `${this.address}:${end}`;
  }
  AddComment(text: string) {
    if (this.sheet.protected && !this.sheet.allowEditObjects) throw new Error(`工作表 ${this.sheet.name} 受保护，不能编辑批注`);
    this.annotatable();
    this.sheet.notes.set(this.address, text);
    return {};
  }
  ClearComments() {
    this.sheet.notes.delete(this.address);
  }
  Select() {
    this.book.selected = `${this.sheet.name}!${this.address}`;
  }
  get Cells() {
    return { Item: (row: number, column: number) => new FakeRange(this.book, this.sheet, this.top + row - 1, this.left + column - 1) };
  }
}

function worksheet(book: MockWorkbook, sheet: MockSheet): EtWorksheet {
  return {
    Name: sheet.name,
    get UsedRange() {
      count(book);
      const used = usedBounds(sheet);
      return used ? new FakeRange(book, sheet, used.top, used.left, used.rows, used.cols) : new FakeRange(book, sheet, 0, 0);
    },
    ProtectContents: sheet.protected,
    ProtectDrawingObjects: sheet.protected && !sheet.allowEditObjects,
    Protection: { AllowFormattingCells: !!sheet.allowFormatCells },
    Range: (address: string) => {
      count(book);
      const m = parseRange(address);
      return new FakeRange(book, sheet, m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1);
    },
    Activate: () => {
      book.selected = `${sheet.name}!`;
    },
  };
}

export function etApplication(book: MockWorkbook, fullName = 'D:/收件/评分表.xlsx'): EtApplication {
  const workbook: EtWorkbook = {
    FullName: fullName,
    Sheets: {
      get Count() {
        return book.sheets.length;
      },
      Item: (index: number | string) => {
        const sheet = typeof index === 'number' ? book.sheets[index - 1] : book.sheets.find((s) => s.name === index);
        if (!sheet) throw new Error(`没有工作表 ${index}`);
        return worksheet(book, sheet);
      },
    },
  };
  return { ActiveWorkbook: workbook };
}

/** The add-in's page storage. */
export function memoryStore(): JournalStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}
