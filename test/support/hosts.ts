import { ExcelHost } from '../../hosts/excel/excel-host';
import { WpsHost } from '../../hosts/wps/wps-host';
import type { SpreadsheetHost } from '../../taskpane/host';
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

/** Each host adapter over the same mock workbook: Excel's through office-addin-mock, WPS's through the ET object model. */
export const HOSTS: Record<string, (book: MockWorkbook) => SpreadsheetHost> = {
  Excel: (book) => {
    installExcel(book);
    return new ExcelHost(ALL_CAPABILITIES);
  },
  WPS: (book) => new WpsHost(etApplication(book), memoryStore()),
};
