import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { argbOf, bySeverity, fileMessages, NOTE_TITLE, parseA1, PRODUCT_NAME, SEVERITIES, type Finding, type Severity } from '../../src/index';
import { MAX_PACKAGE_BYTES } from './limits';
import { relsPathOf, resolveTarget } from './package-paths';
import { repack } from './repack';
import { inflatedParts, inflateEntry, zipEntries, type ZipEntry } from './zip';
import { tableSheetXml } from './xlsx-table';
import { escapeXml, unescapeXml } from './xml';

/**
 * The reviewer's annotated copy, made by patching the .xlsx package rather than re-writing it through a library:
 * only the parts that must change are touched — the sheet XML of the marked cells, styles.xml (one fill and one cell
 * format per severity and original format), the notes (comments part and its VML drawing, created or extended), the
 * relationships and content types, and one added sheet 检查结果. Every other part is copied byte for byte, so
 * charts, pictures, formulas, merged areas, widths, print settings and defined names stay exactly as they were.
 */

const SUMMARY_SHEET = fileMessages.resultSheet();
/** ARGB fills per severity: Excel's light red, yellow and blue. */

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_COMMENTS = `${NS_REL}/comments`;
const REL_VML = `${NS_REL}/vmlDrawing`;
const REL_STYLES = `${NS_REL}/styles`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** Elements that follow legacyDrawing in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export class AnnotateError extends Error {}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** A package part's relationships, and additions to them. */
class Rels {
  readonly list: Relationship[];
  private readonly added: string[] = [];

  constructor(
    readonly path: string,
    private readonly xml: string | undefined,
  ) {
    this.list = [...(xml ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      return { id: a.Id, type: a.Type, target: a.Target };
    });
  }

  add(type: string, target: string): string {
    let n = this.list.length + 1;
    while (this.list.some((r) => r.id === `rId${n}`)) n++;
    const id = `rId${n}`;
    this.list.push({ id, type, target });
    this.added.push(`<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`);
    return id;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  toXml(): string {
    const base =
      this.xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    return base
      .replace(/<\/Relationships>\s*$/, `${this.added.join('')}</Relationships>`)
      .replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${this.added.join('')}</Relationships>`);
  }
}

/** The package's parts, inflated only when the patch reads them, and the parts it writes. */
export class Package {
  /** Parts written by the patch: the only ones deflated again. */
  readonly changed = new Set<string>();
  /** Every part by name, in the package's order: its zip entry until it is read, then its bytes. */
  private readonly parts: Map<string, ZipEntry | Uint8Array>;

  /** `source`: the entries of a package re-packed by copying them; without it, one zipped whole. */
  constructor(
    parts: Iterable<[string, ZipEntry | Uint8Array]>,
    private readonly source?: ReadonlyMap<string, ZipEntry>,
  ) {
    this.parts = new Map(parts);
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  bytes(path: string): Uint8Array | undefined {
    const part = this.parts.get(path);
    if (!part || part instanceof Uint8Array) return part;
    let inflated: Uint8Array;
    try {
      inflated = inflateEntry(part);
    } catch {
      throw new AnnotateError(fileMessages.copyZipDamaged());
    }
    this.parts.set(path, inflated);
    return inflated;
  }

  text(path: string): string | undefined {
    const f = this.bytes(path);
    return f ? strFromU8(f) : undefined;
  }

  write(path: string, text: string): void {
    this.parts.set(path, strToU8(text));
    this.changed.add(path);
  }

  remove(path: string): void {
    this.parts.delete(path);
  }

  /** The patched package as a zip: untouched parts copied as the source stores them (see repack.ts). */
  toZip(): Uint8Array {
    const names = [...this.parts.keys()];
    if (this.source) return repack(this.source, names, this.changed, (name) => this.bytes(name)!);
    return zipSync(Object.fromEntries(names.map((name) => [name, this.bytes(name)!])), { level: 6 });
  }

  unusedPath(pattern: (n: number) => string): string {
    let n = 1;
    while (this.has(pattern(n))) n++;
    return pattern(n);
  }

  rels(part: string): Rels {
    const path = relsPathOf(part);
    return new Rels(path, this.text(path));
  }

  saveRels(rels: Rels): void {
    if (rels.changed) this.write(rels.path, rels.toXml());
  }
}

/** Content types: an Override per new part, a Default per new extension. */
class ContentTypes {
  private xml: string;

  constructor(private readonly pkg: Package) {
    const xml = pkg.text('[Content_Types].xml');
    if (!xml) throw new AnnotateError(fileMessages.noContentTypes());
    this.xml = xml;
  }

  override(part: string, type: string): void {
    if (this.xml.includes(`PartName="/${part}"`)) return;
    this.xml = this.xml.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  }

  defaultFor(extension: string, type: string): void {
    if (new RegExp(`Extension="${extension}"`, 'i').test(this.xml)) return;
    this.xml = this.xml.replace(/<Types([^>]*)>/, `<Types$1><Default Extension="${extension}" ContentType="${type}"/>`);
  }

  save(): void {
    this.pkg.write('[Content_Types].xml', this.xml);
  }
}

interface SheetRef {
  name: string;
  part: string;
}

export function sheetsOf(pkg: Package): { sheets: SheetRef[]; workbookRels: Rels } {
  const workbook = pkg.text('xl/workbook.xml');
  if (!workbook) throw new AnnotateError(fileMessages.noWorkbookXml());
  const workbookRels = pkg.rels('xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const rel = workbookRels.list.find((r) => r.id === rid);
    return { name: a.name, part: rel ? resolveTarget('xl', rel.target) : '' };
  });
  return { sheets, workbookRels };
}

/** Cell formats: each (original format, severity) gets one clone with the severity's fill. */
class Styles {
  private xml: string;
  private readonly fills = new Map<Severity, number>();
  private readonly xfs: string[];
  private readonly cloned = new Map<string, number>();
  private readonly addedXfs: string[] = [];

  constructor(
    private readonly pkg: Package,
    private readonly path: string,
  ) {
    this.xml = pkg.text(path)!;
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(this.xml);
    if (!cellXfs || !/<fills\b[^>]*>[\s\S]*?<\/fills>/.test(this.xml)) throw new AnnotateError(fileMessages.noCellFormats());
    this.xfs = [...cellXfs[1].matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]);
  }

  private fillId(severity: Severity): number {
    let id = this.fills.get(severity);
    if (id === undefined) {
      const count = [.../<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(this.xml)![1].matchAll(/<fill\b[\s\S]*?<\/fill>|<fill\b[^>]*\/>/g)].length;
      id = count;
      const fill = `<fill><patternFill patternType="solid"><fgColor rgb="${argbOf(SEVERITIES[severity].fill)}"/><bgColor indexed="64"/></patternFill></fill>`;
      this.xml = this.xml.replace(
        /<fills\b([^>]*)>([\s\S]*?)<\/fills>/,
        (_, attrs: string, inner: string) => `<fills${attrs.replace(/count="\d+"/, `count="${count + 1}"`)}>${inner}${fill}</fills>`,
      );
      this.fills.set(severity, id);
    }
    return id;
  }

  /** The index of a cell format like `original` but filled for `severity`. */
  marked(original: number, severity: Severity): number {
    const key = `${original}|${severity}`;
    let index = this.cloned.get(key);
    if (index === undefined) {
      const base = this.xfs[original] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      const fillId = this.fillId(severity);
      let xf = /\bfillId="\d+"/.test(base) ? base.replace(/\bfillId="\d+"/, `fillId="${fillId}"`) : base.replace(/^<xf\b/, `<xf fillId="${fillId}"`);
      xf = /\bapplyFill="[^"]*"/.test(xf) ? xf.replace(/\bapplyFill="[^"]*"/, 'applyFill="1"') : xf.replace(/^<xf\b/, '<xf applyFill="1"');
      index = this.xfs.length + this.addedXfs.length;
      this.addedXfs.push(xf);
      this.cloned.set(key, index);
    }
    return index;
  }

  save(): void {
    if (!this.addedXfs.length) return;
    const total = this.xfs.length + this.addedXfs.length;
    this.xml = this.xml.replace(
      /<cellXfs\b([^>]*)>([\s\S]*?)<\/cellXfs>/,
      (_, attrs: string, inner: string) =>
        `<cellXfs${/count="\d+"/.test(attrs) ? attrs.replace(/count="\d+"/, `count="${total}"`) : `${attrs} count="${total}"`}>${inner}${this.addedXfs.join('')}</cellXfs>`,
    );
    this.pkg.write(this.path, this.xml);
  }
}

/** A minimal styles part, for the rare package written without one. */
function ensureStyles(pkg: Package, workbookRels: Rels, types: ContentTypes): string {
  const existing = workbookRels.list.find((r) => r.type === REL_STYLES);
  if (existing) return resolveTarget('xl', existing.target);
  const path = 'xl/styles.xml';
  pkg.write(
    path,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  );
  workbookRels.add(REL_STYLES, 'styles.xml');
  types.override(path, CT_STYLES);
  return path;
}

/** Sets the format of one cell of a worksheet's XML, creating the cell (and its row) where the sheet has none. */
export function setCellStyle(xml: string, p: string, address: string, style: (current: number) => number): string {
  const { row } = parseA1(address);
  const cellRe = new RegExp(`<${p}c\\b([^>]*?)\\br="${address}"([^>]*?)(/?)>`);
  const existing = cellRe.exec(xml);
  if (existing) {
    const tag = existing[0];
    const current = Number(/\bs="(\d+)"/.exec(tag)?.[1] ?? 0);
    const next = /\bs="\d+"/.test(tag)
      ? tag.replace(/\bs="\d+"/, `s="${style(current)}"`)
      : tag.replace(`r="${address}"`, `r="${address}" s="${style(current)}"`);
    return xml.replace(tag, next);
  }
  const cell = `<${p}c r="${address}" s="${style(0)}"/>`;
  const rowRe = new RegExp(`<${p}row\\b[^>]*\\br="${row + 1}"[^>]*?(/?)>`);
  const rowTag = rowRe.exec(xml);
  if (rowTag) {
    if (rowTag[1] === '/') return xml.replace(rowTag[0], `${rowTag[0].replace(/\/>$/, '>')}${cell}</${p}row>`);
    const start = rowTag.index + rowTag[0].length;
    const end = xml.indexOf(`</${p}row>`, start);
    const inner = xml.slice(start, end);
    const col = parseA1(address).col;
    const after = [...inner.matchAll(new RegExp(`<${p}c\\b[^>]*\\br="([A-Z]+)\\d+"`, 'g'))].find((m) => parseA1(`${m[1]}1`).col > col);
    const at = after ? start + after.index : end;
    return xml.slice(0, at) + cell + xml.slice(at);
  }
  const newRow = `<${p}row r="${row + 1}">${cell}</${p}row>`;
  if (new RegExp(`<${p}sheetData\\s*/>`).test(xml))
    return xml.replace(new RegExp(`<${p}sheetData\\s*/>`), `<${p}sheetData>${newRow}</${p}sheetData>`);
  const later = [...xml.matchAll(new RegExp(`<${p}row\\b[^>]*\\br="(\\d+)"`, 'g'))].find((m) => Number(m[1]) > row + 1);
  const at = later ? later.index : xml.indexOf(`</${p}sheetData>`);
  return xml.slice(0, at) + newRow + xml.slice(at);
}

function vmlShape(address: string, id: number): string {
  const { row, col } = parseA1(address);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 5}, 15, ${row + 6}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const VML_SHAPETYPE =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function newVml(shapes: string): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${VML_SHAPETYPE}${shapes}</xml>`
  );
}

const richText = (text: string) => `<r><t xml:space="preserve">${escapeXml(text)}</t></r>`;

/** Adds the notes of one sheet: into its comments part and VML drawing when it has them, into new ones when not. */
function addNotes(pkg: Package, types: ContentTypes, sheetPart: string, sheetXml: string, p: string, notes: Map<string, string>): string {
  const rels = pkg.rels(sheetPart);
  const dir = sheetPart.slice(0, sheetPart.lastIndexOf('/'));
  const commentsRel = rels.list.find((r) => r.type === REL_COMMENTS);
  let commentsPath = commentsRel ? resolveTarget(dir, commentsRel.target) : undefined;
  let comments = commentsPath ? pkg.text(commentsPath) : undefined;
  const newCells: string[] = [];
  if (!comments || !commentsPath) {
    commentsPath = pkg.unusedPath((n) => `xl/comments${n}.xml`);
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;
    rels.add(REL_COMMENTS, `../${commentsPath.slice(3)}`);
    types.override(commentsPath, CT_COMMENTS);
  }
  const cp = /<(\w+:)?comments\b/.exec(comments)?.[1] ?? '';
  const authors = [...comments.matchAll(new RegExp(`<${cp}author>([\\s\\S]*?)</${cp}author>`, 'g'))].map((m) => unescapeXml(m[1]));
  let authorId = authors.indexOf(PRODUCT_NAME);
  if (authorId < 0) {
    authorId = authors.length;
    comments = comments
      .replace(new RegExp(`<${cp}authors\\s*/>`), `<${cp}authors></${cp}authors>`)
      .replace(`</${cp}authors>`, `<${cp}author>${PRODUCT_NAME}</${cp}author></${cp}authors>`);
  }
  comments = comments.replace(new RegExp(`<${cp}commentList\\s*/>`), `<${cp}commentList></${cp}commentList>`);
  for (const [address, text] of notes) {
    const existing = new RegExp(`(<${cp}comment\\b[^>]*\\bref="${address}"[^>]*>[\\s\\S]*?)(</${cp}text>)`).exec(comments);
    if (existing) {
      comments = comments.replace(existing[0], `${existing[1]}${richText(`\n${text}`).replace(/<(\/?)(r|t)\b/g, `<$1${cp}$2`)}${existing[2]}`);
    } else {
      const comment = `<${cp}comment ref="${address}" authorId="${authorId}"><${cp}text>${richText(text).replace(/<(\/?)(r|t)\b/g, `<$1${cp}$2`)}</${cp}text></${cp}comment>`;
      comments = comments.replace(`</${cp}commentList>`, `${comment}</${cp}commentList>`);
      newCells.push(address);
    }
  }
  pkg.write(commentsPath, comments);

  if (newCells.length) {
    const vmlRel = rels.list.find((r) => r.type === REL_VML);
    const vmlPath = vmlRel ? resolveTarget(dir, vmlRel.target) : undefined;
    const vml = vmlPath ? pkg.text(vmlPath) : undefined;
    const firstId = 1024 + Math.max(0, ...[...(vml ?? '').matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]) - 1024)) + 1;
    const shapes = newCells.map((a, i) => vmlShape(a, firstId + i)).join('');
    if (vml && vmlPath) {
      const withType = vml.includes('_x0000_t202') ? vml : vml.replace(/<\/xml>\s*$/, `${VML_SHAPETYPE}</xml>`);
      pkg.write(vmlPath, withType.replace(/<\/xml>\s*$/, `${shapes}</xml>`));
    } else {
      const path = pkg.unusedPath((n) => `xl/drawings/vmlDrawing${n}.vml`);
      pkg.write(path, newVml(shapes));
      types.defaultFor('vml', CT_VML);
      const id = rels.add(REL_VML, `../${path.slice(3)}`);
      sheetXml = addLegacyDrawing(sheetXml, p, id);
    }
  }
  pkg.saveRels(rels);
  return sheetXml;
}

/** The relationships namespace prefix of a part's root element (worksheet, workbook), declared if missing. */
function relPrefix(xml: string, root: string, p: string): { xml: string; r: string } {
  const declared = new RegExp(`xmlns:(\\w+)="${NS_REL}"`).exec(xml);
  if (declared) return { xml, r: declared[1] };
  return { xml: xml.replace(new RegExp(`<${p}${root}\\b`), `<${p}${root} xmlns:r="${NS_REL}"`), r: 'r' };
}

function addLegacyDrawing(sheetXml: string, p: string, id: string): string {
  const { xml, r } = relPrefix(sheetXml, 'worksheet', p);
  const element = `<${p}legacyDrawing ${r}:id="${id}"/>`;
  for (const name of AFTER_LEGACY_DRAWING) {
    const at = xml.search(new RegExp(`<${p}${name}\\b`));
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  return xml.replace(new RegExp(`</${p}worksheet>\\s*$`), `${element}</${p}worksheet>`);
}

/** The 检查结果 sheet: one row per finding, its cell a link to the cell. Strings inline: sharedStrings is untouched. */
function summarySheetXml(findings: Finding[]): string {
  const rows = findings.map((f, i) => [i + 1, SEVERITIES[f.severity].word, f.code, f.sheet, `${f.sheet}!${f.cell}`, f.message]);
  const links = findings.map(
    (f, i) =>
      `<hyperlink ref="E${i + 2}" location="'${escapeXml(f.sheet.replace(/'/g, "''"))}'!${f.cell}" display="${escapeXml(`${f.sheet}!${f.cell}`)}"/>`,
  );
  // Header in cell format 0: the workbook's styles are the department's, not ours.
  return tableSheetXml(
    [fileMessages.resultHeader(), ...rows],
    [6, 9, 22, 16, 18, 90],
    0,
    links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '',
  );
}

function addSummarySheet(pkg: Package, types: ContentTypes, workbookRels: Rels, sheets: SheetRef[], findings: Finding[]): void {
  const part = pkg.unusedPath((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.write(part, summarySheetXml(findings));
  types.override(part, CT_WORKSHEET);
  const id = workbookRels.add(REL_WORKSHEET, part.slice(3));
  const original = pkg.text('xl/workbook.xml')!;
  const wp = /<(\w+:)?workbook\b/.exec(original)?.[1] ?? '';
  let { xml: workbook, r } = relPrefix(original, 'workbook', wp);
  const sheetIds = [...workbook.matchAll(/\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  let name = SUMMARY_SHEET;
  for (let n = 2; sheets.some((s) => s.name === name); n++) name = `${SUMMARY_SHEET}(${n})`;
  const sheet = `<${wp}sheet name="${name}" sheetId="${Math.max(0, ...sheetIds) + 1}" ${r}:id="${id}"/>`;
  workbook = workbook.replace(new RegExp(`</${wp}sheets>`), `${sheet}</${wp}sheets>`);
  pkg.write('xl/workbook.xml', workbook);
}

/** A package's parts, read for patching: listed, each inflated when it is read. */
export function unpack(bytes: Uint8Array): Package {
  const entries = zipEntries(bytes);
  // Every part may be copied, pictures too: their declared sizes (never inflated beyond) are bounded.
  const tooLarge = () => new AnnotateError(fileMessages.copyTooLarge(MAX_PACKAGE_BYTES));
  if (entries) {
    let declared = 0;
    for (const entry of entries.values()) declared += entry.size;
    if (declared > MAX_PACKAGE_BYTES) throw tooLarge();
    const read = inflatedParts.get(bytes);
    inflatedParts.delete(bytes);
    return new Package(
      [...entries].map(([name, entry]) => [name, read?.get(name) ?? entry]),
      entries,
    );
  }
  // A package the entries cannot be copied from (zip64, encrypted entries): inflated whole by fflate, zipped whole.
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    files = unzipSync(bytes, { filter: (f) => (declared += f.originalSize) <= MAX_PACKAGE_BYTES });
  } catch {
    throw new AnnotateError(fileMessages.copyZipDamaged());
  }
  if (declared > MAX_PACKAGE_BYTES) throw tooLarge();
  return new Package(Object.entries(files));
}

/** The annotated copy of a workbook: every finding's cell filled and noted, a 检查结果 sheet added. */
export function annotateXlsx(bytes: Uint8Array, findings: readonly Finding[]): Uint8Array {
  const pkg = unpack(bytes);
  const types = new ContentTypes(pkg);
  const { sheets, workbookRels } = sheetsOf(pkg);
  const marked = findings.filter((f) => sheets.some((s) => s.name === f.sheet && s.part));
  if (marked.length) {
    const styles = new Styles(pkg, ensureStyles(pkg, workbookRels, types));
    for (const sheet of sheets) {
      const onSheet = marked.filter((f) => f.sheet === sheet.name);
      if (!onSheet.length) continue;
      let xml = pkg.text(sheet.part);
      if (!xml) throw new AnnotateError(fileMessages.sheetPartMissing(sheet.name));
      const p = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
      const byCell = new Map<string, Finding[]>();
      for (const f of onSheet) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
      const notes = new Map<string, string>();
      for (const [address, fs] of byCell) {
        const worst = [...fs].sort(bySeverity)[0].severity;
        xml = setCellStyle(xml, p, address, (current) => styles.marked(current, worst));
        notes.set(address, `${NOTE_TITLE}\n${fs.map((f) => f.message).join('\n')}`);
      }
      xml = addNotes(pkg, types, sheet.part, xml, p, notes);
      pkg.write(sheet.part, xml);
    }
    styles.save();
  }
  addSummarySheet(pkg, types, workbookRels, sheets, [...findings]);
  pkg.saveRels(workbookRels);
  types.save();
  return pkg.toZip();
}
