import { finding, type Finding } from '../../src/findings';
import { fileMessages, messages } from '../../src/messages';
import { WorkbookReadError, type ReadWorkbook } from './grid-builder';
import { formatName, readLegacy, type LegacyKind } from './legacy';
import { readXlsx } from './xlsx';

export { WorkbookReadError, type DamageNote, type ReadWorkbook } from './grid-builder';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** "EncryptedPackage" in UTF-16LE: the stream an encrypted OOXML file keeps inside its CFB container. */
const ENCRYPTED_MARK = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));
/** An .ods package starts with its uncompressed "mimetype" entry. */
const ODS_MIMETYPE = ascii('mimetypeapplication/vnd.oasis.opendocument.spreadsheet');

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = bytes.indexOf(needle[0]); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(needle[0], i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** An HTML table or an Excel 2003 XML workbook, as some platforms save their ".xls" exports. */
function isMarkupTable(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 65536)).replace(/^\uFEFF?\s*/, '');
  return head.startsWith('<') && /<table\b|urn:schemas-microsoft-com:office:spreadsheet/i.test(head);
}

/** Tells what a file is from its bytes, before any parser sees it. 'legacy' is a BIFF workbook (.xls, .et). */
export function sniff(bytes: Uint8Array): 'xlsx' | 'ods' | 'legacy' | 'markup' | 'encrypted' | 'empty' | 'other' {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, CFB_MAGIC)) return contains(bytes, ENCRYPTED_MARK) ? 'encrypted' : 'legacy';
  if (startsWith(bytes, ZIP_MAGIC)) return startsWith(bytes, ODS_MIMETYPE, 30) ? 'ods' : 'xlsx';
  // BIFF2-4 worksheets (Excel 2.x-4.x) are a bare record stream: a BOF record first.
  if (bytes[0] === 0x09 && [0x00, 0x02, 0x04].includes(bytes[1]) && bytes[3] === 0x00) return 'legacy';
  if (isMarkupTable(bytes)) return 'markup';
  return 'other';
}

const REFUSALS = { empty: fileMessages.empty, encrypted: fileMessages.encrypted, other: fileMessages.notSpreadsheet };

const LEGACY: Partial<Record<ReturnType<typeof sniff>, LegacyKind>> = { legacy: 'biff', ods: 'ods', markup: 'markup' };

/** The legacy kind of a file, or undefined for an .xlsx package and for what no reader takes. */
export function legacyKind(bytes: Uint8Array): LegacyKind | undefined {
  return LEGACY[sniff(bytes)];
}

/**
 * Any workbook a reviewer receives, as the core's grid plus the damage read around. The file name only names the
 * format in a refusal (.et and .xls share their bytes). Whatever goes wrong, the error is one Chinese sentence.
 */
export async function readWorkbookBytes(bytes: Uint8Array, fileName?: string): Promise<ReadWorkbook> {
  const kind = sniff(bytes);
  if (kind === 'empty' || kind === 'encrypted' || kind === 'other') throw new WorkbookReadError(REFUSALS[kind]());
  try {
    return kind === 'xlsx' ? readXlsx(bytes) : await readLegacy(bytes, LEGACY[kind]!, fileName);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(fileMessages.formatDamaged(kind === 'xlsx' ? fileMessages.format.xlsx : formatName(LEGACY[kind]!, fileName)));
  }
}

/** The damage a workbook was read around, as FILE_DAMAGED warnings beside the check's findings. */
export function damageFindings(workbook: ReadWorkbook): Finding[] {
  return workbook.damage.map((d) =>
    finding('FILE_DAMAGED', d.sheet ?? workbook.sheets[0]?.name ?? '', d.cell ?? 'A1', messages.fileDamaged(d.part, d.what, d.count)),
  );
}
