import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWps } from '../support/build';
import { mockWorkbook } from '../support/excel-mock';
import { serve } from '../support/serve';
import { loadGrid } from '../support/workbook';

const CHROMIUM = '/usr/bin/chromium';

describe('the WPS task pane in Chromium, against a scripted ET object model', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let original: unknown;
  const snapshot = () => page.evaluate(() => (window as unknown as { __snapshot: () => unknown }).__snapshot());
  const statusStartsWith = (text: string) => page.waitForFunction((t) => document.getElementById('status')?.textContent?.startsWith(t), text);

  beforeAll(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
    const folder = buildWps();
    const standIn = await build({ entryPoints: ['test/e2e/wps-stand-in.ts'], bundle: true, write: false, format: 'iife', platform: 'browser' });
    const book = mockWorkbook(await loadGrid('test/fixtures/national-beita-2023.xlsx'));
    const bookJson = {
      sheets: book.sheets.map((s) => ({ ...s, cells: [...s.cells], fills: [...s.fills], notes: [...s.notes], unlocked: [...s.unlocked] })),
    };
    server = await serve(join(process.cwd(), folder));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 380, height: 900 }, locale: 'zh-CN' });
    await page.addInitScript((json) => ((window as unknown as { __bookJson: unknown }).__bookJson = json), bookJson);
    await page.addInitScript({ content: standIn.outputFiles[0].text });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`);
    await statusStartsWith('请点击“检查本表”');
    original = await snapshot();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('检查本表 marks the cells with fills (in BGR through Interior.Color) and comments', async () => {
    await page.click('#check');
    await statusStartsWith('共发现 5 个问题');
    const [form, base] = (await snapshot()) as { fills: [string, string][]; notes: [string, string][] }[];
    assert.deepEqual(form.fills, [
      ['B13', '#FFC7CE'],
      ['B17', '#FFEB9C'],
      ['B9', '#FFC7CE'],
    ]);
    assert.match(Object.fromEntries(form.notes).B9, /^【绩效自评助手】\n一级指标“产出指标”标明50分/);
    assert.deepEqual(
      base.fills.map(([cell]) => cell),
      ['B6', 'B7'],
    );
  });

  it('takes a ribbon command handed over by the start-up page (撤销), and gives the workbook back as it was', async () => {
    await page.evaluate(() =>
      (window as unknown as { __storage: Map<string, unknown> }).__storage.set(
        'perfCheck.command',
        JSON.stringify({ action: 'undo', id: 'ribbon-1' }),
      ),
    );
    await statusStartsWith('已撤销检查本表的标注');
    assert.deepEqual(await snapshot(), original);
  });
});
