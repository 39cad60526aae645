import { MAX_COLUMNS, type CellRef, type Sheet } from '../grid';

/** A form field: a label cell and the cell to its right that holds its value ("绩效自评综合得分 | 98"). */
export interface LabelledValue {
  labelCell: CellRef;
  valueCell: CellRef;
}

/** Every cell whose label matches, with its value cell: the first filled cell to its right, else the next one. */
export function findLabelled(sheet: Sheet, label: RegExp): LabelledValue[] {
  const found: LabelledValue[] = [];
  for (const { row, col, label: text } of sheet.textCells()) {
    if (!text || !label.test(text)) continue;
    const right = valueCellRightOf(sheet, row, col);
    if (right) found.push({ labelCell: { row, col }, valueCell: right });
  }
  return found;
}

function valueCellRightOf(sheet: Sheet, row: number, col: number): CellRef | undefined {
  const afterLabel = (sheet.mergeAt(row, col)?.right ?? col) + 1;
  let firstCell: CellRef | undefined;
  for (let c = afterLabel; c < sheet.colCount; c++) {
    const at = sheet.masterOf(row, c);
    if (at.col !== c) continue;
    firstCell ??= at;
    if (!sheet.isEmpty(row, c)) return at;
  }
  return firstCell ?? (afterLabel < MAX_COLUMNS ? { row, col: afterLabel } : undefined);
}
