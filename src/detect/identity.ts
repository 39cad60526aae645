import type { CellRef } from '../grid';

/**
 * "This cell is the sum of those cells": what every money or headcount table of the templates asserts, whatever
 * its layout (columns under 其中, numbered rows, 汇总 over unit rows).
 */
export interface SumIdentity {
  total: CellRef;
  /** What the total is, for the message: "三公经费", "机关及二级机构汇总的“支出合计”". */
  subject: string;
  /** Which column or year, for the message: "2022年决算数". */
  qualifier: string;
  parts: { cell: CellRef; name: string }[];
  /** Exhaustive parts must equal the total; a partial 其中 list may only stay at or below it. */
  exhaustive: boolean;
}
