import { parseRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../../src/index';

/** An inline sheet: rows of values (null for empty) and merged ranges in A1 notation. */
export function sheet(name: string, rows: CellValue[][], merges: string[] = []): SheetGrid {
  return {
    name,
    cells: rows.map((row) => row.map((value) => (value === null || value === '' ? undefined : { value }))),
    merges: merges.map(parseRange),
  };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}
