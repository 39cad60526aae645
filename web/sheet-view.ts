import { columnName, parseAmount, toA1, type GridCell, type SheetGrid } from '../src/index';
import { SEVERITIES, type Severity } from '../src/index';

/**
 * A sheet drawn as an HTML table (column letters, row numbers, merged areas), each finding's cell coloured by
 * severity with its messages as a tooltip: the clerk sees where the problems are without opening Excel.
 */

/** Beyond this a sheet is not a 评分表 any more; the page draws the top-left part. */
const MAX_ROWS = 1000;
const MAX_COLS = 40;

export interface CellMark {
  severity: Severity;
  messages: string[];
}

/** The text a cell shows: numbers to the places its format shows, percentages as percentages. */
export function shownText(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value !== 'number') return typeof cell.value === 'boolean' ? (cell.value ? 'TRUE' : 'FALSE') : cell.value;
  const amount = parseAmount(cell.value, cell.numFmt);
  if (amount.kind !== 'number') return String(cell.value);
  const places = Math.min(amount.decimals, 10);
  if (amount.unit === 'percent') return `${amount.value.times(100).toFixed(Math.max(0, places - 2))}%`;
  return cell.numFmt && !/general/i.test(cell.numFmt) ? amount.value.toFixed(places) : amount.value.toDecimalPlaces(10).toFixed();
}

function extent(sheet: SheetGrid): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (c && c.value !== null) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, col + 1);
      }
    }),
  );
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows: Math.min(rows, MAX_ROWS), cols: Math.min(cols, MAX_COLS) };
}

/** The table of one sheet; every drawn cell carries data-cell="A1" for the findings list to find it. */
export function renderSheet(sheet: SheetGrid, marks: ReadonlyMap<string, CellMark>): HTMLTableElement {
  const { rows, cols } = extent(sheet);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(toA1(m.top, m.left), { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(toA1(r, c));
  }
  const table = document.createElement('table');
  table.className = 'grid';
  const head = table.createTHead().insertRow();
  head.append(document.createElement('th'));
  for (let c = 0; c < cols; c++) head.append(Object.assign(document.createElement('th'), { textContent: columnName(c) }));
  const body = table.createTBody();
  for (let r = 0; r < rows; r++) {
    const tr = body.insertRow();
    tr.append(Object.assign(document.createElement('th'), { textContent: String(r + 1) }));
    for (let c = 0; c < cols; c++) {
      const address = toA1(r, c);
      if (covered.has(address)) continue;
      const td = tr.insertCell();
      td.dataset.cell = address;
      const span = spans.get(address);
      if (span) {
        td.rowSpan = Math.min(span.rowSpan, rows - r);
        td.colSpan = Math.min(span.colSpan, cols - c);
      }
      const cell = sheet.cells[r]?.[c];
      td.textContent = shownText(cell);
      if (typeof cell?.value === 'number') td.classList.add('number');
      const mark = marks.get(address);
      if (mark) {
        td.classList.add('marked', mark.severity);
        td.style.backgroundColor = SEVERITIES[mark.severity].fill;
        td.title = mark.messages.join('\n');
      }
    }
  }
  return table;
}
