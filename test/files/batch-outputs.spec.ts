import { describe, it, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { checkOne, summaryFiles, type CheckedFile } from '../../hosts/files/index';

/** The batch's per-file job and summary as pure functions: what the CLI writes to disk and the web page zips. */
describe('checkOne and summaryFiles', () => {
  const checked: CheckedFile[] = [];
  let files: ReturnType<typeof summaryFiles>;

  beforeAll(async () => {
    checked.push(await checkOne(readFileSync('test/fixtures/hunan-sum-mismatch.xlsx'), '岳阳/合计不符.xlsx'));
    checked.push(await checkOne(readFileSync('test/fixtures/hunan-junshan-2020.xlsx'), '君山.xlsx'));
    checked.push(await checkOne(new TextEncoder().encode('不是工作簿'), '说明.txt'));
    files = summaryFiles(
      checked.map((c) => c.row),
      new Date('2026-11-24T08:00:00Z'),
    );
  });

  it('gives a row and an annotated copy for a workbook, a Chinese reason and no copy for anything else', () => {
    const [bad, good, text] = checked;
    assert.equal(bad.row.status, 'checked');
    assert.ok(bad.row.errors > 0 && bad.row.byCode.SUM_MISMATCH, JSON.stringify(bad.row));
    assert.ok(unzipSync(bad.annotated!)['xl/workbook.xml'], 'the copy is a package');
    assert.match(strFromU8(unzipSync(bad.annotated!)['xl/workbook.xml']), /name="检查结果"/);
    assert.equal(good.row.firstProblem, undefined);
    assert.deepEqual([text.row.status, text.annotated], ['unreadable', undefined]);
    assert.match(text.row.reason!, /^这不是电子表格文件/);
  });

  it('汇总.xlsx holds the same table as 汇总.csv, unreadable files first, numbers as numbers', async () => {
    assert.deepEqual(
      files.map((f) => f.name),
      ['汇总.xlsx', '汇总.csv', '汇总.html'],
    );
    const csv = strFromU8(files[1].bytes)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const parts = unzipSync(files[0].bytes);
    for (const [name, part] of Object.entries(parts)) assert.equal(XMLValidator.validate(strFromU8(part)), true, name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0].bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总')!;
    assert.equal(ws.rowCount, 4);
    assert.equal(ws.getCell('A1').font?.bold, true);
    assert.deepEqual([ws.views[0].state, (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit], ['frozen', 1]);
    const fromXlsx = [1, 2, 3, 4].map((r) =>
      Array.from((ws.getRow(r).values as unknown[]).slice(1), (v) => (v === undefined || v === null ? '' : String(v))),
    );
    const fromCsv = csv.map((line) => line.split(',').slice(0, 6));
    assert.deepEqual(
      fromXlsx.map((r) => r.slice(0, 6)),
      fromCsv,
    );
    assert.deepEqual(
      fromXlsx.map((r) => r[0]),
      ['文件', '说明.txt', '岳阳/合计不符.xlsx', '君山.xlsx'],
    );
    assert.equal(typeof ws.getCell('G3').value, 'number');
    assert.equal(ws.getCell('G3').value, checked[0].row.errors);
  });

  it('汇总.html is self-contained and says when it was made', () => {
    const page = strFromU8(files[2].bytes);
    assert.match(page, /default-src 'none'/);
    assert.doesNotMatch(page, /(src|href)="https?:/);
    assert.match(page, /共 3 个文件：已检查 2 个（有错误 1 个），无法读取 1 个。/);
    assert.ok(page.includes(new Date('2026-11-24T08:00:00Z').toLocaleString('zh-CN')));
  });
});
