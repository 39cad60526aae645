/**
 * The workbook-file host: bytes in, a WorkbookGrid out; findings in, an annotated copy out. No Node APIs, so the
 * CLI, the batch run and the browser page share it.
 */
export { damageFindings, legacyKind, readWorkbookBytes, sniff, WorkbookReadError, type DamageNote, type ReadWorkbook } from './read';
export { AnnotateError, annotateXlsx } from './annotate';
export * as limits from './limits';
export { annotateWorkbook, fillWorkbook, withDamage, type WorkbookCopy } from './copy';
export {
  CHECKER_STOPPED,
  checkOne,
  checkWorkbookFile,
  isSpreadsheet,
  unreadableRow,
  type BatchRow,
  type CheckedFile,
  type CheckedWorkbook,
} from './check-one';
export { rowDetail, rowState, sortRows, summaryFiles, type OutputFile } from './summary';
export { fillXlsx } from './fill';
