/**
 * What one workbook may cost to read. Files come from hundreds of departments, so every limit is enforced where the
 * data is read (parts, cells, merged areas, strings), and a workbook beyond one is refused with a sentence that says
 * which limit and what to do.
 */

/** Memory one workbook may take to read and check: the limits below keep it well under this; a batch thread gets it. */
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

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** The refusals a limit gives: which limit, and what to do. */
export const limitRefusal = {
  inflated: (declared: number) =>
    `工作簿解压后有 ${mb(declared)}，超过了 ${mb(MAX_INFLATED_BYTES)} 的上限（可能是损坏或恶意构造的压缩包）。请确认文件来源，在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。`,
  cells: () =>
    `工作簿中有数据的单元格超过 ${MAX_CELLS.toLocaleString('en-US')} 个的上限，不像是绩效自评工作簿。请删去与自评无关的明细表后再检查。`,
  merged: () =>
    `工作簿中合并单元格覆盖的范围超过 ${MAX_MERGED_CELLS.toLocaleString('en-US')} 个单元格的上限（合并区域可能已损坏）。请在 Excel 或 WPS 中取消异常的合并后另存再检查。`,
  sheets: () => `工作簿有超过 ${MAX_SHEETS} 张工作表的上限，不像是绩效自评工作簿。`,
  time: () =>
    `读取这个工作簿超过了 ${READ_TIME_LIMIT_MS / 1000} 秒的上限（文件过大或结构异常），已停止。请删去无关的工作表后另存再检查。`,
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
