import type { CellRef, Sheet } from '../grid';
import { messages } from '../messages';
import { EXHAUSTIVE_TOTALS, matchesAny, NUMBERED_ROW, OTHER_PART, QIZHONG, SUMMARY_UNIT_ROW, UNIT_TABLE_HEADER } from '../vocabulary';
import type { SumIdentity } from './identity';
import { LABEL_COLUMNS, UNIT_HEADER_ROWS } from './windows';

/** One header cell of a multi-row header, with the columns it spans. */
interface HeaderNode {
  row: number;
  left: number;
  right: number;
  text: string;
}

function headerNodes(sheet: Sheet, rows: number[], fromCol: number): { nodes: HeaderNode[]; lastCol: number } {
  const nodes: HeaderNode[] = [];
  let lastCol = fromCol - 1;
  for (let col = fromCol; col < sheet.colCount; col++) {
    if (rows.every((r) => sheet.isEmpty(r, col))) break;
    lastCol = col;
    for (const row of rows) {
      if (!sheet.startsAt(row, col) || sheet.isEmpty(row, col)) continue;
      const merge = sheet.mergeAt(row, col);
      nodes.push({ row, left: col, right: merge?.right ?? col, text: sheet.label(row, col) });
    }
  }
  return { nodes, lastCol };
}

/** The column identities of a header: each 其中 span breaks down the column to its left. */
function columnIdentities(nodes: HeaderNode[]): { total: HeaderNode; parts: HeaderNode[]; exhaustive: boolean }[] {
  const out: { total: HeaderNode; parts: HeaderNode[]; exhaustive: boolean }[] = [];
  for (const span of nodes.filter((n) => QIZHONG.test(n.text))) {
    const total = nodes.filter((n) => n.left === span.left - 1 && n.right === n.left && n.row <= span.row).pop();
    if (!total) continue;
    const below = nodes.filter((n) => n.row > span.row && n.left >= span.left && n.right <= span.right && !QIZHONG.test(n.text));
    const firstRow = Math.min(...below.map((n) => n.row));
    const parts = below.filter((n) => n.row === firstRow && n.left === n.right);
    const other = nodes.find((n) => n.row === span.row && n.left === span.right + 1 && OTHER_PART.test(n.text));
    if (other) parts.push(other);
    if (parts.length) out.push({ total, parts, exhaustive: matchesAny(total.text, EXHAUSTIVE_TOTALS) });
  }
  return out;
}

/**
 * The 自评表 form's tables by 机构 (收入 / 支出 / 三公经费 / 固定资产): a multi-row header with 其中 spans, a 汇总
 * row and numbered unit rows. Yields the column identities on every row and 汇总 = Σ unit rows on every column.
 */
export function detectUnitTables(sheet: Sheet): SumIdentity[] {
  const identities: SumIdentity[] = [];
  for (const { row, col, label } of sheet.textCells()) {
    if (col < LABEL_COLUMNS && UNIT_TABLE_HEADER.test(label)) identities.push(...readUnitTable(sheet, row, col));
  }
  return identities;
}

function readUnitTable(sheet: Sheet, headerRow: number, labelCol: number): SumIdentity[] {
  let firstData = (sheet.mergeAt(headerRow, labelCol)?.bottom ?? headerRow) + 1;
  while (firstData < sheet.rowCount && !isDataLabel(sheet.label(firstData, labelCol)) && firstData - headerRow < UNIT_HEADER_ROWS) firstData++;
  const headerRows = Array.from({ length: firstData - headerRow }, (_, i) => headerRow + i);
  const { nodes, lastCol } = headerNodes(sheet, headerRows, labelCol + 1);
  const dataRows: number[] = [];
  for (let row = firstData; row < sheet.rowCount && isDataLabel(sheet.label(row, labelCol)); row++) dataRows.push(row);
  if (!dataRows.length) return [];

  const columnName = (col: number) => nodes.filter((n) => n.left === col && n.right === col).pop()?.text ?? '';
  const identities: SumIdentity[] = [];
  const ref = (row: number, col: number): CellRef => ({ row, col });
  for (const row of dataRows) {
    const rowLabel = sheet.label(row, labelCol);
    for (const id of columnIdentities(nodes)) {
      identities.push({
        total: ref(row, id.total.left),
        subject: messages.rowColumn(rowLabel, id.total.text),
        qualifier: '',
        parts: id.parts.map((p) => ({ cell: ref(row, p.left), name: p.text })),
        exhaustive: id.exhaustive,
      });
    }
  }
  const summaryRows = dataRows.filter((r) => SUMMARY_UNIT_ROW.test(sheet.label(r, labelCol)));
  const unitRows = dataRows.filter((r) => NUMBERED_ROW.test(sheet.label(r, labelCol)));
  for (const summary of summaryRows) {
    for (let col = labelCol + 1; col <= lastCol; col++) {
      identities.push({
        total: ref(summary, col),
        subject: sheet.label(summary, labelCol),
        qualifier: columnName(col),
        parts: unitRows.map((r) => ({ cell: ref(r, col), name: sheet.label(r, labelCol) })),
        exhaustive: true,
      });
    }
  }
  return identities;
}

function isDataLabel(label: string): boolean {
  return SUMMARY_UNIT_ROW.test(label) || NUMBERED_ROW.test(label);
}
