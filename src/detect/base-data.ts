import type { Sheet } from '../grid';
import { parseAmount } from '../number';
import { BASE_DATA_END, BASE_DATA_TOP_ROWS, EXHAUSTIVE_TOTALS, matchesAny, NUMBERED_ROW, QIZHONG } from '../vocabulary';
import type { SumIdentity } from './identity';
import { BASE_DATA_BLANK_ROWS, LABEL_COLUMNS } from './windows';

const withoutNumber = (text: string) => text.replace(NUMBERED_ROW, '');
const withoutQizhong = (text: string) => text.replace(QIZHONG, '');

/** Numbers decide the extent of a block; Excel numbers are taken at a glance, only text goes through the parser. */
function holdsNumber(sheet: Sheet, row: number, col: number): boolean {
  const value = sheet.value(row, col);
  return typeof value === 'number' || (typeof value === 'string' && parseAmount(value).kind === 'number');
}

function hasNumberRightOf(sheet: Sheet, row: number, col: number): boolean {
  for (let c = col + 1; c < sheet.colCount; c++) {
    if (holdsNumber(sheet, row, c)) return true;
  }
  return false;
}

/**
 * The 基础数据表's rows in a label column: a top row (三公经费, 项目支出：, 公用经费：), its numbered rows (1、 2、 3、,
 * exhaustive by definition) and 其中 lists under a row (其中：公车购置, 公车运行维护), exhaustive only where the
 * parent is (EXHAUSTIVE_TOTALS); a partial list (公用经费：其中：办公经费…) may only stay at or below its parent.
 */
export function detectBaseData(sheet: Sheet): SumIdentity[] {
  const identities: SumIdentity[] = [];
  const done = new Set<number>();
  for (const { row, col, label } of sheet.textCells()) {
    if (col >= LABEL_COLUMNS || done.has(col) || !matchesAny(label, BASE_DATA_TOP_ROWS) || !hasNumberRightOf(sheet, row, col)) continue;
    done.add(col);
    identities.push(...readBlock(sheet, row, col));
  }
  return identities;
}

interface Group {
  parent: number;
  children: number[];
  exhaustive: boolean;
}

function readBlock(sheet: Sheet, firstRow: number, labelCol: number): SumIdentity[] {
  const groups: Group[] = [];
  let top: Group | undefined;
  let lastNumbered: number | undefined;
  let list: Group | undefined;
  let blankRun = 0;
  for (let row = firstRow; row < sheet.rowCount; row++) {
    const text = sheet.label(row, labelCol);
    if (!text) {
      if (++blankRun >= BASE_DATA_BLANK_ROWS) break;
      continue;
    }
    blankRun = 0;
    if (BASE_DATA_END.test(text)) break;
    if (matchesAny(text, BASE_DATA_TOP_ROWS)) {
      top = { parent: row, children: [], exhaustive: true };
      groups.push(top);
      lastNumbered = undefined;
      list = undefined;
    } else if (NUMBERED_ROW.test(text)) {
      top?.children.push(row);
      lastNumbered = row;
      list = undefined;
    } else if (QIZHONG.test(text)) {
      const parent = lastNumbered ?? top?.parent;
      if (parent === undefined) continue;
      const parentName = withoutNumber(sheet.label(parent, labelCol));
      list = { parent, children: [row], exhaustive: matchesAny(parentName, EXHAUSTIVE_TOTALS) };
      groups.push(list);
    } else if (list) {
      list.children.push(row);
    } else {
      // A row of its own that the vocabulary does not know: a new top, never silently a part of the one above.
      top = { parent: row, children: [], exhaustive: true };
      groups.push(top);
      lastNumbered = undefined;
    }
  }
  return identitiesOf(sheet, groups, labelCol, firstRow);
}

function identitiesOf(sheet: Sheet, groups: Group[], labelCol: number, firstRow: number): SumIdentity[] {
  const valueCols: number[] = [];
  const rows = groups.flatMap((g) => [g.parent, ...g.children]);
  for (let col = labelCol + 1; col < sheet.colCount; col++) {
    if (rows.some((r) => holdsNumber(sheet, r, col))) valueCols.push(col);
  }
  const name = (row: number) => withoutQizhong(sheet.label(row, labelCol));
  // Column headings (2022年决算数, 2023年预算数) stand in the row above the block.
  const heading = (col: number) => (firstRow > 0 ? sheet.label(firstRow - 1, col) : '');
  return groups
    .filter((g) => g.children.length > 0)
    .flatMap((g) =>
      valueCols.map((col) => ({
        total: { row: g.parent, col },
        subject: name(g.parent),
        qualifier: heading(col),
        parts: g.children.map((r) => ({ cell: { row: r, col }, name: name(r) })),
        exhaustive: g.exhaustive,
      })),
    );
}
