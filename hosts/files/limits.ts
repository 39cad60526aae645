import { fileMessages } from '../../src/index';

/**
 * What one workbook may cost to read. Files come from hundreds of departments, so every limit is enforced where the
 * data is read (parts, cells, merged areas, strings), and a workbook beyond one is refused with a sentence that says
 * which limit and what to do.
 */

/** Memory one workbook may take to read and check: the limits below keep it well under this; a batch checker process gets it. */
export const MEMORY_LIMIT_MB = 512;
/** Bytes all the parts the reader inflates may add up to, as the zip declares them (and never more: see xlsx.ts). */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
/** Bytes a whole package (pictures included) may inflate to when the annotated copy re-packs it. */
export const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;
/** Cells with a value, over all sheets: 1,000,000 cells is a 100,000-row ledger of 10 columns, twice over. */
export const MAX_CELLS = 2_000_000;
/** Cells covered by merged areas, over all sheets, after clipping each area to its sheet's data. */
export const MAX_MERGED_CELLS = 2_000_000;
/** A merged area larger than this is not something a person drew: it is read clipped, with a damage warning. */
export const SUSPICIOUS_MERGE_CELLS = 100_000;
/** Excel's own limit on a cell's text; a longer text is cut here, with a damage warning. */
export const MAX_TEXT_LENGTH = 32_767;
export const MAX_SHEETS = 1_000;
/** Wall-clock time reading one workbook may take before it is refused. */
export const READ_TIME_LIMIT_MS = 10_000;
/** Excel's sheet size: a cell reference beyond it is damage. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** The refusals a limit gives (the sentences are the catalogue's): which limit, and what to do. */
export const limitRefusal = {
  inflated: (declared: number) => fileMessages.tooMuchInflated(declared, MAX_INFLATED_BYTES),
  cells: () => fileMessages.tooManyCells(MAX_CELLS),
  merged: () => fileMessages.tooManyMerged(MAX_MERGED_CELLS),
  sheets: () => fileMessages.tooManySheets(MAX_SHEETS),
  time: () => fileMessages.readTooLong(READ_TIME_LIMIT_MS / 1000),
};

/** Refused when the time limit is passed; checked every few thousand cells, never per cell. */
export class Deadline {
  private readonly end: number;
  constructor(private readonly onTimeout: () => never) {
    this.end = Date.now() + READ_TIME_LIMIT_MS;
  }
  check(): void {
    if (Date.now() > this.end) this.onTimeout();
  }
}
