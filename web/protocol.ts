import type { BatchRow } from '../hosts/files/index';
import type { CheckResult, ProposedScore, WorkbookGrid } from '../src/index';

/** Messages between the page and its worker. Files travel as File objects: the worker reads them, off the page. */

export interface NamedFile {
  file: File;
  /** The path the summary and the zip show: relative to the dropped folder, or the file's name. */
  path: string;
}

export type Request =
  | { kind: 'single'; input: NamedFile }
  /**
   * A batch, spread over `threads` checkers started from the worker's own script, given as text: a blob: address
   * made by the page cannot be opened by its worker when the page comes from file://.
   */
  | { kind: 'batch'; inputs: NamedFile[]; workerSource: string; threads: number }
  /** One workbook of a batch, for one of those checkers. */
  | { kind: 'one'; input: NamedFile };

export interface OneReply {
  kind: 'one';
  row: BatchRow;
  annotated?: Uint8Array;
}

export interface SingleReply {
  kind: 'single';
  row: BatchRow;
  grid?: WorkbookGrid;
  result?: CheckResult;
  proposals?: ProposedScore[];
  annotated?: Uint8Array;
  /** The workbook with the computed 自评得分 and 扣分原因 written in, where there are any. */
  filled?: Uint8Array;
  /** Why the filled copy could not be made, in Chinese. */
  fillError?: string;
}

export interface ProgressReply {
  kind: 'progress';
  done: number;
  total: number;
}

export interface BatchReply {
  kind: 'batch';
  /** Worst first, as in the summary. */
  rows: BatchRow[];
  /** Files that are not spreadsheets: listed, not checked. */
  skipped: string[];
  /** The annotated copies at their paths and the 汇总 files, as one zip. */
  zip: Uint8Array;
}

export type Reply = SingleReply | ProgressReply | BatchReply | OneReply;
