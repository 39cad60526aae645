import { describe, it, afterEach } from 'vitest';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { nodeZipCodec } from '../../cli/zip-codec';
import { annotateWorkbook, checkWorkbookFile, readWorkbookBytes, withDamage } from '../../hosts/files/index';
import { fflateCodec, useZipCodec, zipEntries } from '../../hosts/files/zip';
import { createChecker } from '../../src/index';
import { zip, type Entry } from './zip';

/**
 * The CLI inflates and deflates with Node's zlib, the page with fflate: the same grids, findings and copies. Parts are
 * inflated only when read, so damage in a part nothing reads no longer stops the annotated copy.
 */

const FIXTURES = 'test/fixtures';
const checker = createChecker();

afterEach(() => useZipCodec(fflateCodec));

async function readAndAnnotate(bytes: Uint8Array, name: string) {
  const grid = await readWorkbookBytes(bytes, name);
  const result = withDamage(checker.check(grid), grid);
  const copy = await annotateWorkbook(bytes, name, result.findings);
  return { grid, findings: result.findings, parts: unzipSync(copy.bytes) };
}

/** A package's entries as stored, one of them replaced by bytes no inflater takes. */
function damaged(bytes: Uint8Array, part: string): Uint8Array {
  const entries: Entry[] = [...zipEntries(bytes)!].map(([name, e]) => ({
    name,
    method: e.method as 0 | 8,
    size: e.size,
    data: name === part ? new Uint8Array([0xff, 0xff, 0xff, 0xff]) : e.data,
  }));
  return zip(entries);
}

describe('zip codecs and parts read on demand', () => {
  it('Node’s zlib and fflate give every fixture the same grid, findings and annotated parts', async () => {
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
    assert.ok(fixtures.length >= 40, `${fixtures.length} fixtures`);
    for (const name of fixtures) {
      const bytes = readFileSync(join(FIXTURES, name));
      useZipCodec(fflateCodec);
      const page = await readAndAnnotate(bytes, name);
      useZipCodec(nodeZipCodec);
      const cli = await readAndAnnotate(bytes, name);
      assert.deepEqual(cli.grid, page.grid, name);
      assert.deepEqual(cli.findings, page.findings, name);
      assert.deepEqual(Object.keys(cli.parts), Object.keys(page.parts), name);
      for (const part of Object.keys(page.parts)) assert.ok(Buffer.from(cli.parts[part]).equals(Buffer.from(page.parts[part])), `${name}: ${part}`);
    }
  });

  it('a part whose header declares fewer bytes than it holds is cut at the declared size by both codecs', () => {
    const text = Buffer.from('<sheetData>'.padEnd(5000, ' ') + '</sheetData>');
    const stored = deflateRawSync(text);
    const cli = nodeZipCodec.inflate(stored, 100);
    assert.equal(cli.length, 100);
    assert.ok(Buffer.from(cli).equals(Buffer.from(fflateCodec.inflate(stored, 100))));
    assert.ok(Buffer.from(cli).equals(text.subarray(0, 100)));
  });

  it('both give a part the CRC-32 its zip entry records', () => {
    const source = readFileSync(join(FIXTURES, 'hunan-sum-mismatch.xlsx'));
    for (const [name, entry] of zipEntries(source)!) {
      const part = fflateCodec.inflate(entry.data, entry.size);
      assert.equal(nodeZipCodec.crc32(part), entry.crc, name);
      assert.equal(fflateCodec.crc32(part), entry.crc, name);
    }
  });

  it('damage in a part nothing reads (docProps/app.xml) leaves the check and the copy whole, that part copied as it was', async () => {
    useZipCodec(nodeZipCodec);
    const source = damaged(readFileSync(join(FIXTURES, 'hunan-sum-mismatch.xlsx')), 'docProps/app.xml');
    const checked = await checkWorkbookFile(source, '收件/损坏属性.xlsx');
    assert.equal(checked.row.status, 'checked');
    assert.ok(checked.row.errors > 0, 'the sum mismatch is found');
    const copied = zipEntries(checked.annotated!)!.get('docProps/app.xml')!;
    assert.deepEqual([...copied.data], [0xff, 0xff, 0xff, 0xff]);
  });

  it('damage in a part the copy must change (the notes of a marked sheet) is one Chinese reason', async () => {
    useZipCodec(nodeZipCodec);
    // A reviewer checks an annotated copy again: its notes part is read to add to it, and here it cannot be inflated.
    const first = await checkWorkbookFile(readFileSync(join(FIXTURES, 'hunan-sum-mismatch.xlsx')), 'a.xlsx');
    const comments = Object.keys(unzipSync(first.annotated!)).find((p) => /^xl\/comments\d+\.xml$/.test(p))!;
    const again = await checkWorkbookFile(damaged(first.annotated!, comments), 'a.xlsx');
    assert.equal(again.row.status, 'unreadable');
    assert.equal(again.row.reason, '无法解开工作簿压缩包（压缩包已损坏），未能生成带标注的副本。');
  });
});
