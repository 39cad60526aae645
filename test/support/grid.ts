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

/**
 * A 评分表 with every level in one column, the hierarchy given by the codes (A → A1 → A11). B1 declares 3 points
 * while its indicators carry 2.
 */
export const codedTable = () =>
  sheet('评分', [
    ['指标', '得分'],
    ['A部门决策(4分)', null],
    ['A1部门目标(4分)', null],
    ['A11部门中长期规划目标的明确性与合理性(2分)', 2],
    ['A12年度工作目标的明确性与合理性(2分)', 2],
    ['B部门管理(3分)', null],
    ['B1预算管理(3分)', null],
    ['B11基本支出预算执行率(1分)', 1],
    ['B12项目支出预算执行率(1分)', 1],
    ['合计', 6],
  ]);
