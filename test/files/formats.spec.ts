import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, it } from 'vitest';
import { annotateWorkbook, readWorkbookBytes, sniff, withDamage, WorkbookReadError } from '../../hosts/files/index';
import { createChecker, type Finding } from '../../src/index';

/**
 * Every format a reviewer receives gives the findings of the same table saved as .xlsx: the fixtures below were saved
 * by LibreOffice as .xls, .ods and .xlsx (scripts/make-legacy-fixtures.sh) and are compared with their originals.
 */

const FIXTURES = 'test/fixtures';
const LEGACY = join(FIXTURES, 'legacy');
const checker = createChecker();
const summary = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`);

async function findingsOf(bytes: Uint8Array, name: string): Promise<string[]> {
  const workbook = await readWorkbookBytes(bytes, name);
  return summary(withDamage(checker.check(workbook), workbook).findings);
}

const saved = readdirSync(LEGACY).filter((f) => /\.(xls|ods|libreoffice\.xlsx)$/.test(f)).sort();
const originalOf = (f: string) => join(FIXTURES, `${f.replace(/\.(libreoffice\.xlsx|xls|ods)$/, '')}.xlsx`);

describe('formats', () => {
  it('covers .xls, .ods and LibreOffice .xlsx for ten fixtures', () => {
    assert.equal(saved.length, 30);
    assert.deepEqual(new Set(saved.map((f) => sniff(readFileSync(join(LEGACY, f))))), new Set(['legacy', 'ods', 'xlsx']));
  });

  for (const file of saved) {
    it(`${file} gives the findings of its .xlsx original`, async () => {
      const expected = await findingsOf(readFileSync(originalOf(file)), 'original.xlsx');
      assert.ok(expected.length > 0 || file.startsWith('hunan-junshan'), 'the original has findings to compare');
      assert.deepEqual(await findingsOf(readFileSync(join(LEGACY, file)), file), expected);
    });
  }

  it('a WPS .et (a BIFF workbook) reads like the .xls it is; an unreadable one is refused naming the format', async () => {
    const xls = readFileSync(join(LEGACY, 'national-beita-2023.xls'));
    assert.deepEqual(await findingsOf(xls, '北塔.et'), await findingsOf(readFileSync(join(FIXTURES, 'national-beita-2023.xlsx')), 'x.xlsx'));
    const broken = xls.slice(0, 2048);
    await assert.rejects(readWorkbookBytes(broken, '北塔.et'), (e: Error) => e instanceof WorkbookReadError && /^这个WPS 表格（\.et）文件已损坏/.test(e.message));
    await assert.rejects(readWorkbookBytes(broken, '北塔.xls'), (e: Error) => e instanceof WorkbookReadError && /^这个Excel 97-2003（\.xls）文件已损坏/.test(e.message));
  });

  it('the annotated copy of a legacy file is an .xlsx that reads back to the same findings', async () => {
    for (const file of ['kunming-dongchuan-2020.xls', 'national-beita-2023.ods']) {
      const bytes = readFileSync(join(LEGACY, file));
      const workbook = await readWorkbookBytes(bytes, file);
      const findings = withDamage(checker.check(workbook), workbook).findings;
      const copy = await annotateWorkbook(bytes, file, findings);
      assert.equal(copy.converted, true);
      assert.equal(copy.name, file.replace(/\.\w+$/, '.xlsx'));
      assert.equal(sniff(copy.bytes), 'xlsx');
      const again = await readWorkbookBytes(copy.bytes, copy.name);
      assert.deepEqual(again.sheets.map((s) => s.name), [...workbook.sheets.map((s) => s.name), '检查结果']);
      assert.deepEqual(summary(checker.check({ sheets: again.sheets.slice(0, -1) }).findings), summary(findings));
    }
  });

  it('an .xlsx copy is patched, not converted, and keeps its name', async () => {
    const bytes = readFileSync(join(FIXTURES, 'national-beita-2023.xlsx'));
    const copy = await annotateWorkbook(bytes, '北塔.xlsm', checker.check(await readWorkbookBytes(bytes)).findings);
    assert.deepEqual([copy.name, copy.converted], ['北塔.xlsm', false]);
    assert.deepEqual((await readWorkbookBytes(copy.bytes)).sheets.map((s) => s.name), ['自评表', '基础数据表', '检查结果']);
  });
});

describe('annotated .xlsx copies', () => {
  it('copy untouched parts as stored (compressed bytes unchanged) and deflate only what the patch wrote', async () => {
    const bytes = readFileSync(join(FIXTURES, 'national-beita-2023.xlsx'));
    const copy = (await annotateWorkbook(bytes, 'x.xlsx', checker.check(await readWorkbookBytes(bytes)).findings)).bytes;
    const before = unzipSync(bytes);
    const after = unzipSync(copy);
    const untouched = Object.keys(before).filter((p) => Buffer.compare(Buffer.from(before[p]), Buffer.from(after[p])) === 0);
    assert.ok(untouched.includes('xl/theme/theme1.xml') && untouched.includes('xl/sharedStrings.xml'), untouched.join(' '));
    // The theme's compressed bytes, as the source stores them, are in the copy verbatim.
    const theme = deflateRawOf(bytes, 'xl/theme/theme1.xml');
    assert.ok(theme.length > 200 && Buffer.from(copy).indexOf(theme) > 0);
    // The marked sheet was written by the patch: deflated anew.
    assert.equal(Buffer.from(copy).indexOf(deflateRawOf(bytes, 'xl/worksheets/sheet1.xml')), -1);
  });
});

/** An entry's stored (compressed) bytes, found through its local header. */
function deflateRawOf(zipBytes: Buffer, name: string): Buffer {
  const at = zipBytes.indexOf(Buffer.from(name));
  const header = at - 30;
  const size = zipBytes.readUInt32LE(header + 18);
  const start = header + 30 + zipBytes.readUInt16LE(header + 26) + zipBytes.readUInt16LE(header + 28);
  return zipBytes.subarray(start, start + size);
}
