import type { CellReader } from '../cells';
import { isNumber, total, type NumberAmount, type Shown } from '../compare';
import { Dec } from '../decimal';
import { finding } from '../findings';
import type { CellRef } from '../grid';
import type { Part } from '../messages';
import type { IndicatorGroup, IndicatorNode, ScoreTable, ScoringUnit } from './score-table';

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

  labelPoints(unit: ScoringUnit | IndicatorGroup): Shown | undefined {
    return unit.label.points !== undefined ? { value: new Dec(unit.label.points), decimals: 0 } : undefined;
  }

  columnPoints(node: IndicatorNode): NumberAmount | undefined {
    if (!node.pointsCell) return undefined;
    const a = this.amount(node.pointsCell);
    return isNumber(a) ? a : undefined;
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
