// Bundled for the browser by the WPS end-to-end test: WPS's `wps` global over the scripted ET object model, backed by
// the workbook the test put in window.__bookJson.
import { etApplication } from '../support/et-mock';
import type { MockSheet, MockWorkbook } from '../support/excel-mock';

type Serialized = {
  sheets: (Omit<MockSheet, 'cells' | 'fills' | 'notes' | 'unlocked'> & {
    cells: [string, MockSheet['cells'] extends Map<string, infer V> ? V : never][];
    fills: [string, string][];
    notes: [string, string][];
    unlocked: string[];
  })[];
};

const w = window as unknown as {
  __bookJson: Serialized;
  __book: MockWorkbook;
  __storage: Map<string, unknown>;
  __snapshot: () => unknown;
  wps: unknown;
};
const book: MockWorkbook = {
  sheets: w.__bookJson.sheets.map((s) => ({
    ...s,
    cells: new Map(s.cells),
    fills: new Map(s.fills),
    notes: new Map(s.notes),
    unlocked: new Set(s.unlocked),
  })),
  settings: new Map(),
  largestRead: 0,
};
const storage = new Map<string, unknown>();
w.__book = book;
w.__storage = storage;
w.__snapshot = () => book.sheets.map((s) => ({ name: s.name, cells: [...s.cells].sort(), fills: [...s.fills].sort(), notes: [...s.notes].sort() }));
w.wps = {
  EtApplication: () => etApplication(book),
  PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
};
