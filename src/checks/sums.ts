import type { CellReader } from '../cells';
import { show } from '../decimal';
import { finding, type Finding } from '../findings';
import type { Sheet } from '../grid';
import { messages } from '../messages';
import type { SumIdentity } from '../detect/identity';
import { equalAsShown, isNumber, total, type NumberAmount, type Shown } from './compare';

/** SUM_MISMATCH for one identity; nothing when the total and its parts are all blank. */
export function checkIdentity(sheet: Sheet, reader: CellReader, id: SumIdentity): Finding[] {
  const totalAmount = reader.amount(sheet, id.total.row, id.total.col);
  const parts = id.parts.map((p) => ({ ...p, amount: reader.amount(sheet, p.cell.row, p.cell.col) }));
  if (totalAmount.kind === 'invalid' || parts.some((p) => p.amount.kind === 'invalid')) return [];
  const filled = parts.filter((p): p is typeof p & { amount: NumberAmount } => isNumber(p.amount));
  if (!isNumber(totalAmount) && !filled.length) return [];
  // A blank total with filled parts is read as 0: the parts then disagree with it.
  const value: Shown = isNumber(totalAmount) ? totalAmount : total([]);
  const sumOfParts = total(filled.map((p) => p.amount));
  const equal = equalAsShown(value, sumOfParts);
  if (equal || (!id.exhaustive && sumOfParts.value.lt(value.value))) return [];
  const shownParts = filled.map((p) => ({ name: p.name, value: p.amount.value }));
  const message = id.exhaustive
    ? messages.sumMismatch(id.subject, id.qualifier, value.value, shownParts, sumOfParts.value)
    : messages.partsExceedTotal(id.subject, id.qualifier, value.value, shownParts, sumOfParts.value);
  return [
    finding('SUM_MISMATCH', sheet.name, sheet.address(id.total.row, id.total.col), message, {
      expected: id.exhaustive ? show(sumOfParts.value) : `≥${show(sumOfParts.value)}`,
      actual: show(value.value),
    }),
  ];
}
