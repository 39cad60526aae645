import type { CellReader } from '../cells';
import { show, ZERO } from '../decimal';
import { finding, type Finding } from '../findings';
import type { Sheet } from '../grid';
import { messages } from '../messages';
import type { SumIdentity } from '../detect/identity';
import { equalAsShown, isNumber, type Shown } from '../compare';

/** SUM_MISMATCH for one identity; nothing when the total and its parts are all blank or unreadable. */
export function checkIdentity(sheet: Sheet, reader: CellReader, id: SumIdentity): Finding[] {
  const totalAmount = reader.amount(sheet, id.total.row, id.total.col);
  if (totalAmount.kind === 'invalid') return [];
  // Most identities of a form hold blank rows or agree: summed in place, parts listed only for a message.
  const sumOfParts: Shown = { value: ZERO, decimals: 0 };
  let filled = 0;
  for (const part of id.parts) {
    const a = reader.amount(sheet, part.cell.row, part.cell.col);
    if (a.kind === 'invalid') return [];
    if (a.kind !== 'number') continue;
    filled++;
    if (!a.value.isZero()) sumOfParts.value = sumOfParts.value.plus(a.value);
    sumOfParts.decimals = Math.max(sumOfParts.decimals, a.decimals);
  }
  if (!isNumber(totalAmount) && !filled) return [];
  // A blank total with filled parts is read as 0: the parts then disagree with it.
  const value: Shown = isNumber(totalAmount) ? totalAmount : { value: ZERO, decimals: 0 };
  if (equalAsShown(value, sumOfParts) || (!id.exhaustive && sumOfParts.value.lt(value.value))) return [];
  const shownParts = id.parts.flatMap((p) => {
    const a = reader.amount(sheet, p.cell.row, p.cell.col);
    return isNumber(a) ? [{ name: p.name, value: a.value }] : [];
  });
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
