import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { buildCli, runCli as run } from '../support/build';
import { assertBeitaMarked } from '../support/workbook';

const BIN = resolve('bin/perf-check.js');
const FIXTURES = resolve('test/fixtures');
/** Our note on the 北塔 workbook's B9: the product's title, then the finding. */
const NOTE = /^【绩效自评助手】\n一级指标“产出指标”标明50分/;

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name],
  );
}

function csvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const split = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
  const keys = split(header);
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [keys[i], v])));
}

/** The parts of an .xlsx, by path. */
const parts = (path: string) => unzipSync(readFileSync(path));

describe('perf-check batch', () => {
  const root = mkdtempSync(join(tmpdir(), 'perf-batch-'));
  const inbox = join(root, '收件');
  const out = join(root, '审核结果');
  const originals: Record<string, string> = {};

  beforeAll(async () => {
    buildCli();
    mkdirSync(join(inbox, '岳阳市', '君山区'), { recursive: true });
    copyFileSync(join(FIXTURES, 'national-beita-2023.xlsx'), join(inbox, '北塔区委办.xlsx'));
    copyFileSync(join(FIXTURES, 'kunming-dongchuan-2020.xlsx'), join(inbox, '东川区委办.xlsx'));
    copyFileSync(join(FIXTURES, 'hunan-junshan-2020.xlsx'), join(inbox, '岳阳市', '君山区', '区委办.xlsx'));
    // A workbook with a picture and a note of its own, on a cell that also gets a finding.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(FIXTURES, 'hunan-score-over.xlsx'));
    const image = wb.addImage({ buffer: readFileSync('assets/icon-64.png') as unknown as ExcelJS.Buffer, extension: 'png' });
    wb.getWorksheet('评分表')!.addImage(image, 'I2:J5');
    wb.getWorksheet('评分表')!.getCell('F5').note = '财务科：请再核对';
    await wb.xlsx.writeFile(join(inbox, '岳阳市', '带图片和批注.xlsx'));
    // What reviewers find in a real inbox besides workbooks.
    writeFileSync(join(inbox, '损坏.xlsx'), readFileSync(join(FIXTURES, 'national-beita-2023.xlsx')).subarray(0, 4000));
    const locked = CFB.utils.cfb_new();
    CFB.utils.cfb_add(locked, '/EncryptionInfo', Buffer.from('x'));
    CFB.utils.cfb_add(locked, '/EncryptedPackage', Buffer.from('x'));
    writeFileSync(join(inbox, '加密.xlsx'), CFB.write(locked, { type: 'buffer' }) as Buffer);
    writeFileSync(join(inbox, '说明.txt'), '各单位自评材料');
    writeFileSync(join(inbox, '~$北塔区委办.xlsx'), 'Excel lock file');
    // The same tables as Excel 97-2003 and OpenDocument files (saved by LibreOffice once, committed).
    copyFileSync(join(FIXTURES, 'legacy', 'national-beita-2023.xls'), join(inbox, '岳阳市', '北塔旧版.xls'));
    copyFileSync(join(FIXTURES, 'legacy', 'kunming-dongchuan-2020.ods'), join(inbox, '东川.ods'));
    for (const f of filesUnder(inbox)) originals[f] = hash(join(inbox, f));
  });

  let first: ReturnType<typeof run>;

  it('checks every workbook, lists the unreadable ones with their reason, worst first, and the non-spreadsheets as skipped', () => {
    first = run('batch', inbox, '--out', out, '--jobs', '2');
    assert.equal(first.status, 1, first.stderr);
    assert.match(first.stdout, /共 8 个文件：本次检查 8 个，未变化跳过 0 个；有错误 5 个，无法读取 2 个/);
    assert.match(first.stdout, /其中 2 个旧格式文件（\.xls、\.et、\.ods）的标注副本已转换为 \.xlsx/);
    assert.match(first.stdout, /跳过 2 个不是电子表格的文件（未检查）：~\$北塔区委办\.xlsx、说明\.txt/);
    const rows = csvRows(join(out, '汇总.csv'));
    assert.deepEqual(
      rows.map((r) => [r['文件'], r['状态']]),
      [
        ['加密.xlsx', '无法读取'],
        ['损坏.xlsx', '无法读取'],
        ['北塔区委办.xlsx', '有错误'],
        ['岳阳市/北塔旧版.xls', '有错误'],
        ['东川.ods', '有错误'],
        ['东川区委办.xlsx', '有错误'],
        ['岳阳市/带图片和批注.xlsx', '有错误'],
        ['岳阳市/君山区/区委办.xlsx', '通过'],
      ],
    );
    const byFile = Object.fromEntries(rows.map((r) => [r['文件'], r]));
    assert.match(byFile['加密.xlsx']['首个问题'], /设置了打开密码/);
    assert.match(byFile['损坏.xlsx']['首个问题'], /文件已损坏，无法读取（压缩包：/);
    const columns = ['单位', '年度', '总分（填写）', '总分（复核）', '错误', '警告', '分值不符', '合计不符'];
    assert.deepEqual(
      columns.map((k) => byFile['北塔区委办.xlsx'][k]),
      ['中共邵阳市北塔区委办公室', '2023', '97', '97', '4', '1', '2', '2'],
    );
    // The legacy copy of the same table: the same figures.
    assert.deepEqual(
      columns.map((k) => byFile['岳阳市/北塔旧版.xls'][k]),
      columns.map((k) => byFile['北塔区委办.xlsx'][k]),
    );
    assert.deepEqual(
      columns.map((k) => byFile['东川.ods'][k]),
      columns.map((k) => byFile['东川区委办.xlsx'][k]),
    );
    assert.deepEqual([byFile['岳阳市/带图片和批注.xlsx']['总分（填写）'], byFile['岳阳市/带图片和批注.xlsx']['总分（复核）']], ['98', '99']);
    assert.match(byFile['东川区委办.xlsx']['首个问题'], /^评分情况!A31：一级指标“部门绩效”标明45分/);
    assert.equal(byFile['岳阳市/君山区/区委办.xlsx']['首个问题'], '未发现问题');
    // No unit name in the workbook: the 单位 column stays empty (the file name has its own column).
    assert.equal(byFile['岳阳市/带图片和批注.xlsx']['单位'], '');
    assert.equal(byFile['损坏.xlsx']['单位'], '');
  });

  it('a legacy file gets an annotated .xlsx copy: values, merged areas, number formats, widths, marks, notes, 检查结果', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '岳阳市', '北塔旧版.xlsx'));
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(join(FIXTURES, 'national-beita-2023.xlsx'));
    const form = assertBeitaMarked(wb, NOTE);
    const source = original.getWorksheet('自评表')!;
    assert.equal(form.getCell('B9').value, source.getCell('B9').value);
    const merges = (ws: ExcelJS.Worksheet) => Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
    assert.deepEqual(merges(form), merges(source));
    assert.ok(merges(form).length > 5);
    const width = (ws: ExcelJS.Worksheet, col: number) => Math.round(ws.getColumn(col).width ?? 0);
    assert.deepEqual(
      [1, 2, 3, 4].map((c) => width(form, c)),
      [1, 2, 3, 4].map((c) => width(source, c)),
    );
    assert.equal(wb.getWorksheet('检查结果')!.rowCount, 6);
    const formats = (ws: ExcelJS.Worksheet) => {
      const out = new Set<string>();
      ws.eachRow((row) => row.eachCell((cell) => void (cell.numFmt && cell.numFmt !== 'General' && out.add(cell.numFmt))));
      return out;
    };
    const base = original.getWorksheet('基础数据表')!;
    for (const f of formats(base)) assert.ok(formats(wb.getWorksheet('基础数据表')!).has(f), `number format ${f} kept`);
  });

  it('never writes the originals, and writes the copies at the same relative paths', () => {
    for (const [f, h] of Object.entries(originals)) assert.equal(hash(join(inbox, f)), h, f);
    const copies = filesUnder(out).filter((f) => f.endsWith('.xlsx') && !f.startsWith('汇总'));
    assert.deepEqual(copies.sort(), [
      '东川.xlsx',
      '东川区委办.xlsx',
      '北塔区委办.xlsx',
      '岳阳市/北塔旧版.xlsx',
      '岳阳市/君山区/区委办.xlsx',
      '岳阳市/带图片和批注.xlsx',
    ]);
    assert.deepEqual(
      filesUnder(out).filter((f) => f.includes('.tmp')),
      [],
    );
  });

  it('an annotated copy carries each finding’s fill and note, and a 检查结果 sheet linking to the cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '北塔区委办.xlsx'));
    const form = assertBeitaMarked(wb, NOTE);
    assert.equal(form.getCell('B9').value, '产出指标\n（50分)', 'values untouched');
    const list = wb.getWorksheet('检查结果')!;
    assert.equal(list.rowCount, 6);
    assert.deepEqual((list.getRow(2).values as unknown[]).slice(1, 6), [1, '错误', 'WEIGHT_MISMATCH', '自评表', '自评表!B9']);
    const sheetXml = strFromU8(parts(join(out, '北塔区委办.xlsx'))['xl/worksheets/sheet3.xml']);
    assert.match(sheetXml, /<hyperlink ref="E2" location="'自评表'!B9" display="自评表!B9"\/>/);
  });

  it('changes only the parts it must: pictures, drawings and every other part are byte for byte the same', () => {
    const before = parts(join(inbox, '岳阳市', '带图片和批注.xlsx'));
    const after = parts(join(out, '岳阳市', '带图片和批注.xlsx'));
    const changed = Object.keys(before).filter((p) => !after[p] || Buffer.compare(Buffer.from(before[p]), Buffer.from(after[p])) !== 0);
    const added = Object.keys(after).filter((p) => !before[p]);
    // The 评分表 (sheet2) already had a note: its comments part and VML drawing are extended, not replaced.
    const commentsOfSheet2 = /Target="..\/(comments\d+\.xml)"/.exec(strFromU8(before['xl/worksheets/_rels/sheet2.xml.rels']))![1];
    const vmlOfSheet2 = /Target="..\/drawings\/(vmlDrawing\d+\.vml)"/.exec(strFromU8(before['xl/worksheets/_rels/sheet2.xml.rels']))![1];
    assert.deepEqual(
      changed.sort(),
      [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        `xl/${commentsOfSheet2}`,
        `xl/drawings/${vmlOfSheet2}`,
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    assert.deepEqual(added, ['xl/worksheets/sheet3.xml']);
    assert.ok(
      Object.keys(before).some((p) => p.startsWith('xl/media/')),
      'the picture is there',
    );
    for (const p of [...changed, ...added].filter((p) => /\.(xml|rels|vml)$/.test(p))) {
      assert.equal(XMLValidator.validate(strFromU8(after[p])), true, `${p} is well-formed XML`);
    }
  });

  it('keeps a clerk’s own note and adds ours to it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '岳阳市', '带图片和批注.xlsx'));
    const raw = wb.getWorksheet('评分表')!.getCell('F5').note as string | { texts: { text: string }[] };
    const note = typeof raw === 'string' ? raw : raw.texts.map((t) => t.text).join('');
    assert.match(note, /^财务科：请再核对\n【绩效自评助手】\n指标“重点支出安排率”自评得分6分/);
    assert.equal(wb.getWorksheet('评分表')!.getImages().length, 1);
  });

  it('a second run skips what has not changed; --force redoes everything', () => {
    const again = run('batch', inbox, '--out', out);
    assert.match(again.stdout, /本次检查 0 个，未变化跳过 8 个/);
    const forced = run('batch', inbox, '--out', out, '--force');
    assert.match(forced.stdout, /本次检查 8 个，未变化跳过 0 个/);
  });

  it('refuses to write into the inbox itself', () => {
    const r = run('batch', inbox, '--out', inbox);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /不能是收件文件夹本身/);
  });

  it('Ctrl-C leaves no half-written file, and the next run picks up where it stopped', async () => {
    const big = join(root, '大批');
    mkdirSync(big);
    const sources = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
    for (let i = 0; i < 300; i++) copyFileSync(join(FIXTURES, sources[i % sources.length]), join(big, `单位${String(i).padStart(3, '0')}.xlsx`));
    const target = join(root, '大批结果');
    const child = spawn(process.execPath, [BIN, 'batch', big, '--out', target, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const code = await new Promise<number | null>((resolveCode) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/已检查 \d+\/300/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolveCode(c));
    });
    assert.equal(code, 130, stderr);
    assert.match(stderr, /已中断：本次检查了 \d+ 个工作簿/);
    const written = filesUnder(target).filter((f) => f.endsWith('.xlsx'));
    assert.deepEqual(
      filesUnder(target).filter((f) => f.includes('.tmp')),
      [],
    );
    assert.ok(written.length < 300, `${written.length} written before the interrupt`);
    for (const f of written) assert.doesNotThrow(() => unzipSync(readFileSync(join(target, f))), f);
    const resumed = run('batch', big, '--out', target, '--jobs', '2');
    const [, redone, skipped] = /本次检查 (\d+) 个，未变化跳过 (\d+) 个/.exec(resumed.stdout)!.map(Number);
    assert.equal(redone + skipped, 300);
    // A copy renamed into place just as its worker was stopped has no cached result yet: it is checked again.
    assert.ok(skipped <= written.length && skipped >= written.length - 2, `${skipped} skipped of ${written.length} written`);
    assert.ok(existsSync(join(target, '汇总.html')) && statSync(join(target, '汇总.html')).size > 1000);
  });
});
