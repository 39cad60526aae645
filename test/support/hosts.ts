import { ExcelHost, JOURNAL_SETTING } from '../../hosts/excel/excel-host';
import { WpsHost } from '../../hosts/wps/wps-host';
import type { SpreadsheetHost } from '../../taskpane/host';
import { parseJournal, type Journal } from '../../taskpane/journal';
import { etApplication, memoryStore } from './et-mock';
import { ALL_CAPABILITIES, installExcel, type MockWorkbook } from './excel-mock';

/** Every value (or formula), fill and note of the workbook state both stand-ins share, sorted. */
export const snapshot = (book: MockWorkbook) =>
  book.sheets
    .flatMap((s) => [
      ...[...s.cells].map(([a, c]) => `${s.name}!${a}=${JSON.stringify(c.formula ?? c.value)}`),
      ...[...s.fills].map(([a, f]) => `${s.name}!${a} fill ${f}`),
      ...[...s.notes].map(([a, n]) => `${s.name}!${a} note ${n}`),
    ])
    .sort();

/**
 * Each host adapter over the same mock workbook (Excel's through office-addin-mock, WPS's through the ET object
 * model), and its undo journal as saved at any moment: in the workbook settings (Excel) or the add-in's storage (WPS).
 */
export const JOURNALED_HOSTS: Record<string, (book: MockWorkbook) => { host: SpreadsheetHost; journal: () => Journal }> = {
  Excel: (book) => {
    installExcel(book);
    return { host: new ExcelHost(ALL_CAPABILITIES), journal: () => parseJournal(book.settings.get(JOURNAL_SETTING) ?? null) };
  },
  WPS: (book) => {
    const store = memoryStore();
    return { host: new WpsHost(etApplication(book), store), journal: () => parseJournal([...store.items.values()][0] ?? null) };
  },
};

/** Each host adapter over the same mock workbook. */
export const HOSTS: Record<string, (book: MockWorkbook) => SpreadsheetHost> = Object.fromEntries(
  Object.entries(JOURNALED_HOSTS).map(([name, make]) => [name, (book: MockWorkbook) => make(book).host]),
);
