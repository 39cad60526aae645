import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { checkSummary } from '../../taskpane/ui';
import { MARK_FILL, PaneSession } from '../../taskpane/session';
import { MemoryHost } from '../support/memory-host';
import { loadGrid } from '../support/workbook';

const fixture = async (name: string) => new MemoryHost(await loadGrid(join('test/fixtures', `${name}.xlsx`)));

describe('检查本表', () => {
  it('marks every finding’s cell with its severity’s fill and a note with the message', async () => {
    const host = await fixture('national-beita-2023');
    const outcome = await new PaneSession(host).check();
    assert.equal(outcome.marked, 5);
    assert.equal(host.fills.get('自评表!B9'), MARK_FILL.error);
    assert.equal(host.fills.get('自评表!B17'), MARK_FILL.warning);
    assert.match(host.notes.get('自评表!B9')!, /^【绩效自评助手】\n一级指标“产出指标”标明50分，其下三级指标分值合计47分/);
  });

  it('keeps the clerk’s own note above ours, and gives it back when the marks are cleared', async () => {
    const host = await fixture('national-beita-2023');
    host.notes.set('自评表!B9', '请财务科核对');
    const before = host.state();
    const session = new PaneSession(host);
    await session.check();
    assert.match(host.notes.get('自评表!B9')!, /^请财务科核对\n【绩效自评助手】/);
    assert.equal(await session.clearMarks(), 5);
    assert.deepEqual(host.state(), before);
  });

  it('checking again replaces the marks instead of stacking them', async () => {
    const host = await fixture('national-beita-2023');
    const session = new PaneSession(host);
    await session.check();
    await session.check();
    assert.equal((host.notes.get('自评表!B9')!.match(/【绩效自评助手】/g) ?? []).length, 1);
    await session.clearMarks();
    assert.equal(host.fills.size, 0);
    assert.equal(host.notes.size, 0);
  });

  it('leaves a fill the clerk changed after the check as she made it', async () => {
    const host = await fixture('national-beita-2023');
    const session = new PaneSession(host);
    await session.check();
    host.fills.set('自评表!B9', '#00FF00');
    await session.clearMarks();
    assert.equal(host.fills.get('自评表!B9'), '#00FF00');
    assert.equal(host.fills.get('自评表!B13'), undefined);
  });

  it('does not mark cells of a protected sheet, and says which', async () => {
    const host = await fixture('national-beita-2023');
    host.locked.set('基础数据表', '*');
    const outcome = await new PaneSession(host).check();
    assert.deepEqual(outcome.unmarked.map((c) => c.cell), ['B6', 'B7']);
    assert.equal(outcome.marked, 3);
    assert.deepEqual(outcome.unprotect, ['基础数据表']);
    assert.match(checkSummary(outcome), /请先撤销工作表保护：“基础数据表”。$/);
  });

  it('a protected sheet that lets users format cells but not edit objects gets fills and no notes', async () => {
    const host = await fixture('national-beita-2023');
    host.locked.set('基础数据表', '*');
    host.allow.set('基础数据表', { formatCells: true, editObjects: false });
    const outcome = await new PaneSession(host).check();
    assert.deepEqual([outcome.marked, outcome.unmarked.length], [5, 0]);
    assert.deepEqual(outcome.withoutNote.map((c) => c.cell), ['B6', 'B7']);
    assert.equal(host.fills.get('基础数据表!B6'), MARK_FILL.error);
    assert.equal(host.notes.has('基础数据表!B6'), false);
    assert.ok(host.notes.has('自评表!B9'));
  });

  it('one cell that refuses its note does not sink 检查本表; 撤销 still gives everything back', async () => {
    const host = await fixture('national-beita-2023');
    const original = host.state();
    host.refuseNotes.add('自评表!B13');
    const session = new PaneSession(host);
    const outcome = await session.check();
    assert.equal(outcome.marked, 5);
    assert.deepEqual(outcome.withoutNote, [{ sheet: '自评表', cell: 'B13' }]);
    assert.ok(host.fills.has('自评表!B13'));
    assert.equal(host.notes.size, 4);
    await session.undo();
    assert.deepEqual(host.state(), original);
  });

  it('a workbook without a 评分表 gets the NO_SCORE_TABLE finding', async () => {
    const host = new MemoryHost({ sheets: [{ name: 'Sheet1', cells: [[{ value: '姓名' }]], merges: [] }] });
    const outcome = await new PaneSession(host).check();
    assert.deepEqual(outcome.result.findings.map((f) => f.code), ['NO_SCORE_TABLE']);
  });
});

describe('填写自评得分 and 撤销', () => {
  it('asks before overwriting what the clerk typed, writes score and reason, and 撤销 gives the workbook back cell for cell', async () => {
    const host = await fixture('hunan-staff-over-quota');
    const before = host.state();
    const session = new PaneSession(host);
    const asked: string[] = [];
    const outcome = await session.fill(async (cells) => {
      asked.push(...cells.map((c) => `${c.cell}:${c.current}→${c.proposed}`));
      return true;
    });
    assert.deepEqual(asked, ['F3:5→0']);
    assert.equal(outcome.written, 2);
    assert.equal(host.grid.sheets[1].cells[2][5]?.value, 0);
    assert.equal(host.grid.sheets[1].cells[2][6]?.value, '在职人员控制率110%，超过100%共10个百分点，每个百分点扣0.5分，扣5分，扣完为止');
    const undone = await session.undo();
    assert.deepEqual(undone, { action: 'fill', restored: 2, keptByUser: 0 });
    assert.deepEqual(host.state(), before);
  });

  it('writes only into empty cells when the clerk says no', async () => {
    const host = await fixture('hunan-staff-over-quota');
    const outcome = await new PaneSession(host).fill(async () => false);
    assert.deepEqual(outcome, { written: 1, kept: 1 });
    assert.equal(host.grid.sheets[1].cells[2][5]?.value, 5);
  });

  it('writes nothing at all when a target cell is protected', async () => {
    const host = await fixture('hunan-staff-over-quota');
    host.locked.set('评分表', new Set(['G3']));
    const before = host.state();
    const outcome = await new PaneSession(host).fill(async () => true);
    assert.deepEqual(outcome.locked, [{ sheet: '评分表', cell: 'G3' }]);
    assert.equal(outcome.written, 0);
    assert.deepEqual(host.state(), before);
  });

  it('撤销 after 检查本表 removes the marks; the journal survives a new session (a reopened pane)', async () => {
    const host = await fixture('hunan-score-over');
    const before = host.state();
    await new PaneSession(host).check();
    assert.ok(host.journal);
    const reopened = new PaneSession(host);
    assert.equal((await reopened.lastAction())?.action, 'mark');
    assert.equal((await reopened.undo()).action, 'mark');
    assert.deepEqual(host.state(), before);
    assert.equal(host.journal, null);
    assert.deepEqual(await reopened.undo(), { restored: 0, keptByUser: 0 });
  });

  it('says when nothing can be computed from the workbook', async () => {
    const host = await fixture('kunming-dongchuan-2020');
    assert.deepEqual(await new PaneSession(host).fill(async () => true), { written: 0, kept: 0, nothingToFill: true });
  });
});
