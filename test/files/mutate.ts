import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * A small deterministic mutator: damaged workbooks of the kinds reviewers receive (truncated XML, odd numbers, cell
 * references out of range, dropped or duplicated rows, huge strings, shared-string indices out of range, absurd or
 * inverted merged areas, flipped bytes, missing parts…), each made from a real fixture by one seeded change.
 */

/** mulberry32: the same cases on every run and every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Parts = Record<string, Uint8Array>;
type Rand = () => number;

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const firstSheet = (parts: Parts) => Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).sort()[0];
const sheetOf = (parts: Parts, rand: Rand) => pick(rand, Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).sort());

function editText(parts: Parts, path: string | undefined, edit: (xml: string) => string): void {
  if (!path || !parts[path]) return;
  parts[path] = strToU8(edit(strFromU8(parts[path])));
}

/** Replaces the n-th match (chosen at random) of a pattern. */
function replaceOne(xml: string, pattern: RegExp, rand: Rand, by: (m: string) => string): string {
  const matches = [...xml.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))];
  if (!matches.length) return xml;
  const m = pick(rand, matches);
  return xml.slice(0, m.index) + by(m[0]) + xml.slice(m.index + m[0].length);
}

const addMerges = (xml: string, refs: string[]) => {
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join('');
  return /<mergeCells\b[^>]*>/.test(xml)
    ? xml.replace(/<mergeCells\b[^>]*>/, (m) => `${m}${cells}`)
    : xml.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`);
};

/** Changes to the package's parts. */
const PART_MUTATIONS: Record<string, (parts: Parts, rand: Rand) => void> = {
  truncateSheet: (p, r) => editText(p, sheetOf(p, r), (x) => x.slice(0, Math.floor(x.length * (0.1 + 0.85 * r())))),
  truncateStrings: (p, r) => editText(p, 'xl/sharedStrings.xml', (x) => x.slice(0, Math.floor(x.length * (0.1 + 0.85 * r())))),
  truncateStyles: (p, r) => editText(p, 'xl/styles.xml', (x) => x.slice(0, Math.floor(x.length * r()))),
  oddNumber: (p, r) =>
    editText(p, sheetOf(p, r), (x) => replaceOne(x, /<c r="[A-Z]+\d+"(?: s="\d+")?><v>[^<]*<\/v>/, r, (m) => m.replace(/<v>[^<]*<\/v>/, `<v>${pick(r, ['1e999', 'NaN', 'abc', '-0', '0x1F', '', '１２', '1.7976931348623157e309', '--5'])}</v>`))),
  refOutOfRange: (p, r) => editText(p, sheetOf(p, r), (x) => replaceOne(x, /<c r="[A-Z]+\d+"/, r, () => `<c r="${pick(r, ['XFE1', 'A1048577', 'A0', '$$', 'ZZZZZ9', 'A99999999999', '1A'])}"`)),
  dropRow: (p, r) => editText(p, sheetOf(p, r), (x) => replaceOne(x, /<row\b[^>]*>[\s\S]*?<\/row>/, r, () => '')),
  duplicateRow: (p, r) => editText(p, sheetOf(p, r), (x) => replaceOne(x, /<row\b[^>]*>[\s\S]*?<\/row>/, r, (m) => m + m)),
  rowOutOfOrder: (p, r) => editText(p, sheetOf(p, r), (x) => replaceOne(x, /<row r="\d+"/, r, () => '<row r="2"')),
  hugeString: (p, r) => editText(p, 'xl/sharedStrings.xml', (x) => replaceOne(x, /<t(?: [^>]*)?>[^<]*<\/t>/, r, () => `<t>${'很长的文字'.repeat(20_000 + Math.floor(r() * 200_000))}</t>`)),
  stringIndexOutOfRange: (p, r) =>
    editText(p, sheetOf(p, r), (x) => replaceOne(x, /t="s"(?: [^>]*)?><v>\d+<\/v>/, r, (m) => m.replace(/<v>\d+<\/v>/, `<v>${pick(r, ['999999', '-1', '1.5', 'x', '4294967296'])}</v>`))),
  wholeSheetMerge: (p, r) => editText(p, sheetOf(p, r), (x) => addMerges(x, [pick(r, ['A1:XFD1048576', 'A1:A1048576', 'A1:XFD1', 'B2:XFD1048576'])])),
  invertedMerge: (p, r) => editText(p, sheetOf(p, r), (x) => addMerges(x, [pick(r, ['Z9:A1', 'C5:A1', 'A1:A1', 'A1:', ':', 'A1:B2:C3', 'XFE1:XFE2'])])),
  overlappingMerges: (p, r) => editText(p, sheetOf(p, r), (x) => addMerges(x, ['A1:D4', 'B2:E5', 'A1:D4'].slice(0, 2 + Math.floor(r() * 2)))),
  manyMerges: (p, r) => editText(p, sheetOf(p, r), (x) => addMerges(x, Array.from({ length: 5_000 + Math.floor(r() * 20_000) }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 2}`))),
  styleOutOfRange: (p, r) => editText(p, sheetOf(p, r), (x) => replaceOne(x, / s="\d+"/, r, () => ` s="${pick(r, ['99999', '-1', 'x'])}"`)),
  missingSheetPart: (p, r) => void delete p[sheetOf(p, r)],
  missingWorkbook: (p) => void delete p['xl/workbook.xml'],
  missingStrings: (p) => void delete p['xl/sharedStrings.xml'],
  badRels: (p) => editText(p, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/Target="worksheets\/sheet1\.xml"/, 'Target="../../../etc/passwd"')),
  entityBomb: (p) =>
    editText(p, 'xl/sharedStrings.xml', (x) =>
      x.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`).replace(/<t>/, '<t>&c;&c;&c;')),
  unclosedTags: (p, r) => editText(p, sheetOf(p, r), (x) => replaceOne(x, /<\/c>/, r, () => '')),
  formulaWithoutValue: (p, r) => editText(p, sheetOf(p, r), (x) => replaceOne(x, /<c r="([A-Z]+\d+)"(?: s="\d+")?><v>[^<]*<\/v><\/c>/, r, (m) => m.replace(/<v>[^<]*<\/v>/, '<f t="shared" si="77"/>'))),
  protoKeys: (p) => {
    editText(p, 'xl/workbook.xml', (x) => x.replace(/name="[^"]*"/, 'name="__proto__"'));
    editText(p, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/Id="rId1"/, 'Id="__proto__"'));
  },
  garbageSheet: (p, r) => void (p[sheetOf(p, r)] = strToU8('\u0000\u0001 not xml at all <<<>>> &&&')),
  prefixedXml: (p, r) => editText(p, sheetOf(p, r), (x) => x.replace(/<(\/?)(row|c|v|f|sheetData|mergeCells?)\b/g, '<$1x:$2')),
};

/** Changes to the file's bytes. */
const BYTE_MUTATIONS: Record<string, (bytes: Uint8Array, rand: Rand) => Uint8Array> = {
  flipBytes: (b, r) => {
    const out = b.slice();
    for (let i = 0, n = 1 + Math.floor(r() * 8); i < n; i++) out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * 8);
    return out;
  },
  truncateFile: (b, r) => b.slice(0, Math.floor(b.length * r())),
  zeroRun: (b, r) => {
    const out = b.slice();
    const at = Math.floor(r() * out.length);
    out.fill(0, at, at + 64 + Math.floor(r() * 512));
    return out;
  },
};

export const PART_KINDS = Object.keys(PART_MUTATIONS);
export const BYTE_KINDS = Object.keys(BYTE_MUTATIONS);

export function mutatePackage(bytes: Uint8Array, kind: string, seed: number): Uint8Array {
  const parts = unzipSync(bytes);
  if (!firstSheet(parts)) throw new Error('not a fixture package');
  PART_MUTATIONS[kind](parts, random(seed));
  return zipSync(parts, { level: 1 });
}

export function mutateBytes(bytes: Uint8Array, kind: string, seed: number): Uint8Array {
  return BYTE_MUTATIONS[kind](bytes, random(seed));
}
