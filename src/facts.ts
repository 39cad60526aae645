import type { CellReader } from './cells';
import type { Dec } from './decimal';
import type { Sheet } from './grid';
import { FACT_LABELS, YEAR_COLUMN } from './vocabulary';

/** A figure found in the workbook, with where it stands (for messages and for the reviewer to check). */
export interface Fact {
  value: Dec;
  sheet: string;
  cell: string;
}

export type FactName = keyof typeof FACT_LABELS;

/** The 三公经费 by year from a 基础数据表: this year's budget and actual, last year's actual. */
export interface ThreePublicFacts {
  year: number;
  budget?: Fact;
  actual?: Fact;
  previousActual?: Fact;
}

export interface WorkbookFacts {
  get(name: Exclude<FactName, 'threePublic'>): Fact | undefined;
  threePublic?: ThreePublicFacts;
}

const ROWS_BELOW = 4;

function numberAt(sheet: Sheet, reader: CellReader, row: number, col: number): Fact | undefined {
  const a = reader.amount(sheet, row, col);
  return a.kind === 'number' ? { value: a.value, sheet: sheet.name, cell: sheet.address(row, col) } : undefined;
}

/** The number of a label: the first filled cell right of it if that is a number, else the first number below it. */
function numberOfLabel(sheet: Sheet, reader: CellReader, row: number, col: number): Fact | undefined {
  const right = (sheet.mergeAt(row, col)?.right ?? col) + 1;
  for (let c = right; c < sheet.colCount; c++) {
    if (sheet.isEmpty(row, c)) continue;
    const fact = numberAt(sheet, reader, row, c);
    if (fact) return fact;
    break;
  }
  const below = (sheet.mergeAt(row, col)?.bottom ?? row) + 1;
  for (let r = below; r < Math.min(sheet.rowCount, below + ROWS_BELOW); r++) {
    if (sheet.isEmpty(r, col)) continue;
    return numberAt(sheet, reader, r, col);
  }
  return undefined;
}

function threePublicOf(sheet: Sheet, reader: CellReader, row: number, col: number): ThreePublicFacts | undefined {
  const byYear = new Map<string, Fact>();
  for (let c = col + 1; c < sheet.colCount; c++) {
    const value = numberAt(sheet, reader, row, c);
    if (!value) continue;
    for (let r = row - 1; r >= Math.max(0, row - ROWS_BELOW); r--) {
      const heading = YEAR_COLUMN.exec(sheet.shortLabel(r, c));
      if (heading) {
        byYear.set(`${heading[1]}${heading[2]}`, value);
        break;
      }
    }
  }
  const years = [...byYear.keys()].map((k) => Number(k.slice(0, 4)));
  if (!years.length) return undefined;
  const year = Math.max(...years);
  return { year, budget: byYear.get(`${year}预算`), actual: byYear.get(`${year}决算`), previousActual: byYear.get(`${year - 1}决算`) };
}

/** Every input the indicator rules can take from this workbook, the first found of each. */
export function collectFacts(sheets: readonly Sheet[], reader: CellReader): WorkbookFacts {
  const found = new Map<FactName, Fact>();
  let threePublic: ThreePublicFacts | undefined;
  const names = Object.keys(FACT_LABELS) as FactName[];
  // One pattern for all: most text cells are no fact label, and are passed over by a single test.
  const any = new RegExp(Object.values(FACT_LABELS).map((p) => `(?:${p.source})`).join('|'));
  for (const sheet of sheets) {
    for (const { row, col, label } of sheet.textCells()) {
      if (!label || label.length > 16 || !any.test(label)) continue;
      const name = names.find((n) => FACT_LABELS[n].test(label));
      if (!name) continue;
      if (name === 'threePublic') {
        threePublic ??= threePublicOf(sheet, reader, row, col);
      } else if (!found.has(name)) {
        const fact = numberOfLabel(sheet, reader, row, col);
        if (fact) found.set(name, fact);
      }
    }
  }
  return { get: (name) => found.get(name), ...(threePublic ? { threePublic } : {}) };
}
