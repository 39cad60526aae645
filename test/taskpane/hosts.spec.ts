import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { checkWorkbook } from '../../src/index';
import type { SpreadsheetHost } from '../../taskpane/host';
import { MARK_FILL, PaneSession } from '../../taskpane/session';
import { checkSummary } from '../../taskpane/ui';
import { ExcelHost } from '../../hosts/excel/excel-host';
import { bgrOf, hexOf, WpsHost } from '../../hosts/wps/wps-host';
import { etApplication, memoryStore } from '../support/et-mock';
import { ALL_CAPABILITIES, installExcel, mockWorkbook, type MockWorkbook } from '../support/excel-mock';
import { HOSTS, snapshot } from '../support/hosts';
import { loadGrid, setCell } from '../support/workbook';

/** One scenario, run against a host: 检查本表, 填写自评得分, 清除标注, 撤销 ×2. What each step leaves is recorded. */
async function scenario(make: (book: MockWorkbook) => SpreadsheetHost) {
  const grid = await loadGrid(join('test/fixtures', 'hunan-staff-over-quota.xlsx'));
  setCell(grid, '评分表', 'F5', 6);
  setCell(grid, '自评表', 'C34', '良');
  const book = mockWorkbook(grid);
  book.sheets[1].notes.set('F5', '财务科：请再核对');
  const host = make(book);
  const session = new PaneSession(host);
  const steps: Record<string, unknown> = { original: snapshot(book) };
  const read = await host.readWorkbook();
  steps.findings = checkWorkbook(read).findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
  await session.check();
  steps.checked = snapshot(book);
  await session.fill(async () => true);
  steps.filled = snapshot(book);
  await session.undo();
  steps.undoneFill = snapshot(book);
  await session.clearMarks();
  steps.cleared = snapshot(book);
  await session.check();
  await session.undo();
  steps.undoneCheck = snapshot(book);
  return steps;
}

describe('one scenario, both hosts', () => {
  it('Excel and WPS give the same cells, fills, notes and texts at every step, and 撤销 gives back the original', async () => {
    const excel = await scenario(HOSTS.Excel);
    const wps = await scenario(HOSTS.WPS);
    assert.deepEqual(wps, excel);
    assert.deepEqual([...(excel.findings as string[])].sort(), [
      'GRADE_MISMATCH@自评表!C34',
      'RULE_SCORE_DIFFERS@评分表!F3',
      'SCORE_OUT_OF_RANGE@评分表!F5',
      'SCORE_TOTAL_MISMATCH@评分表!F30',
    ]);
    assert.ok((excel.checked as string[]).includes('评分表!F5 fill #FFC7CE'));
    assert.ok((excel.checked as string[]).some((l) => /^评分表!F5 note 财务科：请再核对\n【绩效自评助手】\n指标“重点支出安排率”自评得分6分/.test(l)));
    assert.ok((excel.filled as string[]).includes('评分表!F3=0'));
    assert.deepEqual(excel.cleared, excel.original);
    assert.deepEqual(excel.undoneCheck, excel.original);
  });
});

describe('WPS adapter specifics', () => {
  it('converts fills to ET’s BGR colour numbers and back', () => {
    assert.equal(bgrOf('#FFC7CE'), 0xcec7ff);
    assert.equal(hexOf(0xcec7ff), '#FFC7CE');
    assert.equal(hexOf(bgrOf('#1F5EA8')), '#1F5EA8');
  });

  it('keeps the journal in the add-in’s storage by workbook, not in the clerk’s file', async () => {
    const book = mockWorkbook(await loadGrid(join('test/fixtures', 'national-beita-2023.xlsx')));
    const store = memoryStore();
    await new PaneSession(new WpsHost(etApplication(book, 'E:/审核/北塔.xlsx'), store)).check();
    assert.deepEqual([...store.items.keys()], ['perfCheck.journal:E:/审核/北塔.xlsx']);
    assert.equal(book.sheets.length, 2, 'no sheet added to the workbook');
  });

  it('refuses to write a protected cell: nothing half-written', async () => {
    const book = mockWorkbook(await loadGrid(join('test/fixtures', 'hunan-staff-over-quota.xlsx')));
    book.sheets[1].protected = true;
    book.sheets[1].unlocked.add('F3');
    const before = snapshot(book);
    const outcome = await new PaneSession(new WpsHost(etApplication(book), memoryStore())).fill(async () => true);
    assert.deepEqual(outcome.locked, [{ sheet: '评分表', cell: 'G3' }]);
    assert.deepEqual(snapshot(book), before);
  });
});

describe.each(Object.keys(HOSTS))('protection options, read per host (%s)', (name) => {
  it('a sheet protected with 设置单元格格式 allowed and 编辑对象 not: fills, no notes, the sheet named; nothing refused', async () => {
    const book = mockWorkbook(await loadGrid(join('test/fixtures', 'hunan-score-over.xlsx')));
    Object.assign(book.sheets[1], { protected: true, allowFormatCells: true, allowEditObjects: false });
    const outcome = await new PaneSession(HOSTS[name](book)).check();
    assert.equal(book.sheets[1].fills.get('F30'), '#FFC7CE');
    assert.deepEqual([book.sheets[1].notes.size, book.sheets[1].threads.size], [0, 0]);
    assert.deepEqual(outcome.unprotect, ['评分表']);
    assert.ok(outcome.withoutNote.some((c) => c.cell === 'F30'));
  });

  it('a sheet protected with neither: nothing written there, its findings only listed', async () => {
    const book = mockWorkbook(await loadGrid(join('test/fixtures', 'hunan-score-over.xlsx')));
    book.sheets[1].protected = true;
    const outcome = await new PaneSession(HOSTS[name](book)).check();
    assert.deepEqual([book.sheets[1].fills.size, book.sheets[1].notes.size], [0, 0]);
    assert.ok(outcome.unmarked.some((c) => c.cell === 'F30'));
    assert.deepEqual(outcome.unprotect, ['评分表']);
  });
});

/** The adapters as they annotate: Excel with notes (ExcelApi 1.18), Excel with threaded comments only (1.10–1.17), WPS. */
const ANNOTATING: Record<string, (book: MockWorkbook) => SpreadsheetHost> = {
  ...HOSTS,
  'Excel, comments only': (book) => {
    installExcel(book);
    return new ExcelHost({ ...ALL_CAPABILITIES, annotations: 'comments' });
  },
};

/** Every annotation of a cell, note or comment thread: where the adapter put ours. */
const annotations = (book: MockWorkbook) =>
  new Map(book.sheets.flatMap((s) => [...s.notes, ...s.threads].map(([cell, text]) => [`${s.name}!${cell}`, text] as const)));

describe.each(Object.keys(ANNOTATING))('one cell that refuses its note (%s)', (name) => {
  it('does not sink 检查本表: its fill is written, the other cells get their notes, the pane names it; 撤销 restores all', async () => {
    const fresh = async () => mockWorkbook(await loadGrid(join('test/fixtures', 'hunan-income-mismatch.xlsx')));
    const probe = await fresh();
    await new PaneSession(ANNOTATING[name](probe)).check();
    const noted = [...annotations(probe).keys()].sort();
    assert.equal(noted.length, 4);
    // A cell in the middle of the batch refuses.
    const refusing = noted[1];
    const book = await fresh();
    book.refuseNotes = new Set([refusing]);
    const original = snapshot(book);
    const session = new PaneSession(ANNOTATING[name](book));
    const outcome = await session.check();
    assert.equal(outcome.marked, 4);
    const [sheet, cell] = refusing.split('!');
    assert.deepEqual(outcome.withoutNote, [{ sheet, cell }]);
    assert.deepEqual(
      [...annotations(book).keys()].sort(),
      noted.filter((k) => k !== refusing),
    );
    for (const text of annotations(book).values()) assert.match(text, /^【绩效自评助手】\n/);
    assert.equal(book.sheets.find((s) => s.name === sheet)!.fills.get(cell), MARK_FILL.error);
    assert.match(checkSummary(outcome), new RegExp(`1 个单元格只标了底色、没有加批注（问题已列在下方）：${refusing}。`));
    await session.undo();
    assert.deepEqual(snapshot(book), original);
    assert.equal(annotations(book).size, 0);
  });
});
