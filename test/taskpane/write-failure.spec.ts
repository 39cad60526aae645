import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PaneSession, WriteFailed } from '../../taskpane/session';
import { failureSummary } from '../../taskpane/ui';
import { mockWorkbook, type MockWorkbook } from '../support/excel-mock';
import { HOSTS, snapshot } from '../support/hosts';
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
  it('a cell that refuses in the middle of 检查本表: what was written is rolled back, the clerk is told so', async () => {
    const book = await workbook();
    const marked = (await new PaneSession(HOSTS[name](structuredCloneBook(book))).check()).marked;
    assert.equal(marked, 4);
    const host = HOSTS[name](book);
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
    const host = HOSTS[name](book);
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
