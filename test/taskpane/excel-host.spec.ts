import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { checkWorkbook, type WorkbookGrid } from '../../src/index';
import { CHUNK_CELLS, ExcelHost, excelCapabilities, JOURNAL_SETTING } from '../../hosts/excel/excel-host';
import { MARK_FILL, PaneSession, WriteFailed } from '../../taskpane/session';
import { failureSummary } from '../../taskpane/ui';
import { ALL_CAPABILITIES, installExcel, mockSheet, mockWorkbook, type MockWorkbook } from '../support/excel-mock';
import { loadGrid } from '../support/workbook';

async function excelWith(name: string): Promise<{ book: MockWorkbook; host: ExcelHost; grid: WorkbookGrid }> {
  const grid = await loadGrid(join('test/fixtures', `${name}.xlsx`));
  const book = mockWorkbook(grid);
  installExcel(book);
  return { book, host: new ExcelHost(ALL_CAPABILITIES), grid };
}

/** Every value, fill and note of the mock workbook, one line each, for "exactly as it was". */
const snapshot = (book: MockWorkbook) =>
  book.sheets.flatMap((s) => [
    ...[...s.cells].map(([a, c]) => `${s.name}!${a}=${JSON.stringify(c)}`),
    ...[...s.fills].map(([a, f]) => `${s.name}!${a} fill ${f}`),
    ...[...s.notes].map(([a, n]) => `${s.name}!${a} note ${n}`),
  ]);

/** The document settings of Office's common API (Office 2013 and later), where Office 2016 keeps the journal. */
function documentSettings() {
  const stored = new Map<string, unknown>();
  return {
    stored,
    get: (k: string) => stored.get(k) ?? null,
    set: (k: string, v: unknown) => stored.set(k, v),
    remove: (k: string) => stored.delete(k),
    saveAsync: (done: (r: { status: string }) => void) => done({ status: 'ok' }),
  };
}

const threads = (book: MockWorkbook) => book.sheets.flatMap((s) => [...s.threads].map(([a, t]) => `${s.name}!${a} thread ${t}`));

describe('Excel adapter (office-addin-mock)', () => {
  it('reads every sheet in 3 requests into the grid the file reader makes: same findings', async () => {
    const { host, grid } = await excelWith('national-beita-2023');
    const read = await host.readWorkbook();
    assert.equal(host.syncs, 3);
    assert.deepEqual(
      read.sheets.map((s) => s.name),
      ['自评表', '基础数据表'],
    );
    assert.deepEqual(read.sheets[0].merges.length, grid.sheets[0].merges.length);
    const cells = (g: WorkbookGrid) => checkWorkbook(g).findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
    assert.deepEqual(cells(read), cells(grid));
  });

  it('reads a sheet above Excel on the web’s 5 MB response cap in row chunks', async () => {
    const { book, host } = await excelWith('kunming-dongchuan-2020');
    const big = mockSheet('明细');
    for (let r = 1; r <= 30_000; r++) {
      big.cells.set(`A${r}`, { value: `凭证${r}` });
      big.cells.set(`B${r}`, { value: r % 97 });
    }
    book.sheets.push(big);
    const read = await host.readWorkbook();
    assert.ok(book.largestRead <= CHUNK_CELLS, `largest request ${book.largestRead} cells`);
    assert.equal(host.syncs, 3 + 3, 'three requests for the whole workbook, then one per chunk of the large sheet');
    assert.equal(read.sheets[1].cells.length, 30_000);
    assert.equal(read.sheets[1].cells[29_999][0]?.value, '凭证30000');
    assert.deepEqual(
      checkWorkbook(read).findings.map((f) => f.cell),
      ['A31', 'B37'],
    );
  });

  it('a sheet of long texts whose 20,000 cells weigh more than Excel on the web’s 5 MB is read again in smaller requests', async () => {
    const { book, host } = await excelWith('kunming-dongchuan-2020');
    const text = '根据部门整体支出绩效评价指标体系，结合年度工作任务完成情况、预算执行情况和资金使用效益进行综合评价并说明扣分原因'.repeat(3);
    const cells = new Map<string, { value: unknown }>();
    for (let r = 1; r <= 10_000; r++) {
      cells.set(`A${r}`, { value: `${r}．${text}` });
      cells.set(`B${r}`, { value: r });
    }
    book.sheets.push({
      name: '说明',
      cells,
      merges: [],
      fills: new Map(),
      notes: new Map(),
      threads: new Map(),
      protected: false,
      unlocked: new Set(),
    });
    book.responseLimitBytes = 5 * 1024 * 1024;
    book.cellsPerSync = [];
    const read = await host.readWorkbook();
    assert.equal(read.sheets[1].cells.length, 10_000);
    assert.equal(read.sheets[1].cells[9_999][0]?.value, `10000．${text}`);
    const refused = book.cellsPerSync.findIndex((n) => n === CHUNK_CELLS);
    assert.ok(refused >= 0, 'the first attempt asked for 20,000 cells and was refused');
    const retried = book.cellsPerSync.slice(refused + 1).filter((n) => n > 0);
    assert.ok(Math.max(...retried) <= CHUNK_CELLS / 4, `then at most ${CHUNK_CELLS / 4} cells a request: ${retried.join(', ')}`);
    assert.deepEqual(
      checkWorkbook(read).findings.map((f) => f.cell),
      ['A31', 'B37'],
    );
  });

  it('a response too large even in requests of 1,250 cells is the clerk’s to see, not retried forever', async () => {
    const { book, host } = await excelWith('kunming-dongchuan-2020');
    book.responseLimitBytes = 1_000;
    await assert.rejects(host.readWorkbook(), { code: 'ResponsePayloadSizeLimitExceeded' });
    assert.equal(host.syncs, 3 * 3, 'three attempts (20,000, 5,000, 1,250 cells a request), three requests each');
  });

  it('检查本表 highlights and annotates each finding’s cell; the number of requests does not grow with the findings', async () => {
    const few = await excelWith('kunming-dongchuan-2020');
    await new PaneSession(few.host).check();
    const fewSyncs = few.host.syncs;
    const many = await excelWith('hunan-income-mismatch');
    const outcome = await new PaneSession(many.host).check();
    assert.ok(outcome.marked > 2);
    assert.equal(many.host.syncs, fewSyncs, `${outcome.marked} marks in as many requests as 2`);
    const sheet = few.book.sheets[0];
    assert.equal(sheet.fills.get('A31'), MARK_FILL.error);
    assert.match(sheet.notes.get('B37')!, /^【绩效自评助手】\n二级指标“部门效果”标明22分/);
  });

  it('清除标注 removes only the marks; 撤销 after 填写自评得分 restores values, fills and notes exactly', async () => {
    const { book, host } = await excelWith('hunan-staff-over-quota');
    book.sheets[1].notes.set('F3', '原有批注');
    const original = snapshot(book);
    const session = new PaneSession(host);
    await session.check();
    assert.equal(book.sheets[1].fills.get('F3'), MARK_FILL.error);
    assert.equal(book.sheets[1].notes.get('F3')!.split('\n')[0], '原有批注');
    await session.clearMarks();
    assert.deepEqual(snapshot(book), original);

    await session.fill(async () => true);
    assert.equal(book.sheets[1].cells.get('F3')?.value, 0);
    assert.match(String(book.sheets[1].cells.get('G3')?.value), /^在职人员控制率110%/);
    assert.ok(book.settings.get(JOURNAL_SETTING), 'the journal is kept in the workbook settings');
    await new PaneSession(host).undo();
    assert.deepEqual(snapshot(book), original);
    assert.equal(book.settings.has(JOURNAL_SETTING), false);
  });

  it('on a protected sheet: nothing half-written, and the locked cells are named', async () => {
    const { book, host } = await excelWith('hunan-staff-over-quota');
    book.sheets[1].protected = true;
    book.sheets[1].unlocked.add('F3');
    const original = snapshot(book);
    const outcome = await new PaneSession(host).fill(async () => true);
    assert.deepEqual(outcome.locked, [{ sheet: '评分表', cell: 'G3' }]);
    assert.deepEqual(snapshot(book), original);
  });

  it('without the notes API (ExcelApi 1.10–1.17) annotates with comments; the clerk’s own thread is never touched', async () => {
    const grid = await loadGrid(join('test/fixtures', 'hunan-score-over.xlsx'));
    const book = mockWorkbook(grid);
    installExcel(book);
    book.sheets[1].threads.set('F5', '财务科：请再核对');
    const original = [...snapshot(book), ...threads(book)];
    const host = new ExcelHost({ ...ALL_CAPABILITIES, annotations: 'comments' });
    const session = new PaneSession(host);
    const outcome = await session.check();
    assert.equal(book.sheets[1].threads.get('F5'), '财务科：请再核对');
    assert.equal(book.sheets[1].fills.get('F5'), MARK_FILL.error);
    assert.deepEqual(outcome.withoutNote, [{ sheet: '评分表', cell: 'F5' }]);
    assert.match(book.sheets[1].threads.get('F30')!, /^【绩效自评助手】\n总分栏得分为98分/);
    await session.undo();
    assert.deepEqual([...snapshot(book), ...threads(book)], original);
  });

  it('comments only (ExcelApi 1.10–1.17): a cell whose old note refuses a comment is left out, the others are annotated', async () => {
    const grid = await loadGrid(join('test/fixtures', 'hunan-score-over.xlsx'));
    const book = mockWorkbook(grid);
    installExcel(book);
    // A note from an older Excel: this Excel cannot see it, and cannot put a thread beside it.
    book.sheets[1].notes.set('F5', '财务科：请再核对');
    const original = [...snapshot(book), ...threads(book)];
    const session = new PaneSession(new ExcelHost({ ...ALL_CAPABILITIES, annotations: 'comments' }));
    const outcome = await session.check();
    assert.deepEqual(outcome.withoutNote, [{ sheet: '评分表', cell: 'F5' }]);
    assert.equal(book.sheets[1].fills.get('F5'), MARK_FILL.error);
    assert.equal(book.sheets[1].notes.get('F5'), '财务科：请再核对');
    assert.match(book.sheets[1].threads.get('F30')!, /^【绩效自评助手】/);
    await session.undo();
    assert.deepEqual([...snapshot(book), ...threads(book)], original);
  });

  it('with notes (ExcelApi 1.18): a cell holding a comment thread gets no note beside it, the thread stays as it was', async () => {
    const { book, host } = await excelWith('hunan-score-over');
    book.sheets[1].threads.set('F5', '财务科：请再核对');
    const outcome = await new PaneSession(host).check();
    assert.deepEqual(outcome.withoutNote, [{ sheet: '评分表', cell: 'F5' }]);
    assert.equal(book.sheets[1].notes.has('F5'), false);
    assert.deepEqual([...book.sheets[1].threads], [['F5', '财务科：请再核对']]);
    assert.match(book.sheets[1].notes.get('F30')!, /^【绩效自评助手】/);
  });

  it('a protected sheet that allows formatting cells but not editing objects: fills, no notes, the sheet named', async () => {
    const { book, host } = await excelWith('hunan-score-over');
    Object.assign(book.sheets[1], { protected: true, allowFormatCells: true, allowEditObjects: false });
    const outcome = await new PaneSession(host).check();
    assert.equal(book.sheets[1].fills.get('F30'), MARK_FILL.error);
    assert.equal(book.sheets[1].notes.size, 0);
    assert.deepEqual(outcome.unprotect, ['评分表']);
    book.sheets[1].allowFormatCells = false;
    book.sheets[1].fills.clear();
    const none = await new PaneSession(new ExcelHost(ALL_CAPABILITIES)).check();
    assert.equal(book.sheets[1].fills.size, 0, 'nothing tried where nothing is allowed');
    assert.ok(none.unmarked.some((c) => c.cell === 'F30'));
  });

  it('Office 2016 (ExcelApi 1.1): no protection, merges, notes or settings APIs — still checks, fills and undoes', async () => {
    const { book } = await excelWith('hunan-staff-over-quota');
    const settings = documentSettings();
    const stored = settings.stored;
    (globalThis as Record<string, unknown>).Office = { AsyncResultStatus: { Succeeded: 'ok' }, context: { document: { settings } } };
    const original = snapshot(book);
    const host = new ExcelHost(excelCapabilities((name, version) => name === 'ExcelApi' && version === '1.1'));
    const session = new PaneSession(host);
    const outcome = await session.check();
    assert.ok(outcome.marked > 0);
    assert.equal(outcome.withoutNote.length, outcome.marked, 'no notes API: fills only, findings listed');
    assert.ok(stored.has(JOURNAL_SETTING), 'the journal in the document settings');
    await session.undo();
    assert.deepEqual(snapshot(book), original);
  });

  it('Office 2016 (ExcelApi 1.1) cannot read protection: a protected sheet refuses the marks, what was written is put back, the clerk told', async () => {
    const { book } = await excelWith('hunan-income-mismatch');
    (globalThis as Record<string, unknown>).Office = {
      context: { document: { settings: documentSettings() } },
      AsyncResultStatus: { Succeeded: 'ok' },
    };
    // The marks go to both sheets; the second one is protected, with neither formatting nor objects allowed.
    book.sheets[1].protected = true;
    const original = snapshot(book);
    const written: string[] = [];
    book.failWrite = (cell) => {
      written.push(cell);
      return false;
    };
    const session = new PaneSession(new ExcelHost(excelCapabilities((name, version) => name === 'ExcelApi' && version === '1.1')));
    const error = await session.check().then(
      () => assert.fail('the marks were written on a protected sheet'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof WriteFailed);
    assert.equal(error.rolledBack, true);
    assert.deepEqual(snapshot(book), original);
    assert.match(failureSummary(error), /^写入表格时出错（AccessDenied: 评分表 is protected against formatting），已把写入的单元格全部恢复原状/);
    assert.equal(await session.lastAction(), undefined);
    assert.equal(written[0].split('!')[0], book.sheets[0].name, 'a mark on the unprotected sheet was written first, then put back');
  });

  it('Office 2019 (ExcelApi 1.7): protection read before writing, fills without notes, the journal in the workbook settings', async () => {
    const { book } = await excelWith('hunan-staff-over-quota');
    const upTo17 = (name: string, v: string) => name === 'ExcelApi' && Number(v.split('.')[1]) <= 7;
    const host = new ExcelHost(excelCapabilities(upTo17));
    const original = snapshot(book);
    book.sheets[1].protected = true;
    book.sheets[1].unlocked.add('F3');
    const locked = await new PaneSession(host).fill(async () => true);
    assert.deepEqual(locked.locked, [{ sheet: '评分表', cell: 'G3' }], 'the locked cell is found before anything is written');
    assert.deepEqual(snapshot(book), original);
    book.sheets[1].protected = false;
    const session = new PaneSession(host);
    const outcome = await session.check();
    assert.equal(outcome.withoutNote.length, outcome.marked, 'no notes or comments before ExcelApi 1.10: fills, findings listed');
    assert.ok(outcome.marked > 0);
    assert.ok(book.settings.has(JOURNAL_SETTING), 'ExcelApi 1.4: the journal in the workbook settings');
    await session.undo();
    assert.deepEqual(snapshot(book), original);
  });

  it('selects a finding’s cell', async () => {
    const { book, host } = await excelWith('kunming-dongchuan-2020');
    await host.select({ sheet: '评分情况', cell: 'B37' });
    assert.equal(book.selected, '评分情况!');
    assert.equal(host.syncs, 1);
  });
});
