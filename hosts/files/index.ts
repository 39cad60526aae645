/**
 * The workbook-file host: bytes in, a WorkbookGrid out; findings in, an annotated copy out. No Node APIs, so the
 * CLI, the batch run and the browser page share it.
 */
import type { CheckResult, Finding } from '../../src/index';
import { sortFindings } from '../../src/findings';
import { annotateXlsx } from './annotate';
import { legacyToXlsx } from './legacy';
import { damageFindings, legacyKind, type ReadWorkbook } from './read';

export { damageFindings, legacyKind, readWorkbookBytes, sniff, WorkbookReadError, type DamageNote, type ReadWorkbook } from './read';
export { AnnotateError, annotateXlsx } from './annotate';
export * as limits from './limits';

/** The check's result with the damage the reader read around added as FILE_DAMAGED warnings, in finding order. */
export function withDamage(result: CheckResult, workbook: ReadWorkbook): CheckResult {
  if (!workbook.damage.length) return result;
  const findings = sortFindings([...result.findings, ...damageFindings(workbook)], workbook.sheets.map((s) => s.name));
  return { ...result, findings };
}

/**
 * The reviewer's annotated copy of any workbook: an .xlsx / .xlsm is patched in place (see annotate.ts); a legacy
 * file (.xls, .et, .ods) becomes an .xlsx of its values, merged areas, number formats and column widths, then marked
 * the same way, under the same name with the extension .xlsx.
 */
export async function annotateWorkbook(
  bytes: Uint8Array,
  fileName: string,
  findings: readonly Finding[],
): Promise<{ bytes: Uint8Array; name: string; converted: boolean }> {
  const kind = legacyKind(bytes);
  if (!kind) return { bytes: annotateXlsx(bytes, findings), name: fileName, converted: false };
  const name = /\.[^./\\]*$/.test(fileName) ? fileName.replace(/\.[^./\\]*$/, '.xlsx') : `${fileName}.xlsx`;
  return { bytes: annotateXlsx(await legacyToXlsx(bytes, kind, fileName), findings), name, converted: true };
}
