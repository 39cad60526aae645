import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Journal } from '../../taskpane/journal';
import { PaneSession, WriteFailed } from '../../taskpane/session';
import { failureSummary } from '../../taskpane/ui';
import { mockWorkbook, type MockWorkbook } from '../support/excel-mock';
import { JOURNALED_HOSTS as HOSTS, snapshot } from '../support/hosts';
import { loadGrid } from '../support/workbook';

/** hunan-income-mismatch marks 4 cells; the clerk has a note of her own on one of them. */
async function workbook() {
  const book = mockWorkbook(await loadGrid(join('test/fixtures', 'hunan-income-mismatch.xlsx')));
  book.sheets[0].notes.set('C6', '财务科：请再核对');
  return book;
}

async function failure(work: () => Promise<unknown>): Promise<WriteFailed> {
  try {
    await work();
  } catch (e) {
    assert.ok(e instanceof WriteFailed, String(e));
    return e;
  }
  throw new Error('the write did not fail');
}

describe.each(Object.keys(HOSTS))('a write that fails part-way (%s)', (name) => {
  it('填写自评得分 cut off after its first cell: the journal held every original before that cell was written; it is put back', async () => {
    const book = mockWorkbook(await loadGrid(join('test/fixtures', 'hunan-staff-over-quota.xlsx')));
    const { host, journal } = HOSTS[name](book);
    const original = snapshot(book);
    const journals: Journal[] = [];
    let writtenBeforeFailure: unknown;
    let writes = 0;
    book.failWrite = () => {
      journals.push(journal());
      if (++writes !== 2) return false;
      writtenBeforeFailure = book.sheets[1].cells.get('F3')?.value;
      return true;
    };
    const session = new PaneSession(host);
    const error = await failure(() => session.fill(async () => true));
    assert.equal(error.rolledBack, true);
    const atFirstWrite = journals[0].entries.at(-1)!;
    assert.equal(atFirstWrite.action, 'fill');
    assert.deepEqual(
      atFirstWrite.before.map((b) => `${b.cell}=${b.value}`),
      ['F3=5', 'G3=null'],
    );
    assert.equal(writtenBeforeFailure, 0, 'the first score was written when the second failed');
    assert.equal(book.sheets[1].cells.get('F3')?.value, 5, 'and it is put back');
    assert.deepEqual(snapshot(book), original);
    assert.equal(await session.lastAction(), undefined, 'the entry of an action rolled back is dropped');
    assert.match(failureSummary(error), /已把写入的单元格全部恢复原状/);
  });

  it('a cell that refuses in the middle of 检查本表: what was written is rolled back, the clerk is told so', async () => {
    const book = await workbook();
    const marked = (await new PaneSession(HOSTS[name](structuredCloneBook(book)).host).check()).marked;
    assert.equal(marked, 4);
    const { host } = HOSTS[name](book);
    const original = snapshot(book);
    let writes = 0;
    const refusing = new Set<string>();
    book.failWrite = (cell) => {
      // The third cell written refuses, every time.
      if (++writes === 3) refusing.add(cell);
      return refusing.has(cell);
    };
    const session = new PaneSession(host);
    const error = await failure(() => session.check());
    assert.equal(error.rolledBack, true);
    assert.deepEqual(snapshot(book), original);
    assert.equal(await session.lastAction(), undefined, 'nothing left to undo');
    assert.match(failureSummary(error), /已把写入的单元格全部恢复原状，表格与操作前相同/);
  });

  it('a connection lost half-way and not back for the rollback: 撤销 later restores every cell', async () => {
    const book = await workbook();
    const { host } = HOSTS[name](book);
    const original = snapshot(book);
    const session = new PaneSession(host);
    await session.fill(async () => true);
    const filled = snapshot(book);
    let writes = 0;
    let connected = true;
    book.failWrite = () => {
      if (++writes === 3) connected = false;
      return !connected;
    };
    const error = await failure(() => session.check());
    assert.equal(error.rolledBack, false);
    assert.notDeepEqual(snapshot(book), filled, 'some marks were written before the connection went');
    assert.match(failureSummary(error), /部分单元格已被改动、未能自动恢复。原来的内容已记下：请点“撤销”恢复/);
    connected = true;
    book.failWrite = undefined;
    const undone = await session.undo();
    assert.deepEqual([undone.action, undone.keptByUser], ['mark', 0]);
    assert.deepEqual(snapshot(book), filled);
    await session.undo();
    assert.deepEqual(snapshot(book), original);
  });
});

/** A second, independent copy of the workbook (to count the marks without touching the one under test). */
function structuredCloneBook(book: MockWorkbook): MockWorkbook {
  return {
    ...book,
    sheets: book.sheets.map((s) => ({
      ...s,
      cells: new Map(s.cells),
      fills: new Map(s.fills),
      notes: new Map(s.notes),
      unlocked: new Set(s.unlocked),
    })),
    settings: new Map(book.settings),
  };
}
