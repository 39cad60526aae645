import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildCli, runCli as run } from '../support/build';

const FIXTURE = resolve('test/fixtures/national-beita-2023.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'perf-check-'));

function cfbFile(name: string, streams: string[]): string {
  const container = CFB.utils.cfb_new();
  for (const s of streams) CFB.utils.cfb_add(container, `/${s}`, Buffer.from('not really ' + s));
  const path = join(tmp, name);
  writeFileSync(path, CFB.write(container, { type: 'buffer' }) as Buffer);
  return path;
}

/** A reviewer's sentence: Chinese, without a library's English words or a stack trace. */
function assertChinese(message: string) {
  assert.match(message, /[\u4e00-\u9fff]/);
  // Paths and the commands it suggests are the only Latin words a sentence may carry.
  const words = message.replace(/“[^”]*”|"[^"]*"|perf-check [a-z]+/g, '');
  assert.doesNotMatch(words, /\bat .*:\d+:\d+|Error\b|[A-Za-z]{3,} [A-Za-z]{3,}/, message);
}

function expectUnreadable(path: string, pattern: RegExp) {
  const r = run('check', path, '--json');
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, 'one line on stderr');
  assert.match(r.stderr, pattern);
  assertChinese(r.stderr);
  // --json still prints JSON: the file and the same reason.
  assert.deepEqual(JSON.parse(r.stdout), { file: path, error: r.stderr.trim() });
}

describe('perf-check check', () => {
  beforeAll(() => {
    buildCli();
  });

  it('--json prints the contract and exits 1 on errors', () => {
    const r = run('check', FIXTURE, '--json');
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.file, FIXTURE);
    const b9 = out.findings.find((f: { cell: string }) => f.cell === 'B9');
    assert.deepEqual(Object.keys(b9).sort(), ['actual', 'cell', 'code', 'expected', 'message', 'severity', 'sheet']);
    assert.deepEqual([b9.code, b9.severity, b9.sheet], ['WEIGHT_MISMATCH', 'error', '自评表']);
    assert.ok(out.tables.length >= 2);
  });

  it('prints one Chinese line per finding for people, sheet!cell first, and exits 0 on a clean workbook', () => {
    const dirty = run('check', FIXTURE);
    assert.match(dirty.stdout, /^自评表!B9 {2}错误 {2}一级指标“产出指标”标明50分/m);
    assert.match(dirty.stdout, /共 5 条，错误 4 条，警告 1 条，提示 0 条/);
    const clean = run('check', 'test/fixtures/hunan-junshan-2020.xlsx');
    assert.equal(clean.status, 0);
    assert.match(clean.stdout, /共 0 条/);
  });

  it('never writes the input file', () => {
    const before = { hash: createHash('sha256').update(readFileSync(FIXTURE)).digest('hex'), mtime: statSync(FIXTURE).mtimeMs };
    run('check', FIXTURE, '--json');
    assert.deepEqual({ hash: createHash('sha256').update(readFileSync(FIXTURE)).digest('hex'), mtime: statSync(FIXTURE).mtimeMs }, before);
  });

  it('refuses what is not a readable workbook with a one-line Chinese reason and exit 2', async () => {
    writeFileSync(join(tmp, 'notes.xlsx'), '这是一个文本文件，不是工作簿');
    expectUnreadable(join(tmp, 'notes.xlsx'), /不是电子表格文件/);
    writeFileSync(join(tmp, 'empty.xlsx'), '');
    expectUnreadable(join(tmp, 'empty.xlsx'), /文件是空的（0 字节）.*请向报送单位重新索取/);
    const bytes = readFileSync(FIXTURE);
    writeFileSync(join(tmp, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectUnreadable(join(tmp, 'truncated.xlsx'), /文件已损坏，无法读取（压缩包：/);
    expectUnreadable(cfbFile('locked.xlsx', ['EncryptionInfo', 'EncryptedPackage']), /设置了打开密码/);
    expectUnreadable(cfbFile('old.xls', ['Workbook']), /Excel 97-2003（\.xls）文件已损坏/);
    expectUnreadable(cfbFile('wps.et', ['WpsContent']), /WPS 表格（\.et）文件已损坏/);
    expectUnreadable(join(tmp, 'missing.xlsx'), /找不到文件/);
    mkdirSync(join(tmp, 'folder.xlsx'));
    expectUnreadable(join(tmp, 'folder.xlsx'), /是一个文件夹/);
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    writeFileSync(join(tmp, 'other.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    expectUnreadable(join(tmp, 'other.xlsx'), /不是 \.xlsx 工作簿|已损坏/);
  });

  it('an empty workbook is readable: NO_SCORE_TABLE warning at A1 of the first sheet, exit 0', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const path = join(tmp, 'blank.xlsx');
    await wb.xlsx.writeFile(path);
    const r = run('check', path, '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).findings.map((f: { code: string; severity: string; sheet: string; cell: string }) => [
        f.code,
        f.severity,
        f.sheet,
        f.cell,
      ]),
      [['NO_SCORE_TABLE', 'warning', 'Sheet1', 'A1']],
    );
  });

  it('a sheet with 100,000 rows beside the 评分表 is checked, not hung on', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('test/fixtures/kunming-dongchuan-2020.xlsx');
    const big = wb.addWorksheet('明细');
    for (let r = 1; r <= 100_000; r++) big.addRow([`凭证${r}`, r % 97, '办公费']);
    const path = join(tmp, 'big.xlsx');
    await wb.xlsx.writeFile(path);
    const r = run('check', path, '--json');
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).findings.map((f: { cell: string }) => f.cell),
      ['A31', 'B37'],
    );
  });

  it('explains its usage in Chinese, per command too, and tells its version', () => {
    assert.match(run('--help').stdout, /用法/);
    const r = run('inspect', FIXTURE);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /未知命令/);
    for (const command of ['check', 'batch', 'rule']) {
      const help = run(command, '--help');
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^用法：\\n  perf-check ${command} `));
      assert.equal(help.stdout.match(/perf-check (check|batch|rule) /g)!.length, 1, 'only that command');
    }
    // --out is optional, as the README says, and the default folder is named.
    assert.match(run('batch', '--help').stdout, /\[--out <审核结果文件夹>\].*\n(.*\n)*.*不写 --out 时/);
    const version = run('--version');
    assert.equal(version.stdout.trim(), `perf-check ${JSON.parse(readFileSync('package.json', 'utf8')).version}`);
  });

  it('checks several files in one run: each file’s findings, the worst exit status, one JSON array', () => {
    const clean = 'test/fixtures/hunan-junshan-2020.xlsx';
    const both = run('check', FIXTURE, clean);
    assert.equal(both.status, 1);
    assert.match(both.stdout, /national-beita-2023\.xlsx：共 5 条[\s\S]*hunan-junshan-2020\.xlsx：共 0 条/);
    writeFileSync(join(tmp, '说明.xlsx'), 'text');
    const json = run('check', clean, join(tmp, '说明.xlsx'), '--json');
    assert.equal(json.status, 2);
    const out = JSON.parse(json.stdout);
    assert.deepEqual(
      out.map((o: { file: string }) => o.file),
      [clean, join(tmp, '说明.xlsx')],
    );
    assert.deepEqual(out[0].findings, []);
    assert.match(out[1].error, /不是电子表格文件/);
    assert.match(json.stderr, /^说明\.xlsx：这不是电子表格文件/);
  });

  it('expands wildcards itself, as a Windows shell leaves them: the same table as .xls, .ods and .xlsx, the same findings', () => {
    const r = run('check', 'test/fixtures/legacy/national-beita-2023.*', '--json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; findings: { code: string; cell: string }[] }[];
    assert.deepEqual(
      out.map((o) => o.file.replace(/^.*\//, '')),
      ['national-beita-2023.libreoffice.xlsx', 'national-beita-2023.ods', 'national-beita-2023.xls'],
    );
    const original = JSON.parse(run('check', FIXTURE, '--json').stdout).findings;
    for (const o of out) assert.deepEqual(o.findings, original, o.file);
  });

  it('batch given a file says so and points to check', () => {
    const r = run('batch', FIXTURE);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /是一个文件，不是文件夹.*perf-check check/);
  });

  it('a batch that cannot write its output says so in one Chinese line, exit 2, no stack trace', () => {
    const inbox = join(tmp, '收件-写不了');
    mkdirSync(inbox);
    writeFileSync(join(inbox, '甲.xlsx'), readFileSync(FIXTURE));
    writeFileSync(join(tmp, '一个文件'), 'x');
    const r = run('batch', inbox, '--out', join(tmp, '一个文件', '结果'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^“.*一个文件\/结果.*”的路径中有一处是文件而不是文件夹。请换一个文件夹后再运行。\n$/);
    assertChinese(r.stderr);
  });
});

describe('perf-check rule', () => {
  const STAFF = '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。';

  it('prints the score, the shape, manual or not, and the 扣分原因 as JSON', () => {
    const r = run('rule', '--text', STAFF, '--value', '110%', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      shape: 'linear',
      shapeTitle: '按百分点扣分',
      manual: false,
      max: '5',
      score: '0',
      readings: ['0'],
      reason: '在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣5分，扣完为止',
    });
  });

  it('takes the 分值 for texts that do not state their full points, and says when a person must judge', () => {
    const r = run('rule', '--text', '每低于100%一个百分点扣0.1分，扣完为止。', '--value', '0.95', '--max', '3');
    assert.match(r.stdout, /得分：2.5分/);
    const m = run('rule', '--text', '将部门详细工作计划与年度工作目标对应匹配,视匹配情况酌情得0-2分。', '--json');
    assert.equal(JSON.parse(m.stdout).manual, true);
  });

  it('refuses an unreadable text or value in Chinese, exit 2', () => {
    const r = run('rule', '--text', '按上级要求执行', '--value', '1');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /无法识别该评分标准/);
    const v = run('rule', '--text', STAFF, '--value', '很高');
    assert.equal(v.status, 2);
    assert.match(v.stderr, /“很高”不是数字/);
  });
});
