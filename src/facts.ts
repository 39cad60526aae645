import type { CellReader } from './cells';
import type { Dec } from './decimal';
import type { Sheet } from './grid';
import { messages } from './messages';
import { parseAmount } from './number';
import { FACT_LABELS, YEAR_COLUMN, YEAR_FACT_LABELS } from './vocabulary';

/** A figure found in the workbook, with where it stands (for messages and for the reviewer to check). */
export interface Fact {
  value: Dec;
  sheet: string;
  cell: string;
  /** The workbook's words for it: "实有人数", "2023年三公经费". */
  label: string;
}

type YearRow = keyof typeof YEAR_FACT_LABELS;

/** A figure that stands beside its label ("人员编制 | 30"). */
export type LabelledFactName = keyof typeof FACT_LABELS;
/** A figure of a 基础数据表 row by year: this year's 决算, last year's 决算, this year's 预算. */
export type YearFactName = `${YearRow}${'Actual' | 'PreviousActual' | 'Budget'}`;
/** A figure of the 评分表 row being scored (the 年度资金总额 row of a budget block). */
export type RowFactName = 'rowExecuted' | 'rowBudget';
export type FactName = LabelledFactName | YearFactName | RowFactName;

export interface WorkbookFacts {
  get(name: LabelledFactName | YearFactName): Fact | undefined;
}

/** How far below a label its number may stand. */
const ROWS_BELOW = 4;
/** Longer texts are sentences, not labels of a figure. */
const MAX_LABEL_LENGTH = 16;

function numberAt(sheet: Sheet, reader: CellReader, row: number, col: number, label: string): Fact | undefined {
  const a = reader.amount(sheet, row, col);
  return a.kind === 'number' ? { value: a.value, sheet: sheet.name, cell: sheet.address(row, col), label } : undefined;
}

/** The number of a label: the first filled cell right of it if that is a number, else the first number below it. */
function numberOfLabel(sheet: Sheet, reader: CellReader, row: number, col: number, label: string): Fact | undefined {
  const right = (sheet.mergeAt(row, col)?.right ?? col) + 1;
  for (let c = right; c < sheet.colCount; c++) {
    if (sheet.isEmpty(row, c)) continue;
    const fact = numberAt(sheet, reader, row, c, label);
    if (fact) return fact;
    break;
  }
  const below = (sheet.mergeAt(row, col)?.bottom ?? row) + 1;
  for (let r = below; r < Math.min(sheet.rowCount, below + ROWS_BELOW); r++) {
    if (sheet.isEmpty(r, col)) continue;
    return numberAt(sheet, reader, r, col, label);
  }
  return undefined;
}

/** The heading of a column of figures: the first text above them (政府采购金额 stands 15 rows under 2023年决算数). */
function headingAbove(sheet: Sheet, row: number, col: number): string {
  for (let r = row - 1; r >= 0; r--) {
    // parseAmount, not the CellReader: passing over the figures notes nothing about them.
    const kind = parseAmount(sheet.value(r, col)).kind;
    if (kind !== 'number' && kind !== 'empty') return sheet.shortLabel(r, col);
  }
  return '';
}

/** A 基础数据表 row's figures under year headings ("2022年决算数", "2023年预算数"), the latest year's as this year. */
function yearFacts(sheet: Sheet, reader: CellReader, row: number, col: number, name: YearRow, label: string): [YearFactName, Fact][] {
  // "2023决算" → the figure under that heading.
  const byYear = new Map<string, Fact>();
  for (let c = col + 1; c < sheet.colCount; c++) {
    const fact = numberAt(sheet, reader, row, c, label);
    if (!fact) continue;
    const heading = YEAR_COLUMN.exec(headingAbove(sheet, row, c));
    if (heading) byYear.set(`${heading[1]}${heading[2]}`, fact);
  }
  const years = [...byYear.keys()].map((k) => Number(k.slice(0, 4)));
  if (!years.length) return [];
  const year = Math.max(...years);
  const named = (key: string, as: YearFactName, words: string): [YearFactName, Fact][] => {
    const fact = byYear.get(key);
    return fact ? [[as, { ...fact, label: words }]] : [];
  };
  return [
    ...named(`${year}决算`, `${name}Actual`, messages.yearFigure(year, label)),
    ...named(`${year - 1}决算`, `${name}PreviousActual`, messages.yearFigure(year - 1, label)),
    ...named(`${year}预算`, `${name}Budget`, messages.yearBudget(year, label)),
  ];
}

const LABELLED = Object.entries(FACT_LABELS) as [LabelledFactName, RegExp][];
const YEAR_ROWS = Object.entries(YEAR_FACT_LABELS) as [YearRow, RegExp][];
// One pattern for all: most text cells are no fact label, and are passed over by a single test.
const ANY_LABEL = new RegExp([...LABELLED, ...YEAR_ROWS].map(([, p]) => `(?:${p.source})`).join('|'));

/** Every input the indicators can take from this workbook, the first found of each. */
export function collectFacts(sheets: readonly Sheet[], reader: CellReader): WorkbookFacts {
  const found = new Map<LabelledFactName | YearFactName, Fact>();
  const keep = (name: LabelledFactName | YearFactName, fact: Fact | undefined) => {
    if (fact && !found.has(name)) found.set(name, fact);
  };
  const rowsDone = new Set<YearRow>();
  for (const sheet of sheets) {
    for (const { row, col, label } of sheet.textCells()) {
      if (!label || label.length > MAX_LABEL_LENGTH || !ANY_LABEL.test(label)) continue;
      const labelled = LABELLED.find(([, p]) => p.test(label))?.[0];
      if (labelled) {
        if (!found.has(labelled)) keep(labelled, numberOfLabel(sheet, reader, row, col, label));
        continue;
      }
      const yearRow = YEAR_ROWS.find(([, p]) => p.test(label))?.[0];
      if (!yearRow || rowsDone.has(yearRow)) continue;
      const facts = yearFacts(sheet, reader, row, col, yearRow, label);
      if (facts.length) rowsDone.add(yearRow);
      for (const [name, fact] of facts) keep(name, fact);
    }
  }
  return { get: (name) => found.get(name) };
}
