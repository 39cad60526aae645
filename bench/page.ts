// The offline page (issue 15): the size of dist-web/绩效自评检查.html, and the time to check 300 fixture workbooks
// dropped into it as a folder, in its Web Worker, in Chromium through playwright-core. The time is the page's own
// (from the drop to the finished summary, as it shows it to the reviewer). Skipped, saying so, without Chromium.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PAGE = 'dist-web/绩效自评检查.html';
const COUNT = 300;

export interface PageFigures {
  kilobytes: number;
  seconds?: number;
}

export async function benchPage(): Promise<PageFigures> {
  const built = spawnSync(process.execPath, ['scripts/build-web.mjs'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  const kilobytes = statSync(PAGE).size / 1024;
  console.log(`网页版 ${PAGE}: ${kilobytes.toFixed(0)} KB`);
  if (!existsSync(CHROMIUM)) {
    console.log(`  SKIPPED: ${COUNT} workbooks in the page — no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);
    return { kilobytes };
  }
  const { chromium } = await import('playwright-core');
  const inbox = mkdtempSync(join(tmpdir(), 'perf-page-bench-'));
  const fixtures = readdirSync('test/fixtures')
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  for (let i = 0; i < COUNT; i++)
    copyFileSync(join('test/fixtures', fixtures[i % fixtures.length]), join(inbox, `${String(i).padStart(3, '0')}.xlsx`));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve(PAGE)).href);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('请把工作簿'));
    await page.setInputFiles('#pick-folder', inbox);
    await page.waitForFunction(() => !document.getElementById('batch')!.hidden, undefined, { timeout: 600_000 });
    const seconds = Number(await page.locator('#batch').getAttribute('data-seconds'));
    console.log(
      `  ${COUNT} fixture workbooks checked in the page (Web Worker, Chromium): ${seconds.toFixed(1)} s, ${(COUNT / seconds).toFixed(0)} workbooks/s`,
    );
    return { kilobytes, seconds };
  } finally {
    await browser.close();
    rmSync(inbox, { recursive: true, force: true });
  }
}
