import { finding, type Finding } from './findings';
import { cellIndex, type Sheet } from './grid';
import { messages } from './messages';
import { parseAmount, type Amount } from './number';

/**
 * Reads the numbers the checks consume, and notes on the way what a clerk should know about them: numbers stored
 * as text (TEXT_NUMBER) and formulas without a calculated value (FORMULA_NO_VALUE). One per check run.
 */
export class CellReader {
  private readonly notices = new Map<string, Finding>();
  private readonly amounts = new WeakMap<Sheet, Map<number, Amount>>();
  private readonly numbers = new Map<number, Amount>();

  /** The cell's number, parsed once per cell however many checks read it. */
  amount(sheet: Sheet, row: number, col: number): Amount {
    const at = sheet.masterOf(row, col);
    let cache = this.amounts.get(sheet);
    if (!cache) this.amounts.set(sheet, (cache = new Map<number, Amount>()));
    const key = cellIndex(at.row, at.col);
    let amount = cache.get(key);
    if (!amount) cache.set(key, (amount = this.read(sheet, at.row, at.col)));
    return amount;
  }

  private read(sheet: Sheet, row: number, col: number): Amount {
    const cell = sheet.rawCell(row, col);
    if (!cell) return { kind: 'empty' };
    if (cell.noCachedValue) {
      this.note(finding('FORMULA_NO_VALUE', sheet.name, sheet.address(row, col), messages.formulaNoValue(cell.formula ?? '')));
      return { kind: 'empty' };
    }
    if (typeof cell.value === 'number' && !cell.numFmt) return this.plainNumber(cell.value);
    const amount = parseAmount(cell.value, cell.numFmt);
    if (amount.kind === 'number' && amount.fromText) {
      this.note(finding('TEXT_NUMBER', sheet.name, sheet.address(row, col), messages.textNumber(String(cell.value), amount.value)));
    }
    return amount;
  }

  /** Scores and points repeat (0, 3, 5…): one immutable amount per distinct number of the workbook. */
  private plainNumber(value: number): Amount {
    let amount = this.numbers.get(value);
    if (!amount) this.numbers.set(value, (amount = parseAmount(value)));
    return amount;
  }

  private note(f: Finding): void {
    const key = `${f.code}|${f.sheet}|${f.cell}`;
    if (!this.notices.has(key)) this.notices.set(key, f);
  }

  findings(): Finding[] {
    return [...this.notices.values()];
  }
}
