import type { CellReader } from '../cells';
import { isNumber, total, type Shown } from '../compare';
import { Dec } from '../decimal';
import { finding } from '../findings';
import type { CellRef } from '../grid';
import type { Part } from '../messages';
import type { IndicatorLabel } from '../text';
import type { IndicatorGroup, IndicatorNode, ScoreTable } from './score-table';

/** Everything a check needs to read a 评分表, bound once; the rule checks read units through it too. */
export class TableReader {
  constructor(
    readonly table: ScoreTable,
    private readonly reader: CellReader,
  ) {}

  amount(cell: CellRef) {
    return this.reader.amount(this.table.sheet, cell.row, cell.col);
  }

  address(cell: CellRef): string {
    return this.table.sheet.address(cell.row, cell.col);
  }

  at(code: Parameters<typeof finding>[0], cell: CellRef, message: string, values?: { expected?: string; actual?: string }) {
    return finding(code, this.table.sheet.name, this.address(cell), message, values);
  }

  labelPoints(node: { label: IndicatorLabel }): Shown | undefined {
    return node.label.points !== undefined ? { value: new Dec(node.label.points), decimals: 0 } : undefined;
  }

  /** A 分值 as points. A 权重 written as a share of the whole (20%, or 0.2 where the column adds up to 1) is out of 100. */
  columnPoints(node: IndicatorNode): Shown | undefined {
    return node.pointsCell ? this.pointsIn(node.pointsCell) : undefined;
  }

  /** The points a 分值 cell holds (the 总分's too), shares scaled to 100. */
  pointsIn(cell: CellRef): Shown | undefined {
    const a = this.amount(cell);
    if (!isNumber(a)) return undefined;
    return a.unit === 'percent' || this.sharesOfOne() ? { value: a.value.times(100), decimals: Math.max(a.decimals - 2, 0) } : a;
  }

  private shares?: boolean;

  /** True where every 分值 of the table is a fraction and together they make 1: 权重 0.2, 0.3, 0.5. */
  private sharesOfOne(): boolean {
    if (this.shares === undefined) {
      const values = this.table.units.flatMap((u) => {
        const a = u.pointsCell ? this.amount(u.pointsCell) : undefined;
        return a && isNumber(a) && a.unit === 'none' ? [a.value] : [];
      });
      this.shares = values.length > 1 && values.every((v) => v.lte(1)) && values.reduce((s, v) => s.plus(v), new Dec(0)).eq(1);
    }
    return this.shares;
  }

  /** A unit's 分值 (its column, else its label); a group's declared points (label, else its own row), else its children's sum. */
  points(node: IndicatorNode): Shown | undefined {
    if (node.kind === 'unit') return this.columnPoints(node) ?? this.labelPoints(node);
    return this.labelPoints(node) ?? this.columnPoints(node) ?? this.childrenPoints(node)?.sum;
  }

  childrenPoints(group: IndicatorGroup): { sum: Shown; parts: Part[] } | undefined {
    const parts = group.children
      .map((child) => ({ child, points: this.points(child) }))
      .filter((p): p is { child: IndicatorNode; points: Shown } => p.points !== undefined);
    if (!parts.length) return undefined;
    return {
      sum: total(parts.map((p) => p.points)),
      parts: parts.map((p) => ({ name: p.child.label.name, value: p.points.value })),
    };
  }
}
