import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { oneAtATime } from '../../taskpane/pane';
import { PaneSession } from '../../taskpane/session';
import { COMMAND_DONE_KEY, giveCommand, takeCommand } from '../../hosts/wps/command';
import { MemoryHost } from '../support/memory-host';
import { loadGrid } from '../support/workbook';

describe('one action at a time', () => {
  it('a second click while 填写自评得分 waits for the clerk’s answer is refused, and the first finishes alone', async () => {
    const host = new MemoryHost(await loadGrid(join('test/fixtures', 'hunan-staff-over-quota.xlsx')));
    const session = new PaneSession(host);
    const refusals: string[] = [];
    const queue = oneAtATime(() => void refusals.push('上一项操作还在进行'));
    let answer!: (yes: boolean) => void;
    const asked = new Promise<void>((resolve) => {
      void queue.run(async () => {
        await session.fill(() => {
          resolve();
          return new Promise((r) => (answer = r));
        });
      });
    });
    await asked;
    assert.equal(queue.busy, true);
    let checked = false;
    await queue.run(async () => {
      await session.check();
      checked = true;
    });
    assert.deepEqual([checked, refusals.length], [false, 1]);
    answer(true);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(queue.busy, false);
    assert.equal((await session.lastAction())?.action, 'fill');
    await queue.run(async () => void (await session.check()));
    assert.equal((await session.lastAction())?.action, 'mark');
    assert.equal(refusals.length, 1);
  });

  it('a work that throws frees the queue', async () => {
    const queue = oneAtATime(() => assert.fail('refused'));
    await assert.rejects(queue.run(async () => Promise.reject(new Error('断开'))));
    assert.equal(queue.busy, false);
  });
});

describe('WPS ribbon commands handed to the pane', () => {
  const storage = () => {
    const items = new Map<string, unknown>();
    return { items, getItem: (k: string) => items.get(k), setItem: (k: string, v: unknown) => void items.set(k, v) };
  };

  it('the command that opened the pane is taken however late the pane loads, and only once', () => {
    const s = storage();
    giveCommand(s, 'check', '1700000000000-1');
    // No clock: a pane that needed 20 seconds to load still runs it.
    assert.deepEqual(takeCommand(s), { action: 'check', id: '1700000000000-1' });
    assert.equal(takeCommand(s), undefined);
    assert.equal(s.items.get(COMMAND_DONE_KEY), '1700000000000-1');
    giveCommand(s, 'undo', '1700000000000-2');
    assert.equal(takeCommand(s)?.action, 'undo');
  });

  it('a reloaded pane does not run again the command it already ran', () => {
    const s = storage();
    giveCommand(s, 'fill', 'a');
    takeCommand(s);
    assert.equal(takeCommand(s), undefined);
  });
});
