import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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

/** A fixture with one part rewritten: the hostile workbooks below, made from a real one. */
function rewritten(fixture: string, part: string, edit: (xml: string) => string): Uint8Array {
  const all = parts(join(FIXTURES, fixture));
  all[part] = strToU8(edit(strFromU8(all[part])));
  return zipSync(all, { level: 6 });
}

/** 1,500,000 distinct shared strings (110 MB of XML, under the reader's 128 MB): far more than a small heap holds. */
const manyStrings = () =>
  rewritten('national-beita-2023.xlsx', 'xl/sharedStrings.xml', (xml) => {
    const items = Array.from({ length: 1_500_000 }, (_, i) => `<si><t>第${i}项指标说明文字用于填充共享字符串表</t></si>`);
    return `${xml.slice(0, xml.indexOf('<sst'))}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  });

/** 1,900,000 numbers added to a sheet (under the reader's 2,000,000 cells): seconds of reading, checking and copying. */
const manyCells = () =>
  rewritten('national-beita-2023.xlsx', 'xl/worksheets/sheet1.xml', (xml) => {
    const rows = Array.from({ length: 190_000 }, (_, i) => {
      const r = 1000 + i;
      return `<row r="${r}">${[...'ABCDEFGHIJ'].map((c, j) => `<c r="${c}${r}"><v>${r * 10 + j}</v></c>`).join('')}</row>`;
    });
    return xml.replace('</sheetData>', `${rows.join('')}</sheetData>`);
  });

/** perf-check batch with these environment variables (the checkers' limits). */
const runWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });

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

  // --jobs 1: one checker holding two workbooks when Ctrl-C comes, sent as a terminal does, to every process of the run
  // (the checkers included); --jobs 2: two checkers, Ctrl-C sent to the run alone.
  for (const [jobs, toGroup] of [
    ['1', true],
    ['2', false],
  ] as const)
    it(`Ctrl-C leaves no half-written file, keeps what its checkers finish, and the next run picks up where it stopped (--jobs ${jobs})`, async () => {
      const big = join(root, `大批${jobs}`);
      mkdirSync(big);
      const sources = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
      for (let i = 0; i < 300; i++) copyFileSync(join(FIXTURES, sources[i % sources.length]), join(big, `单位${String(i).padStart(3, '0')}.xlsx`));
      const target = join(root, `大批结果${jobs}`);
      const child = spawn(process.execPath, [BIN, 'batch', big, '--out', target, '--jobs', jobs], {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: toGroup,
      });
      let sent = false;
      let stderr = '';
      const code = await new Promise<number | null>((resolveCode) => {
        child.stderr.on('data', (d) => {
          stderr += d;
          if (sent || !/已检查 \d+\/300/.test(stderr)) return;
          sent = true;
          if (toGroup) process.kill(-child.pid!, 'SIGINT');
          else child.kill('SIGINT');
        });
        child.on('exit', (c) => resolveCode(c));
      });
      assert.equal(code, 130, stderr);
      const processed = Number(/已中断：本次检查了 (\d+) 个工作簿/.exec(stderr)?.[1]);
      assert.ok(processed > 0 && processed < 300, stderr);
      const written = filesUnder(target).filter((f) => f.endsWith('.xlsx'));
      assert.deepEqual(
        filesUnder(target).filter((f) => f.includes('.perf-check-tmp')),
        [],
      );
      assert.ok(written.length <= processed, `${written.length} copies, ${processed} checked`);
      for (const f of written) assert.doesNotThrow(() => unzipSync(readFileSync(join(target, f))), f);
      const before = Object.fromEntries(written.map((f) => [f, statSync(join(target, f)).mtimeMs]));
      const resumed = run('batch', big, '--out', target, '--jobs', '2');
      const [, redone, skipped] = /本次检查 (\d+) 个，未变化跳过 (\d+) 个/.exec(resumed.stdout)!.map(Number);
      // Every workbook the checkers finished, the ones they held at Ctrl-C too, was kept: none is checked twice.
      assert.deepEqual([redone, skipped], [300 - processed, processed]);
      for (const f of written) assert.equal(statSync(join(target, f)).mtimeMs, before[f], `${f} not rewritten`);
      assert.ok(existsSync(join(target, '汇总.html')) && statSync(join(target, '汇总.html')).size > 1000);
    });
});

describe('perf-check batch: a checker stopped on a workbook', () => {
  const root = mkdtempSync(join(tmpdir(), 'perf-batch-stop-'));
  /** Named so that the hostile workbook sorts first: with --jobs 1 the next one waits on the same checker. */
  const normal = ['东川区委办.xlsx', '北塔区委办.xlsx', '区委办.xlsx'];
  const inboxWith = (name: string, hostile: Uint8Array) => {
    const inbox = join(root, name);
    mkdirSync(inbox);
    writeFileSync(join(inbox, '0-异常.xlsx'), hostile);
    copyFileSync(join(FIXTURES, 'kunming-dongchuan-2020.xlsx'), join(inbox, normal[0]));
    copyFileSync(join(FIXTURES, 'national-beita-2023.xlsx'), join(inbox, normal[1]));
    copyFileSync(join(FIXTURES, 'hunan-junshan-2020.xlsx'), join(inbox, normal[2]));
    return inbox;
  };

  beforeAll(() => buildCli());

  /** The hostile workbook listed with its reason; every other one checked, its copy complete; exit 1 (README). */
  function assertStoppedOn(r: ReturnType<typeof runWith>, out: string, reason: string) {
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /共 4 个文件：本次检查 4 个，未变化跳过 0 个；有错误 2 个，无法读取 1 个/);
    const rows = csvRows(join(out, '汇总.csv'));
    assert.deepEqual(
      rows.map((row) => [row['文件'], row['状态']]),
      [
        ['0-异常.xlsx', '无法读取'],
        ['北塔区委办.xlsx', '有错误'],
        ['东川区委办.xlsx', '有错误'],
        ['区委办.xlsx', '通过'],
      ],
    );
    assert.equal(rows[0]['首个问题'], reason);
    assert.deepEqual(
      filesUnder(out)
        .filter((f) => f.endsWith('.xlsx') && !f.startsWith('汇总'))
        .sort(),
      [...normal].sort(),
    );
    for (const f of normal) assert.match(strFromU8(parts(join(out, f))['xl/workbook.xml']), /name="检查结果"/, f);
    assert.deepEqual(
      filesUnder(out).filter((f) => f.includes('.perf-check-tmp')),
      [],
    );
  }

  it('a workbook beyond the checker’s memory limit is listed as 检查程序异常退出; the one queued behind it and the rest are checked', () => {
    const inbox = inboxWith('内存', manyStrings());
    const out = join(root, '内存结果');
    const r = runWith({ PERF_CHECK_CHECKER_MEMORY_MB: '64' }, 'batch', inbox, '--out', out, '--jobs', '1');
    assertStoppedOn(r, out, '检查这个文件时检查程序异常退出（文件可能过大或结构异常），未能完成。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。');
    // The same workbook fits the default 512 MB: it is checked (its junk strings name no table).
    const again = runWith({}, 'batch', inbox, '--out', join(root, '内存默认'), '--jobs', '1');
    assert.match(again.stdout, /无法读取 0 个/, again.stderr);
  });

  it('a workbook beyond the time limit is listed with the limit in seconds, and the run goes on', () => {
    const inbox = inboxWith('超时', manyCells());
    const out = join(root, '超时结果');
    const r = runWith({ PERF_CHECK_WORKBOOK_TIMEOUT_MS: '1000' }, 'batch', inbox, '--out', out, '--jobs', '1');
    assertStoppedOn(r, out, '检查这个文件超过了 1 秒的时限（文件过大或结构异常），已停止。请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。');
  });

  it('refuses a limit that is not a whole number in range, in Chinese, before checking anything', () => {
    const inbox = join(root, '空');
    mkdirSync(inbox);
    for (const [variable, value, message] of [
      ['PERF_CHECK_WORKBOOK_TIMEOUT_MS', '1.5s', /^环境变量 PERF_CHECK_WORKBOOK_TIMEOUT_MS 应是 100 到 3600000 之间的整数（毫秒），而不是“1\.5s”。/],
      ['PERF_CHECK_CHECKER_MEMORY_MB', '8', /^环境变量 PERF_CHECK_CHECKER_MEMORY_MB 应是 32 到 16384 之间的整数（MB），而不是“8”。/],
    ] as const) {
      const r = runWith({ [variable]: value }, 'batch', inbox, '--out', join(root, '空结果'));
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.equal(existsSync(join(root, '空结果')), false);
    }
  });
});
