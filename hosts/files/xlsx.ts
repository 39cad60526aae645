import { unzipSync } from 'fflate';
import { damageNotes, fileMessages, toA1, type CellValue, type GridCell, type SheetGrid } from '../../src/index';
import { Budget, DamageLog, inflationBudget, refuse, SheetBuilder, WorkbookReadError, type ReadWorkbook } from './grid-builder';
import { Deadline, MAX_SHEETS, limitRefusal } from './limits';
import { dirOf, relsPathOf, resolveTarget } from './package-paths';
import { attr, decodeText, endsWithEndTag, runText, unescapeXml } from './xml';
import { inflatedParts, inflateEntry, zipEntries } from './zip';

/**
 * The .xlsx / .xlsm / .xltx reader: the package inflated (only the parts a check reads, bounded by
 * MAX_INFLATED_BYTES), the XML scanned once with regular expressions. Reads what exceljs read — values, cached
 * results of formulas, number formats, merged areas — at a fraction of its cost, and reads around damage.
 */

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;

/** Excel's built-in number formats by id (as exceljs read them): the ones a check can tell apart. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

const refusal = (message: string) => new WorkbookReadError(message);

/** A date format shows a number as a date: exceljs's test, so that a date reads the same as before. */
export function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export function excelDate(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** "AB12" → [11, 27] (row, column, 0-based); undefined when it is not a cell reference. */
function parseRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
    if (col > 1e6) return undefined;
  }
  if (i === 0 || i === ref.length || i > 4) return undefined;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row >= 1 ? [row - 1, col - 1] : undefined;
}

function relationships(xml: string | undefined, owner: string): Map<string, { type: string; path: string }> {
  const out = new Map<string, { type: string; path: string }>();
  for (const m of (xml ?? '').matchAll(/<(?:[\w.-]+:)?Relationship\b([^<>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target && attr(m[1], 'TargetMode') !== 'External')
      out.set(id, { type: attr(m[1], 'Type') ?? '', path: resolveTarget(dirOf(owner), target) });
  }
  return out;
}

/** Parts a check never reads: they are not inflated at all. */
const SKIPPED_PARTS =
  /(?:^|\/)(?:media|drawings|charts|printerSettings|customXml|theme|externalLinks|pivotCache|pivotTables|queryTables|activeX|embeddings|docProps)\/|(?:calcChain|comments\d*)\.xml$/i;

/** The package's parts a check needs, inflated; everything else (pictures, printer settings…) stays compressed. */
function inflateParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const inflate = inflationBudget();
  const wanted = (name: string, originalSize: number) => {
    if (!/\.(?:xml|rels)$/i.test(name) || SKIPPED_PARTS.test(name)) return false;
    // The size the zip declares is the size a part is inflated into and never beyond: a lying header gives a
    // truncated part, not an unbounded one.
    inflate(originalSize);
    return true;
  };
  try {
    const entries = zipEntries(bytes);
    if (!entries) return new Map(Object.entries(unzipSync(bytes, { filter: (file) => wanted(file.name, file.originalSize) })));
    const parts = new Map<string, Uint8Array>();
    for (const [name, entry] of entries) if (wanted(name, entry.size)) parts.set(name, inflateEntry(entry));
    inflatedParts.set(bytes, parts);
    return parts;
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw refusal(fileMessages.zipDamaged());
  }
}

interface Styles {
  formats: (string | undefined)[];
}

function readStyles(xml: string | undefined, damage: DamageLog): Styles {
  if (!xml) return { formats: [] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^<>]*)>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    const code = attr(m[1], 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^<>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!endsWithEndTag(xml, 'styleSheet')) damage.note(damageNotes.stylesCut);
  const formats = [...(cellXfs?.[1] ?? '').matchAll(/<(?:[\w.-]+:)?xf\b([^<>]*)>/g)].map((m) => {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    return id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined;
  });
  return { formats };
}

/** The shared strings in order; scanned with indexOf, so that a part without end tags costs one pass, not one per item. */
function readSharedStrings(xml: string | undefined, damage: DamageLog, deadline: Deadline): string[] {
  if (!xml) return [];
  const p = /<([\w.-]+:)?sst\b/.exec(xml)?.[1] ?? '';
  const open = new RegExp(`<${p}si\\b[^<>]*?(/?)>`, 'g');
  const close = `</${p}si>`;
  const out: string[] = [];
  let complete = endsWithEndTag(xml, 'sst');
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if ((out.length & 4095) === 4095) deadline.check();
    if (m[1]) {
      out.push('');
      continue;
    }
    const end = xml.indexOf(close, open.lastIndex);
    if (end === -1) {
      complete = false;
      break;
    }
    out.push(runText(xml.slice(open.lastIndex, end)));
    open.lastIndex = end + close.length;
  }
  if (!complete) damage.note(damageNotes.stringsCut);
  return out;
}

interface Context {
  strings: string[];
  styles: Styles;
  date1904: boolean;
  damage: DamageLog;
  deadline: Deadline;
}

/** A cell's value by its type attribute and <v> text, as exceljs read it (dates as yyyy-mm-dd). */
/** `at` gives the cell's A1 reference for a damage note: only built when there is one. */
function cellValue(
  type: string | undefined,
  raw: string,
  numFmt: string | undefined,
  sheet: SheetBuilder,
  at: () => string,
  ctx: Context,
): CellValue {
  switch (type) {
    case 's': {
      const s = ctx.strings[Number(raw)];
      if (s === undefined) {
        ctx.damage.note(damageNotes.missingString, sheet.name, at());
        return null;
      }
      return s;
    }
    case 'str':
    case 'e':
      return unescapeXml(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'd':
      return unescapeXml(raw).slice(0, 10);
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) {
        ctx.damage.note(damageNotes.notANumber, sheet.name, at());
        return unescapeXml(raw);
      }
      return numFmt && isDateFormat(numFmt) ? (excelDate(n, ctx.date1904) ?? n) : n;
    }
  }
}

const TAG = /<(?:[\w.-]+:)?(row|c|mergeCell)\b([^<>]*?)(\/?)>/g;
const CELL_END = /<\/(?:[\w.-]+:)?c>/g;
const NEXT_TAG = /<(?:[\w.-]+:)?(?:row|c)\b/g;
const FORMULA = /<(?:[\w.-]+:)?f\b([^<>]*?)(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?f>)/;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^<>]*)?>([^<]*)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is\b[^<>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

function readSheet(xml: string, sheet: SheetBuilder, ctx: Context): void {
  const sharedFormulas = new Map<string, string>();
  let row = -1;
  let col = -1;
  let lastRow = -1;
  const seenRows = new Set<number>();
  let duplicateRow = false;
  let count = 0;
  // Where the next end tag and the next cell or row start, as last found: each is searched for once per stretch of
  // the text, so that a sheet whose cells lack end tags is still read in one pass.
  let endAt = -2;
  let nextAt = -2;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if ((++count & 8191) === 0) ctx.deadline.check();
    const [, name, attrs, selfClosing] = m;
    if (name === 'row') {
      const r = Number(attr(attrs, 'r'));
      row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
      col = -1;
      // Rows come in order; one given again (or out of order over an earlier one) is read once.
      duplicateRow = row <= lastRow && seenRows.has(row);
      if (duplicateRow) ctx.damage.note(damageNotes.repeatedCell, sheet.name);
      seenRows.add(row);
      lastRow = Math.max(lastRow, row);
      continue;
    }
    if (name === 'mergeCell') {
      const [a, b = a] = (attr(attrs, 'ref') ?? '').split(':');
      const from = parseRef(a);
      const to = parseRef(b);
      if (from && to) sheet.merge(from[0], from[1], to[0], to[1]);
      else sheet.merge(NaN, NaN, NaN, NaN);
      continue;
    }
    // A cell: its position from r="…", or next to the one before.
    const r = attr(attrs, 'r');
    const at = r === undefined ? undefined : parseRef(r);
    if (r !== undefined && !at) {
      // Read at no position: its value is skipped with the cell.
      sheet.touch(-1, -1);
      continue;
    }
    const cellRow = at ? at[0] : Math.max(row, 0);
    col = at ? at[1] : col + 1;
    if (!selfClosing) {
      const start = TAG.lastIndex;
      if (endAt !== -1 && endAt < start) {
        CELL_END.lastIndex = start;
        endAt = CELL_END.exec(xml)?.index ?? -1;
      }
      if (nextAt !== -1 && nextAt < start) {
        NEXT_TAG.lastIndex = start;
        nextAt = NEXT_TAG.exec(xml)?.index ?? -1;
      }
      let stop = endAt === -1 ? xml.length : endAt;
      let next = endAt === -1 ? xml.length : xml.indexOf('>', endAt) + 1;
      // A cell whose end tag is missing must not swallow the cells after it.
      if (nextAt !== -1 && nextAt < stop) {
        ctx.damage.note(damageNotes.cellXmlCut, sheet.name);
        stop = next = nextAt;
      }
      const body = xml.slice(start, stop);
      TAG.lastIndex = next;
      if (duplicateRow) continue;
      const cell = readCell(attrs, body, cellRow, col, sheet, sharedFormulas, ctx);
      if (cell) sheet.set(cellRow, col, cell);
      else sheet.touch(cellRow, col);
    } else if (!duplicateRow) sheet.touch(cellRow, col);
  }
}

function readCell(
  attrs: string,
  body: string,
  row: number,
  col: number,
  sheet: SheetBuilder,
  sharedFormulas: Map<string, string>,
  ctx: Context,
): GridCell | undefined {
  const type = attr(attrs, 't');
  const style = attr(attrs, 's');
  const numFmt = style === undefined ? undefined : ctx.styles.formats[Number(style)];
  const f = FORMULA.exec(body);
  const v = VALUE.exec(body);
  let formula: string | undefined;
  if (f) {
    formula = f[2] !== undefined ? unescapeXml(f[2]) : undefined;
    const si = attr(f[1], 'si');
    if (si !== undefined) {
      if (formula) sharedFormulas.set(si, formula);
      else formula = sharedFormulas.get(si);
    }
    formula ??= '';
  }
  let value: CellValue;
  if (type === 'inlineStr') {
    const is = INLINE.exec(body);
    value = is ? runText(is[1]) : v ? unescapeXml(v[1]) : null;
  } else value = v ? cellValue(type, v[1], numFmt, sheet, () => toA1(row, col), ctx) : null;
  if (formula !== undefined) {
    if (!v) return { value: null, formula, noCachedValue: true };
    return { value, formula, ...(numFmt ? { numFmt } : {}) };
  }
  if (value === null) return undefined;
  return { value, ...(numFmt ? { numFmt } : {}) };
}

/** Reads an .xlsx package (also .xlsm, .xltx, and what WPS, LibreOffice and the platforms' exporters write). */
export function readXlsx(bytes: Uint8Array): ReadWorkbook {
  const deadline = new Deadline(() => refuse(limitRefusal.time()));
  const damage = new DamageLog();
  // Maps, not the object fflate returns: a part named like "constructor" must find nothing it was not given.
  const parts = inflateParts(bytes);
  const byLowerCase = new Map([...parts].map(([name, data]) => [name.toLowerCase(), data]));
  const text = (path: string | undefined) => {
    const part = path === undefined ? undefined : (parts.get(path) ?? byLowerCase.get(path.toLowerCase()));
    return part ? decodeText(part) : undefined;
  };
  const root = relationships(text('_rels/.rels'), '');
  const workbookPath = [...root.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.path ?? 'xl/workbook.xml';
  const workbookXml = text(workbookPath);
  if (workbookXml === undefined) {
    if ([...parts.keys()].some((p) => /^xl\/worksheets\//i.test(p))) throw refusal(fileMessages.noWorkbookPart());
    throw refusal(fileMessages.noWorkbookInZip());
  }
  const rels = relationships(text(relsPathOf(workbookPath)), workbookPath);
  const date1904 = /date1904\s*=\s*["'](?:1|true)["']/.test(/<(?:[\w.-]+:)?workbookPr\b[^<>]*>/.exec(workbookXml)?.[0] ?? '');
  const ctx: Context = {
    strings: [],
    styles: readStyles(text([...rels.values()].find((r) => /\/styles$/.test(r.type))?.path ?? 'xl/styles.xml'), damage),
    date1904,
    damage,
    deadline,
  };
  ctx.strings = readSharedStrings(
    text([...rels.values()].find((r) => /\/sharedStrings$/.test(r.type))?.path ?? 'xl/sharedStrings.xml'),
    damage,
    deadline,
  );

  const sheetTags = [...workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^<>]*)>/g)];
  if (sheetTags.length > MAX_SHEETS) refuse(limitRefusal.sheets());
  const budget = new Budget();
  const sheets: SheetGrid[] = [];
  for (const [index, tag] of sheetTags.entries()) {
    const name = attr(tag[1], 'name') ?? `Sheet${index + 1}`;
    const rel = rels.get(attr(tag[1], 'id') ?? '');
    if (rel && !REL_WORKSHEET.test(rel.type)) continue; // a chart sheet has no cells
    const fallback = `xl/worksheets/sheet${index + 1}.xml`;
    let xml = text(rel?.path ?? fallback);
    if (xml === undefined && rel) {
      xml = text(fallback);
      if (xml !== undefined) damage.note(damageNotes.sheetRelation(name), name);
    }
    if (xml === undefined || !/<(?:[\w.-]+:)?(?:worksheet|sheetData)\b/.test(xml)) {
      damage.note(damageNotes.sheetMissing(name), name);
      continue;
    }
    const builder = new SheetBuilder(name, budget, damage, refuse);
    readSheet(xml, builder, ctx);
    if (!endsWithEndTag(xml, 'worksheet')) damage.note(damageNotes.sheetCut, name);
    sheets.push(builder.finish());
  }
  if (!sheets.length) {
    if (sheetTags.length) throw refusal(fileMessages.noReadableSheet());
    throw refusal(fileMessages.noSheetInZip());
  }
  return { sheets, damage: damage.list().map((d) => (d.sheet === undefined ? { ...d, sheet: sheets[0].name } : d)) };
}
