import { OfficeMockObject } from 'office-addin-mock';
import { parseRange, toA1, type WorkbookGrid } from '../../src/index';
import { excelCapabilities } from '../../hosts/excel/excel-host';
import { usedBounds } from './et-mock';

/** An Excel with every requirement set the adapter can use (Microsoft 365). */
export const ALL_CAPABILITIES = excelCapabilities(() => true);

/**
 * Excel for the adapter's unit tests: a workbook state, and an Excel.run that hands the adapter a context built
 * with Microsoft's office-addin-mock (so that reading a property not loaded, or not synced, fails as in Excel), then
 * commits what the adapter wrote back into the state, as Excel does at sync.
 */
export interface MockSheet {
  name: string;
  cells: Map<string, { value: unknown; formula?: string; numFmt?: string }>;
  merges: string[];
  fills: Map<string, string>;
  notes: Map<string, string>;
  /** Threaded comments (ExcelApi 1.10), the first comment's text by cell. */
  threads: Map<string, string>;
  protected: boolean;
  /** What the protection still lets users do (Excel's "Format cells" and "Edit objects"). */
  allowFormatCells?: boolean;
  allowEditObjects?: boolean;
  /** Cells unlocked for editing on a protected sheet. */
  unlocked: Set<string>;
}

export interface MockWorkbook {
  sheets: MockSheet[];
  settings: Map<string, string>;
  selected?: string;
  /** Every Excel.run's count of ranges read with values, for the 5 MB chunking test. */
  largestRead: number;
  /** Calls into WPS's object model (et-mock). */
  hostCalls?: number;
  /** Cells of the ranges asked for before each context.sync(), one number per sync. */
  cellsPerSync?: number[];
  /** Excel on the web's response limit (5 MB): a sync whose ranges' values, formulas and formats weigh more fails. */
  responseLimitBytes?: number;
  /** A write to this cell ('Sheet!A1') fails, as on a protected cell or a lost connection; what came before stays written. */
  failWrite?: (cell: string) => boolean;
  /** Cells ('Sheet!A1') that refuse a note or comment, and only that: their value and fill are written. */
  refuseNotes?: Set<string>;
}

/** A sheet with nothing on it but what is given: no fills, notes or protection. */
export function mockSheet(name: string, cells: MockSheet['cells'] = new Map(), merges: string[] = []): MockSheet {
  return { name, cells, merges, fills: new Map(), notes: new Map(), threads: new Map(), protected: false, unlocked: new Set() };
}

export function mockWorkbook(grid: WorkbookGrid): MockWorkbook {
  return {
    sheets: grid.sheets.map((s) => {
      const cells = new Map<string, { value: unknown; formula?: string; numFmt?: string }>();
      s.cells.forEach((row, r) => row?.forEach((c, col) => c && cells.set(toA1(r, col), { value: c.value, formula: c.formula, numFmt: c.numFmt })));
      return mockSheet(
        s.name,
        cells,
        s.merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`),
      );
    }),
    settings: new Map(),
    largestRead: 0,
  };
}

const NOT_LOADED = (() => {
  const probe = new OfficeMockObject({ x: 1 }) as unknown as { x: unknown };
  return probe.x;
})();
const assigned = (v: unknown, original: unknown) => v !== NOT_LOADED && v !== original;

/** Installs a global Excel whose run() works on the given workbook. */
export function installExcel(book: MockWorkbook): void {
  (globalThis as Record<string, unknown>).Excel = {
    run: async <T>(work: (context: unknown) => Promise<T>): Promise<T> => {
      const commits: (() => void)[] = [];
      const context = buildContext(book, commits);
      const result = await work(context);
      commits.forEach((commit) => commit());
      return result;
    },
  };
}

function cellValue(sheet: MockSheet, address: string) {
  const c = sheet.cells.get(address);
  return { value: c?.value ?? '', formula: c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? ''), numFmt: c?.numFmt ?? 'General' };
}

function block(sheet: MockSheet, top: number, left: number, rows: number, cols: number) {
  const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cellValue(sheet, toA1(top + r, left + c))));
  return {
    values: grid.map((row) => row.map((c) => c.value)),
    formulas: grid.map((row) => row.map((c) => c.formula)),
    numberFormat: grid.map((row) => row.map((c) => c.numFmt)),
  };
}

function buildContext(book: MockWorkbook, commits: (() => void)[]) {
  let asked = 0;
  let askedBytes = 0;
  const sheetData = (sheet: MockSheet, index: number) => {
    const bounds = usedBounds(sheet);
    return {
      name: sheet.name,
      protection: { protected: sheet.protected, options: { allowFormatCells: !!sheet.allowFormatCells, allowEditObjects: !!sheet.allowEditObjects } },
      used: {
        isNullObject: !bounds,
        rowIndex: bounds?.top ?? 0,
        columnIndex: bounds?.left ?? 0,
        rowCount: bounds?.rows ?? 0,
        columnCount: bounds?.cols ?? 0,
        merged: { isNullObject: sheet.merges.length === 0, address: sheet.merges.map((m) => `'${sheet.name}'!${m}`).join(', ') },
        getMergedAreasOrNullObject(this: { merged: unknown }) {
          return this.merged;
        },
      },
      getUsedRangeOrNullObject(this: { used: unknown }) {
        return this.used;
      },
      getUsedRange(this: { used: unknown }) {
        return this.used;
      },
      getRange(this: Mock, address: string) {
        if (address.includes(':')) {
          const m = parseRange(address);
          const [rows, cols] = [m.bottom - m.top + 1, m.right - m.left + 1];
          book.largestRead = Math.max(book.largestRead, rows * cols);
          asked += rows * cols;
          return dynamic(this, `b${address}`, () => {
            const data = block(sheet, m.top, m.left, rows, cols);
            askedBytes += Buffer.byteLength(JSON.stringify(data));
            return data;
          });
        }
        return dynamic(
          this,
          `r_${address}`,
          () => rangeData(book, sheet, address, commits),
          (range, data) => commits.push(() => commitRange(book, sheet, address, range, data)),
        );
      },
      notes: {
        getItemOrNullObject(this: Mock, address: string) {
          return dynamic(
            this,
            `n_${address}`,
            () => noteData(book, sheet, address, commits),
            (note, data) =>
              commits.push(() => {
                if (!assigned(note.content, data.content)) return;
                annotatable(book, sheet, address);
                sheet.notes.set(address, note.content as string);
              }),
          );
        },
        add(address: string, content: string) {
          commits.push(() => {
            annotatable(book, sheet, address);
            // As Excel: a cell holds a note or a comment thread, not both.
            if (sheet.threads.has(address)) throw new Error(`InvalidOperation: ${sheet.name}!${address} has a comment thread`);
            sheet.notes.set(address, content);
          });
        },
      },
      activate() {
        commits.push(() => (book.selected = `${sheet.name}!`));
      },
      index,
    };
  };
  const data: Record<string, unknown> = {
    context: {
      workbook: {
        worksheets: {
          getItem(this: Mock, name: string) {
            const i = book.sheets.findIndex((s) => s.name === name);
            if (i < 0) throw new Error(`ItemNotFound: ${name}`);
            return this[`ws${i}`];
          },
          ...Object.fromEntries(book.sheets.map((s, i) => [`ws${i}`, sheetData(s, i)])),
        },
        // Threaded comments: one item per thread of the workbook, each with its location.
        comments: {
          add(address: string, content: string) {
            const [, name, cell] = /^'?(.*?)'?!(\w+)$/.exec(address)!;
            const sheet = sheetNamed(book, name.replace(/''/g, "'"));
            commits.push(() => {
              annotatable(book, sheet, cell);
              if (sheet.notes.has(cell)) throw new Error(`InvalidOperation: ${sheet.name}!${cell} has a note`);
              sheet.threads.set(cell, content);
            });
          },
          ...Object.fromEntries(
            allThreads(book).map((n, i) => [
              `c${i}`,
              {
                content: n.content,
                location: { address: `'${n.sheet.name}'!${n.cell}` },
                getLocation(this: { location: unknown }) {
                  return this.location;
                },
                delete: () =>
                  commits.push(() => {
                    reachable(book, n.sheet, n.cell);
                    n.sheet.threads.delete(n.cell);
                  }),
              },
            ]),
          ),
        },
        settings: {
          getItemOrNullObject(this: Mock, key: string) {
            return dynamic(this, `s_${key}`, () => ({
              isNullObject: !book.settings.has(key),
              value: book.settings.get(key) ?? '',
              delete: () => commits.push(() => book.settings.delete(key)),
            }));
          },
          add(key: string, value: string) {
            commits.push(() => book.settings.set(key, value));
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { workbook: { worksheets: Mock } } };
  // office-addin-mock has no collections: items is the list of the sheet mocks, and load('items/name') loads the name
  // of each, to be read after the next sync as in Excel.
  const worksheets = mock.context.workbook.worksheets;
  const items = book.sheets.map((_, i) => worksheets[`ws${i}`] as Mock);
  worksheets.items = items;
  worksheets.load = (props?: string) => {
    const names = (props ?? '')
      .split(',')
      .map((p) => p.trim().replace(/^items\//, ''))
      .filter(Boolean);
    for (const ws of items) ws.load(names.join(','));
    return worksheets;
  };
  const comments = (mock.context.workbook as unknown as { comments: Mock }).comments;
  const threads = allThreads(book);
  const commentItems = threads.map((_, i) => comments[`c${i}`] as Mock);
  comments.items = commentItems;
  comments.load = () => {
    for (const c of commentItems) c.load('content');
    return comments;
  };
  commentItems.forEach((c, i) =>
    commits.push(() => {
      if (!assigned(c.content, threads[i].content)) return;
      annotatable(book, threads[i].sheet, threads[i].cell);
      threads[i].sheet.threads.set(threads[i].cell, c.content as string);
    }),
  );
  const context = mock.context as unknown as { sync(): Promise<void> };
  const sync = context.sync.bind(context);
  context.sync = () => {
    (book.cellsPerSync ??= []).push(asked);
    const bytes = askedBytes;
    [asked, askedBytes] = [0, 0];
    if (bytes > (book.responseLimitBytes ?? Infinity)) {
      return Promise.reject(
        Object.assign(new Error(`The response payload size has exceeded the limit (${bytes} bytes)`), { code: 'ResponsePayloadSizeLimitExceeded' }),
      );
    }
    return sync();
  };
  return context;
}

/** The test's injected failure, checked by every write as Excel applies it. */
function reachable(book: MockWorkbook, sheet: MockSheet, address: string): void {
  if (book.failWrite?.(`${sheet.name}!${address}`)) throw new Error(`GeneralException: ${sheet.name}!${address} could not be written`);
}

/** A note or comment written to a cell: the injected failures, and a cell that refuses annotations. */
function annotatable(book: MockWorkbook, sheet: MockSheet, address: string): void {
  reachable(book, sheet, address);
  if (sheet.protected && !sheet.allowEditObjects) throw new Error(`AccessDenied: ${sheet.name} is protected against editing objects`);
  if (book.refuseNotes?.has(`${sheet.name}!${address}`)) throw new Error(`InvalidOperation: ${sheet.name}!${address} refuses a note`);
}

function sheetNamed(book: MockWorkbook, name: string): MockSheet {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`ItemNotFound: ${name}`);
  return sheet;
}

function allThreads(book: MockWorkbook) {
  return book.sheets.flatMap((sheet) => [...sheet.threads].map(([cell, content]) => ({ sheet, cell, content })));
}

type Mock = Record<string, unknown> & { addMock(name: string): void; load(props?: string): unknown };

/** A mock object made on demand (a range by address), hung in the tree so that context.sync() reaches it. */
function dynamic<D extends Record<string, unknown>>(parent: Mock, key: string, make: () => D, created?: (mock: Mock, data: D) => void): unknown {
  const name = key.replace(/[^A-Za-z0-9_]/g, '_');
  if (!parent[name]) {
    const data = make();
    parent.addMock(name);
    (parent[name] as { populate(d: unknown): void }).populate(data);
    created?.(parent[name] as Mock, data);
  }
  return parent[name];
}

function rangeData(book: MockWorkbook, sheet: MockSheet, address: string, commits: (() => void)[]) {
  const { value, formula } = cellValue(sheet, address);
  const fill = sheet.fills.get(address);
  return {
    values: [[value]],
    formulas: [[formula]],
    format: {
      fill: {
        color: fill ?? '#FFFFFF',
        pattern: fill ? 'Solid' : 'None',
        clear: () =>
          commits.push(() => {
            reachable(book, sheet, address);
            if (sheet.protected && !sheet.allowFormatCells) throw new Error(`AccessDenied: ${sheet.name} is protected against formatting`);
            sheet.fills.delete(address);
          }),
      },
      protection: { locked: !sheet.unlocked.has(address) },
    },
    select: () => undefined,
  };
}

/** What the adapter assigned to a range is applied at the end of the run, as Excel applies it at sync. */
function commitRange(book: MockWorkbook, sheet: MockSheet, address: string, range: Mock, data: ReturnType<typeof rangeData>): void {
  const fill = (range.format as { fill: { color: unknown } }).fill.color;
  if (assigned(range.values, data.values) || assigned(range.formulas, data.formulas) || assigned(fill, data.format.fill.color))
    reachable(book, sheet, address);
  if (sheet.protected && !sheet.unlocked.has(address) && (assigned(range.values, data.values) || assigned(range.formulas, data.formulas))) {
    throw new Error(`AccessDenied: ${sheet.name}!${address} is protected`);
  }
  if (sheet.protected && !sheet.allowFormatCells && assigned(fill, data.format.fill.color)) {
    throw new Error(`AccessDenied: ${sheet.name} is protected against formatting`);
  }
  if (assigned(range.values, data.values)) {
    // As in Excel, writing "" empties the cell.
    const value = (range.values as unknown[][])[0][0];
    if (value === '') sheet.cells.delete(address);
    else sheet.cells.set(address, { value });
  }
  if (assigned(range.formulas, data.formulas))
    sheet.cells.set(address, { value: 0, formula: String((range.formulas as unknown[][])[0][0]).slice(1) });
  if (assigned(fill, data.format.fill.color)) sheet.fills.set(address, fill as string);
}

function noteData(book: MockWorkbook, sheet: MockSheet, address: string, commits: (() => void)[]) {
  const content = sheet.notes.get(address);
  const remove = () => {
    reachable(book, sheet, address);
    sheet.notes.delete(address);
  };
  return { isNullObject: content === undefined, content: content ?? '', delete: () => commits.push(remove) };
}
