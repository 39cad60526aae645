import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../cli/files';
import { parseA1, type CellValue, type GridCell, type SheetGrid, type WorkbookGrid } from '../../src/index';

/** Test-side helpers: load a fixture as a grid, edit it the way a clerk would, write it back as .xlsx. */

export const loadGrid = readWorkbookFile;

export function sheetOf(grid: WorkbookGrid, name: string): SheetGrid {
  const sheet = grid.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

export function setCell(grid: WorkbookGrid, sheet: string, address: string, value: CellValue | GridCell): void {
  const { row, col } = parseA1(address);
  const s = sheetOf(grid, sheet);
  while (s.cells.length <= row) s.cells.push([]);
  s.cells[row][col] = value !== null && typeof value === 'object' ? value : value === null ? undefined : { value };
}

export function getCell(grid: WorkbookGrid, sheet: string, address: string): GridCell | undefined {
  const { row, col } = parseA1(address);
  return sheetOf(grid, sheet).cells[row]?.[col];
}

/** Moves everything on a sheet down and right: the tables start at another cell. */
export function shift(grid: WorkbookGrid, sheet: string, rows: number, cols: number): void {
  const s = sheetOf(grid, sheet);
  s.cells = [...Array.from({ length: rows }, () => []), ...s.cells.map((r) => [...Array(cols).fill(undefined), ...(r ?? [])])];
  s.merges = s.merges.map((m) => ({ top: m.top + rows, bottom: m.bottom + rows, left: m.left + cols, right: m.right + cols }));
}

export function renameSheet(grid: WorkbookGrid, from: string, to: string): void {
  sheetOf(grid, from).name = to;
}

/** Deletes whole rows (0-based), with the merges below moved up; merges inside the rows go. */
export function deleteRows(grid: WorkbookGrid, sheet: string, from: number, count: number): void {
  const s = sheetOf(grid, sheet);
  s.cells.splice(from, count);
  s.merges = s.merges
    .filter((m) => m.bottom < from || m.top >= from + count)
    .map((m) => (m.top >= from + count ? { ...m, top: m.top - count, bottom: m.bottom - count } : m));
}

/** Unmerges every merged area whose top-left cell is in the given column: the label stays in the first row only. */
export function unmergeColumn(grid: WorkbookGrid, sheet: string, col: number): void {
  const s = sheetOf(grid, sheet);
  s.merges = s.merges.filter((m) => m.left !== col);
}

export async function writeGrid(grid: WorkbookGrid, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value =
          cell.formula !== undefined
            ? ({ formula: cell.formula, ...(cell.noCachedValue ? {} : { result: cell.value }) } as ExcelJS.CellFormulaValue)
            : cell.value;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  await wb.xlsx.writeFile(path);
}

/**
 * The marks every annotated copy of national-beita-2023 carries, however it was made or saved again: its sheets and
 * 检查结果 last, the error fill and note on 自评表!B9, the warning fill on B17. Returns the 自评表 for further checks.
 */
export function assertBeitaMarked(wb: ExcelJS.Workbook, note = /一级指标“产出指标”标明50分/): ExcelJS.Worksheet {
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['自评表', '基础数据表', '检查结果'],
  );
  const form = wb.getWorksheet('自评表')!;
  assert.equal((form.getCell('B9').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFC7CE');
  assert.equal((form.getCell('B17').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFEB9C');
  const text = form.getCell('B9').note as string | { texts: { text: string }[] };
  assert.match(typeof text === 'string' ? text : text.texts.map((t) => t.text).join(''), note);
  return form;
}
