import type { Sheet } from '../grid';
import { parseAmount } from '../number';
import { normalizeLabel } from '../text';
import { BASE_DATA_END, BASE_DATA_TOP_ROWS, EXHAUSTIVE_TOTALS, matchesAny, NUMBERED_ROW, QIZHONG } from '../vocabulary';
import type { SumIdentity } from './identity';

const label = (text: string) => normalizeLabel(text).replace(/[:：]$/, '');
const withoutNumber = (text: string) => text.replace(NUMBERED_ROW, '');
const withoutQizhong = (text: string) => text.replace(QIZHONG, '');

function hasNumberRightOf(sheet: Sheet, row: number, col: number): boolean {
  for (let c = col + 1; c < sheet.colCount; c++) {
    if (parseAmount(sheet.value(row, c)).kind === 'number') return true;
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
  for (let row = 0; row < sheet.rowCount; row++) {
    for (let col = 0; col < Math.min(sheet.colCount, 8); col++) {
      if (done.has(col)) continue;
      const at = sheet.masterOf(row, col);
      if (at.row !== row || at.col !== col) continue;
      if (!matchesAny(label(sheet.text(row, col)), BASE_DATA_TOP_ROWS) || !hasNumberRightOf(sheet, row, col)) continue;
      done.add(col);
      identities.push(...readBlock(sheet, row, col));
    }
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
    const text = label(sheet.text(row, labelCol));
    if (!text) {
      if (++blankRun >= 2) break;
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
      const parentName = withoutNumber(label(sheet.text(parent, labelCol)));
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
    if (rows.some((r) => parseAmount(sheet.value(r, col)).kind === 'number')) valueCols.push(col);
  }
  const name = (row: number) => withoutQizhong(label(sheet.text(row, labelCol)));
  // Column headings (2022年决算数, 2023年预算数) stand in the row above the block.
  const heading = (col: number) => (firstRow > 0 ? label(sheet.text(firstRow - 1, col)) : '');
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
