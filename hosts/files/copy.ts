import type { CheckResult, FillTarget, Finding } from '../../src/index';
import { sortFindings } from '../../src/findings';
import { annotateXlsx } from './annotate';
import { fillXlsx } from './fill';
import { legacyToXlsx } from './legacy';
import { damageFindings, legacyKind, type ReadWorkbook } from './read';

/** The check's result with the damage the reader read around added as FILE_DAMAGED warnings, in finding order. */
export function withDamage(result: CheckResult, workbook: ReadWorkbook): CheckResult {
  if (!workbook.damage.length) return result;
  const findings = sortFindings(
    [...result.findings, ...damageFindings(workbook)],
    workbook.sheets.map((s) => s.name),
  );
  return { ...result, findings };
}

/** A copy of a workbook, named as it should be saved: an .xls, .et or .ods gives an .xlsx. */
export interface WorkbookCopy {
  bytes: Uint8Array;
  name: string;
  converted: boolean;
}

/**
 * A copy made by patching an .xlsx package: an .xlsx / .xlsm is patched in place; a legacy file (.xls, .et, .ods)
 * becomes an .xlsx of its values, merged areas, number formats and column widths first, under the same name with the
 * extension .xlsx.
 */
async function patchedCopy(bytes: Uint8Array, fileName: string, patch: (xlsx: Uint8Array) => Uint8Array): Promise<WorkbookCopy> {
  const kind = legacyKind(bytes);
  if (!kind) return { bytes: patch(bytes), name: fileName, converted: false };
  const name = /\.[^./\\]*$/.test(fileName) ? fileName.replace(/\.[^./\\]*$/, '.xlsx') : `${fileName}.xlsx`;
  return { bytes: patch(await legacyToXlsx(bytes, kind, fileName)), name, converted: true };
}

/** The reviewer's annotated copy of any workbook (see annotate.ts). */
export function annotateWorkbook(bytes: Uint8Array, fileName: string, findings: readonly Finding[]): Promise<WorkbookCopy> {
  return patchedCopy(bytes, fileName, (xlsx) => annotateXlsx(xlsx, findings));
}

/** The clerk's filled copy of any workbook: the computed 自评得分 and 扣分原因 written in (see fill.ts). */
export function fillWorkbook(bytes: Uint8Array, fileName: string, targets: readonly FillTarget[]): Promise<WorkbookCopy> {
  return patchedCopy(bytes, fileName, (xlsx) => fillXlsx(xlsx, targets));
}
