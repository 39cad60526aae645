import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, it } from 'vitest';
import { readWorkbookBytes, withDamage } from '../../hosts/files/index';
import { createChecker } from '../../src/index';
import { buildCli } from '../support/build';
import { deflateBomb, zip, type Entry } from './zip';

/** Zip bombs and crafted files: refused (or read around) within bounded memory, in one Chinese sentence. */

const BIN = resolve('bin/perf-check.js');
const FIXTURE = resolve('test/fixtures/national-beita-2023.xlsx');
const MEMORY_LIMIT_MB = 512;
const REPORT_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxRSS "+process.resourceUsage().maxRSS+"\\n"))`;
const tmp = mkdtempSync(join(tmpdir(), 'perf-hostile-'));

/** perf-check check on one file, held to the memory limit; its peak memory in MB. */
function check(name: string, bytes: Uint8Array) {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  const r = spawnSync(process.execPath, [`--max-old-space-size=${MEMORY_LIMIT_MB}`, '--import', REPORT_RSS, BIN, 'check', path, '--json'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.signal, null, r.stderr);
  const peakMb = Number(/maxRSS (\d+)/.exec(r.stderr)![1]) / 1024;
  return { status: r.status, out: JSON.parse(r.stdout), stderr: r.stderr.replace(/\nmaxRSS \d+\n$/, '').trim(), peakMb };
}

/** The fixture's parts stored as they are, one part replaced by the given entry. */
function packageWith(replace: Entry): Uint8Array {
  const parts = unzipSync(readFileSync(FIXTURE));
  const entries: Entry[] = Object.entries(parts)
    .filter(([name]) => name !== replace.name)
    .map(([name, data]) => ({ name, data, method: 0, size: data.length }));
  return zip([...entries, replace]);
}

function withSheetXml(edit: (xml: string) => string, part = 'xl/worksheets/sheet1.xml'): Uint8Array {
  const parts = unzipSync(readFileSync(FIXTURE));
  parts[part] = strToU8(edit(strFromU8(parts[part])));
  return zipSync(parts);
}

describe('hostile workbooks', () => {
  beforeAll(() => {
    buildCli();
  });

  it('a zip bomb (1.5 MB inflating to 1.5 GB) is refused from its declared size, before anything is inflated', () => {
    const bomb = deflateBomb(1536);
    assert.ok(bomb.length < 2 * 1048576, `${bomb.length} bytes`);
    const r = check('bomb.xlsx', packageWith({ name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, size: 1536 * 1048576 }));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^工作簿解压后有 153\d MB，超过了 128 MB 的上限（可能是损坏或恶意构造的压缩包）。请确认文件来源，在 Excel 或 WPS 中打开后另存为 \.xlsx 再检查。$/);
    assert.ok(r.peakMb < 200, `peak ${r.peakMb} MB`);
  });

  it('a zip bomb whose header lies about its size is inflated no further than the header says', () => {
    const r = check('lying-bomb.xlsx', packageWith({ name: 'xl/worksheets/sheet1.xml', data: deflateBomb(1536), method: 8, size: 100_000 }));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^文件已损坏，无法读取（压缩包：压缩数据不完整或已损坏）/);
    assert.ok(r.peakMb < 200, `peak ${r.peakMb} MB`);
  });

  it('an .ods whose repeated cells expand to a billion values is refused before they are expanded', () => {
    const row = '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row>';
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="Sheet1">${row}</table:table></office:spreadsheet></office:body></office:document-content>`;
    const ods = zip([
      { name: 'mimetype', data: strToU8('application/vnd.oasis.opendocument.spreadsheet'), method: 0, size: 46 },
      { name: 'content.xml', data: strToU8(content), method: 0, size: content.length },
    ]);
    const r = check('repeated.ods', ods);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^工作簿中有数据的单元格超过 2,000,000 个的上限/);
    assert.ok(r.peakMb < 300, `peak ${r.peakMb} MB`);
  });

  it('more cells than the limit are refused while they are read', () => {
    const rows = Array.from({ length: 210_000 }, (_, r) => `<row r="${r + 1}">${'ABCDEFGHIJ'.split('').map((c) => `<c r="${c}${r + 1}"><v>1</v></c>`).join('')}</row>`).join('');
    const r = check('cells.xlsx', withSheetXml((x) => x.replace(/<sheetData\/>|<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`)));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^工作簿中有数据的单元格超过 2,000,000 个的上限，不像是绩效自评工作簿。请删去与自评无关的明细表后再检查。$/);
    assert.ok(r.peakMb < MEMORY_LIMIT_MB, `peak ${r.peakMb} MB`);
  });

  it('a merged area over the whole sheet is clipped to the data and reported as damage; the findings stay those of the sheet', () => {
    const r = check('merge.xlsx', withSheetXml((x) => x.replace(/<mergeCells count="(\d+)">/, (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A40:XFD1048576"/>`)));
    assert.equal(r.status, 1, r.stderr);
    const codes = r.out.findings.map((f: { code: string; sheet: string; cell: string }) => `${f.code} ${f.sheet}!${f.cell}`);
    assert.deepEqual(codes, ['WEIGHT_MISMATCH 自评表!B9', 'WEIGHT_MISMATCH 自评表!B13', 'SUM_MISMATCH 基础数据表!B6', 'SUM_MISMATCH 基础数据表!B7', 'EMPTY_INDICATOR 自评表!B17', 'FILE_DAMAGED 自评表!A40']);
    assert.match(r.out.findings[5].message, /^文件有损坏（工作表XML）：有合并区域大得异常（如覆盖整张表），已按有数据的范围读取。/);
  });

  it('in a batch, a hostile file is listed with its reason, a damaged one is read with its warning, and the run goes on', () => {
    const inbox = join(tmp, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, '炸弹.xlsx'), packageWith({ name: 'xl/worksheets/sheet1.xml', data: deflateBomb(1536), method: 8, size: 1536 * 1048576 }));
    writeFileSync(join(inbox, '合并损坏.xlsx'), withSheetXml((x) => x.replace(/<mergeCells count="(\d+)">/, (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="Z9:A1"/>`)));
    copyFileSync('test/fixtures/hunan-junshan-2020.xlsx', join(inbox, '完好.xlsx'));
    const r = spawnSync(process.execPath, [BIN, 'batch', inbox, '--out', join(tmp, 'out'), '--jobs', '2'], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /共 3 个文件：本次检查 3 个，未变化跳过 0 个；有错误 1 个，无法读取 1 个/);
    const csv = readFileSync(join(tmp, 'out', '汇总.csv'), 'utf8');
    assert.match(csv, /炸弹\.xlsx,,,无法读取,.*工作簿解压后有 153\d MB，超过了 128 MB 的上限/);
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const damagedColumn = header.split(',').indexOf('文件损坏');
    const damaged = lines.find((l) => l.startsWith('合并损坏.xlsx'))!.split(',');
    assert.equal(damaged[damagedColumn], '1');
    assert.match(lines.find((l) => l.startsWith('完好.xlsx'))!, /,通过,/);
  });

  it('cells and shared strings without end tags are read in one pass, with a damage warning', async () => {
    const cells = Array.from({ length: 200_000 }, (_, i) => `<c r="A${i + 1}" t="s"><v>${i % 3}</v>`).join('');
    const strings = Array.from({ length: 200_000 }, () => '<si><t>无结束标记').join('');
    const parts = unzipSync(readFileSync(FIXTURE));
    parts['xl/worksheets/sheet1.xml'] = strToU8(`<worksheet><sheetData><row r="1">${cells}`);
    parts['xl/sharedStrings.xml'] = strToU8(`<sst><si><t>甲</t></si><si><t>乙</t></si>${strings}`);
    const workbook = await readWorkbookBytes(zipSync(parts, { level: 1 }));
    const sheet = workbook.sheets[0];
    assert.equal(sheet.cells.length, 200_000);
    // Only two texts are complete: index 2 reads as an empty cell.
    assert.deepEqual([sheet.cells[0][0]?.value, sheet.cells[1][0]?.value, sheet.cells[2][0]], ['甲', '乙', undefined]);
    assert.deepEqual(
      workbook.damage.filter((d) => d.sheet === '自评表').map((d) => `${d.part} ${d.count} ${d.what}`),
      [
        '共享字符串 1 文字表不完整，部分单元格的文字未能读取',
        '工作表XML 199999 有单元格的XML不完整（缺少结束标记），已按能读到的内容读取',
        '共享字符串 66666 有单元格引用了不存在的文字，按空单元格读取',
        '工作表XML 1 工作表内容不完整（文件被截断），只读取了保留下来的部分',
      ],
    );
  });

  it('XML entities are never expanded (a billion laughs stays a short text) and no DTD is read', async () => {
    const laughs = '<!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>';
    const bytes = withSheetXml((x) => x.replace(/^(<\?xml[^>]*\?>)/, `$1${laughs}`).replace(/<t>([^<]*)<\/t>/, '<t>&lol2;&ext;&amp;$1</t>'), 'xl/sharedStrings.xml');
    const workbook = await readWorkbookBytes(bytes);
    const texts = workbook.sheets.flatMap((s) => s.cells.flat()).map((c) => c?.value).filter((v): v is string => typeof v === 'string');
    const first = texts.find((t) => t.startsWith('&lol2;'));
    assert.ok(first, 'the entity reference is kept as written');
    assert.ok(first.startsWith('&lol2;&ext;&'));
    assert.ok(texts.every((t) => !t.includes('root:')));
  });

  it('names like __proto__ and constructor in a crafted file pollute nothing', async () => {
    const parts = unzipSync(readFileSync(FIXTURE));
    const edit = (p: string, f: (x: string) => string) => (parts[p] = strToU8(f(strFromU8(parts[p]))));
    edit('xl/workbook.xml', (x) => x.replace(/name="自评表"/, 'name="__proto__"').replace(/name="基础数据表"/, 'name="constructor"'));
    edit('xl/_rels/workbook.xml.rels', (x) => x.replace(/Id="rId1"/g, 'Id="__proto__"'));
    edit('xl/workbook.xml', (x) => x.replace(/r:id="rId1"/, 'r:id="__proto__"'));
    const workbook = await readWorkbookBytes(zipSync(parts));
    assert.deepEqual(workbook.sheets.map((s) => s.name), ['__proto__', 'constructor']);
    const result = withDamage(createChecker().check(workbook), workbook);
    assert.ok(result.findings.some((f) => f.sheet === '__proto__' && f.code === 'WEIGHT_MISMATCH'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
    assert.equal(typeof ({} as { constructor: unknown }).constructor, 'function');
  });
});
