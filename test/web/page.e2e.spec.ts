import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { fillXlsx, readWorkbookBytes } from '../../hosts/files/index';
import { createChecker, fillTargets, type Finding } from '../../src/index';
import { buildCli, buildWeb, runCli } from '../support/build';
import { getCell, loadGrid } from '../support/workbook';

/**
 * The offline page opened from file:// in Chromium, as a clerk double-clicks it: the same findings as
 * `perf-check check --json`, the same annotated copy and the same batch outputs as `perf-check batch`, and not one
 * request to anywhere.
 */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test/artifacts/web';
const FIXTURES = readdirSync('test/fixtures')
  .filter((f) => f.endsWith('.xlsx'))
  .sort();
/** The same tables as .xls and .ods: whatever perf-check reads, the page reads. */
const LEGACY = readdirSync('test/fixtures/legacy')
  .filter((f) => /\.(xls|ods)$/.test(f))
  .map((f) => `legacy/${f}`)
  .sort();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name.startsWith('.') ? [] : e.isDirectory() ? filesUnder(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name],
  );
}

/**
 * Two packages with the same parts, byte for byte (the zip containers themselves carry timestamps). A copy converted
 * from .xls or .ods may differ in its document properties alone: SheetJS stamps them (and its browser build adds an
 * AppVersion).
 */
function assertSameParts(actual: Uint8Array, expected: Uint8Array, label: string, except: string[] = []): void {
  const a = unzipSync(actual);
  const b = unzipSync(expected);
  assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), label);
  for (const part of Object.keys(b).filter((p) => !except.includes(p)))
    assert.ok(Buffer.from(a[part]).equals(Buffer.from(b[part])), `${label}: ${part}`);
}

interface ShownFinding {
  severity: string;
  where: string;
  message: string;
}

describe('网页版: the offline page in Chromium from file://', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageUrl: string;
  const requests: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'perf-web-'));

  const status = () => page.locator('#status').innerText();
  const shownFindings = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('#findings .group')).flatMap((section) =>
        Array.from(section.querySelectorAll<HTMLElement>('.finding'), (b) => ({
          severity: section.classList[1],
          where: b.dataset.cell!,
          message: b.querySelector('.message')!.textContent,
        })),
      ),
    );

  /** Picks one workbook and waits for its findings (or its reason) to be shown. */
  async function check(path: string): Promise<string> {
    const before = await status();
    await page.setInputFiles('#pick-files', path);
    await page.waitForFunction((b) => {
      const s = document.getElementById('status')!.textContent;
      return s !== b && !s.startsWith('正在检查');
    }, before);
    return status();
  }

  beforeAll(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
    buildCli();
    pageUrl = pathToFileURL(buildWeb()).href;
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    // Every request of the page and of its worker, whatever the scheme.
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('请把工作簿'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is one file whose CSP forbids every host', () => {
    const html = readFileSync(new URL(pageUrl), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'none'/);
    assert.doesNotMatch(csp, /https?:|\*/);
    assert.doesNotMatch(html, /<(script|link|img)\b[^>]*\b(src|href)="(?!data:)/, 'nothing is loaded from elsewhere');
    // Chromium 86 (360/奇安信 browsers) has none of these; esbuild lowers syntax, not library calls.
    for (const api of ['.replaceAll(', 'Object.hasOwn(', '.findLast(', 'structuredClone(', '.at(-1)', '.toSorted('])
      assert.ok(!html.includes(api), api);
    console.log(`网页版 file size: ${(statSync(new URL(pageUrl)).size / 1024).toFixed(0)} KiB`);
  });

  it('shows the same findings as perf-check check --json for every fixture, .xls and .ods too', async () => {
    for (const fixture of [...FIXTURES, ...LEGACY]) {
      const path = join('test/fixtures', fixture);
      const run = runCli('check', path, '--json');
      const expected = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.map((f) => ({
        severity: f.severity,
        where: `${f.sheet}!${f.cell}`,
        message: f.message,
      }));
      const text = await check(path);
      assert.match(text, new RegExp(`^“${fixture.replace('legacy/', '')}”：`), text);
      assert.deepEqual(await shownFindings(), expected, fixture);
    }
  });

  it('a dropped workbook: clicking a finding shows its cell, coloured by severity', async () => {
    const bytes = readFileSync('test/fixtures/hunan-staff-over-quota.xlsx').toString('base64');
    await page.evaluate((b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bin], '君山区委办.xlsx'));
      document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.waitForFunction(() => document.getElementById('status')!.textContent.startsWith('“君山区委办.xlsx”：'));
    const findings: ShownFinding[] = await shownFindings();
    assert.deepEqual(
      findings.map((f) => [f.severity, f.where]),
      [['error', '评分表!F3']],
    );
    const rule = findings[0];
    const [sheet, cell] = rule.where.split('!');
    await page.locator(`#findings .finding[data-cell="${rule.where}"]`).first().click();
    assert.equal(await page.locator('#tabs .tab.current').getAttribute('data-sheet'), sheet);
    const td = page.locator(`#sheet td[data-cell="${cell}"]`);
    assert.deepEqual((await td.getAttribute('class'))!.split(' ').sort(), ['marked', rule.severity, 'selected', 'number'].sort());
    assert.ok(await td.isVisible());
    const box = (await td.boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 900, 'scrolled into view');
    assert.match((await td.getAttribute('title'))!, new RegExp(rule.message.slice(0, 10).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('填写自评得分 shows the computed 自评得分 and 扣分原因 next to what was typed', async () => {
    const proposals = createChecker().propose(await loadGrid('test/fixtures/hunan-staff-over-quota.xlsx'));
    await page.click('#fill');
    const rows = await page
      .locator('#proposals tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({ cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent), differs: tr.className === 'differs' })),
      );
    assert.deepEqual(
      rows.map((r) => [r.cells[0], r.cells[1], r.cells[3], r.cells[4]]),
      proposals.map((p) => [`${p.sheet}!${p.scoreCell}`, p.indicator, p.score, p.reason]),
    );
    const staff = rows.find((r) => r.cells[0] === '评分表!F3')!;
    assert.deepEqual([staff.cells[2], staff.cells[3], staff.differs], ['5', '0', true], 'typed 5, computed 0');
    assert.equal(await page.locator('#sheet td[data-cell="F3"]').getAttribute('data-proposed'), '0');
    assert.equal(await page.locator('#sheet td[data-cell="G3"]').getAttribute('data-proposed'), proposals[0].reason);
    assert.equal(await page.locator('#sheet td[data-cell="F8"]').getAttribute('data-proposed'), null, 'typed as computed');
    await page.locator('#findings .finding').first().click();
    await page.screenshot({ path: join(ARTIFACTS, 'single.png') });
  });

  it('下载标注副本 gives the same annotated copy as perf-check batch', async () => {
    const inbox = join(work, 'single-in');
    mkdirSync(inbox);
    copyFileSync('test/fixtures/hunan-staff-over-quota.xlsx', join(inbox, '君山区委办.xlsx'));
    const run = runCli('batch', inbox, '--out', join(work, 'single-out'), '--jobs', '1');
    assert.equal(run.status, 1, run.stderr);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-annotated')]);
    assert.equal(download.suggestedFilename(), '君山区委办（检查标注）.xlsx');
    const saved = join(work, 'downloaded.xlsx');
    await download.saveAs(saved);
    assertSameParts(readFileSync(saved), readFileSync(join(work, 'single-out', '君山区委办.xlsx')), 'annotated copy');
  });

  it('下载已填写副本 gives the workbook with the computed scores written in, as fillXlsx makes it', async () => {
    const original = readFileSync('test/fixtures/hunan-staff-over-quota.xlsx');
    const proposals = createChecker().propose(await readWorkbookBytes(original));
    assert.ok(await page.locator('#download-filled').isVisible());
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-filled')]);
    assert.equal(download.suggestedFilename(), '君山区委办（已填写自评得分）.xlsx');
    const saved = join(work, 'filled.xlsx');
    await download.saveAs(saved);
    assertSameParts(readFileSync(saved), fillXlsx(original, fillTargets(proposals)), 'filled copy');
    const grid = await readWorkbookBytes(readFileSync(saved));
    assert.deepEqual([getCell(grid, '评分表', 'F3')?.value, getCell(grid, '评分表', 'G3')?.value], [0, proposals[0].reason]);
  });

  it('a file that is no workbook is refused with the Chinese reason', async () => {
    const path = join(work, '说明.txt');
    writeFileSync(path, '各单位自评材料');
    assert.match(await check(path), /^无法检查“说明.txt”：这不是电子表格文件（\.xlsx、\.xls、\.et、\.ods）。/);
  });

  it('a folder of 300 files: checked in the worker with progress, one zip with what perf-check batch writes', async () => {
    const inbox = join(work, '收件');
    for (let i = 0; i < 296; i++) {
      const name = `${i % 3 === 0 ? '县区/' : ''}单位${String(i + 1).padStart(3, '0')}.xlsx`;
      mkdirSync(join(inbox, '县区'), { recursive: true });
      copyFileSync(join('test/fixtures', FIXTURES[i % FIXTURES.length]), join(inbox, name));
    }
    copyFileSync('test/fixtures/legacy/national-beita-2023.xls', join(inbox, '县区', '北塔旧版.xls'));
    copyFileSync('test/fixtures/legacy/kunming-dongchuan-2020.ods', join(inbox, '东川.ods'));
    writeFileSync(join(inbox, '说明.txt'), '各单位自评材料');
    writeFileSync(join(inbox, '损坏.xlsx'), readFileSync('test/fixtures/hunan-sum-mismatch.xlsx').subarray(0, 4000));
    assert.equal(filesUnder(inbox).length, 300);
    const cliOut = join(work, '收件_审核结果');
    const run = runCli('batch', inbox, '--out', cliOut, '--jobs', '1');
    assert.equal(run.status, 1, run.stderr);

    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
      new MutationObserver(() => seen.push(document.getElementById('progress-text')!.textContent)).observe(
        document.getElementById('progress-text')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await page.setInputFiles('#pick-folder', inbox);
    await page.waitForFunction(() => !document.getElementById('progress')!.hidden);
    // The page answers while the worker checks: a script runs and the bar moves.
    const during = await page.evaluate(() => (document.getElementById('bar') as HTMLProgressElement).value);
    assert.ok(during < 300, 'still checking');
    await page.waitForFunction(() => !document.getElementById('batch')!.hidden, undefined, { timeout: 170_000 });
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    assert.ok(new Set(progress).size > 10, `progress shown ${progress.length} times`);
    assert.match(progress[progress.length - 1], /^已检查 299\/299 个/);
    const seconds = Number(await page.locator('#batch').getAttribute('data-seconds'));
    const text = await status();
    assert.match(
      text,
      /^共 299 个文件：已检查 298 个（有错误 \d+ 个），无法读取 1 个；用时 [\d.]+ 秒。其中 2 个旧格式文件（\.xls、\.et、\.ods）的标注副本已转换为 \.xlsx。跳过 1 个不是电子表格的文件（未检查）：说明\.txt。$/,
    );
    const listed = await page
      .locator('#batch-rows tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    assert.equal(listed.length, 299);
    assert.deepEqual(listed[0].slice(0, 3), ['损坏.xlsx', '', '无法读取']);
    assert.match(listed[0][6], /已损坏/);
    await page.screenshot({ path: join(ARTIFACTS, 'batch.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-zip')]);
    assert.equal(download.suggestedFilename(), '收件_审核结果.zip');
    const zipPath = join(work, 'batch.zip');
    await download.saveAs(zipPath);
    const zip = unzipSync(readFileSync(zipPath));
    const expected = filesUnder(cliOut).sort();
    assert.deepEqual(Object.keys(zip).sort(), expected);
    assert.equal(expected.length, 298 + 3);
    assert.ok(expected.includes('县区/北塔旧版.xlsx') && expected.includes('东川.xlsx'), 'legacy files get .xlsx copies');
    for (const name of expected.filter((f) => !f.startsWith('汇总.'))) {
      assertSameParts(
        zip[name],
        readFileSync(join(cliOut, name)),
        name,
        /北塔旧版|东川\.xlsx/.test(name) ? ['docProps/app.xml', 'docProps/core.xml'] : [],
      );
    }
    assert.ok(Buffer.from(zip['汇总.csv']).equals(readFileSync(join(cliOut, '汇总.csv'))), '汇总.csv byte for byte');
    assertSameParts(zip['汇总.xlsx'], readFileSync(join(cliOut, '汇总.xlsx')), '汇总.xlsx');
    const undated = (html: string) => html.replace(/生成于 [^，]+，/, '');
    assert.equal(undated(strFromU8(zip['汇总.html'])), undated(readFileSync(join(cliOut, '汇总.html'), 'utf8')));
    const size = statSync(new URL(pageUrl)).size;
    writeFileSync(join(ARTIFACTS, 'bench.json'), JSON.stringify({ fileBytes: size, batchFiles: 299, batchSeconds: seconds }, null, 2));
    console.log(`网页版: 299 workbooks (and a .txt) checked in the page in ${seconds.toFixed(1)} s; the page is ${(size / 1024).toFixed(0)} KiB`);
  });

  it('made no request but for its own file and the blobs it created', () => {
    const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:null/'));
    assert.deepEqual(foreign, []);
    assert.ok(requests.includes(pageUrl));
    assert.ok(
      requests.some((u) => u.startsWith('blob:null/')),
      'the worker started from a blob',
    );
  });
});
