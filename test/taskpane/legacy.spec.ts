import { describe, it, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { XMLParser } from 'fast-xml-parser';
import { buildDist } from '../support/build';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true });

/** A page element, as much of one as the pane touches. */
function element() {
  return { textContent: '', innerText: '', className: '', disabled: false, hidden: false, dataset: {}, appendChild() {}, addEventListener() {} };
}

describe('the pane for Office 2016/2019 (manifest-legacy.xml)', () => {
  beforeAll(() => buildDist());

  it('is a task pane only: ExcelApi 1.1, no shared runtime, no custom functions, its own id', () => {
    const legacy = parser.parse(readFileSync('manifest-legacy.xml', 'utf8')).OfficeApp;
    const current = parser.parse(readFileSync('manifest.xml', 'utf8')).OfficeApp;
    assert.notEqual(legacy.Id, current.Id);
    assert.deepEqual(legacy.Requirements.Sets.Set, { '@Name': 'ExcelApi', '@MinVersion': '1.1' });
    assert.equal(legacy.VersionOverrides, undefined, 'no ribbon commands needing a shared runtime, no PERF functions');
    assert.equal(legacy.DefaultSettings.SourceLocation['@DefaultValue'], 'https://localhost:3000/legacy.html');
    assert.doesNotMatch(readFileSync('dist/manifest-legacy.xml', 'utf8'), /CustomFunctions|SharedRuntime/);
  });

  it('its scripts pass es-check es5: Internet Explorer 11’s engine can parse them', () => {
    const run = spawnSync(process.execPath, ['node_modules/es-check/lib/cli/index.js', 'es5', 'dist/legacy.js', 'dist/legacy-guard.js'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const html = readFileSync('dist/legacy.html', 'utf8');
    const scripts = [...html.matchAll(/<script src="?([^" >]+)/g)].map((m) => m[1]);
    assert.deepEqual(scripts, ['legacy-guard.js', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'legacy.js']);
    assert.match(html, /正在连接表格/, 'a Chinese line in the page itself before any script runs');
  });

  it('starts the pane in an engine without Promise, Map, Set, Symbol, Array.from, Object.assign or named RegExp groups', () => {
    const elements = new Map<string, ReturnType<typeof element>>();
    let ready: (() => void) | undefined;
    const window: Record<string, unknown> = {
      document: { getElementById: (id: string) => elements.get(id) ?? elements.set(id, element()).get(id), querySelectorAll: () => [], createElement: element },
      Office: { onReady: (f: () => void) => void (ready = f), context: { requirements: { isSetSupported: (_: string, v: string) => v === '1.1' } } },
      navigator: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko' },
      location: { href: 'https://localhost:3000/legacy.html' },
      setTimeout,
      clearTimeout,
    };
    window.window = window;
    window.self = window;
    const context = vm.createContext(window);
    // What IE11 lacks, taken away before the bundle runs.
    vm.runInContext(
      `delete Promise; delete Map; delete Set; delete WeakMap; delete Symbol; delete Array.from; delete Object.assign; delete Object.entries;
       delete Array.prototype.find; delete Array.prototype.includes; delete Array.prototype.flatMap; delete String.prototype.startsWith;
       delete String.prototype.padStart; delete Object.setPrototypeOf; var NativeRegExp = RegExp;
       RegExp = function (source, flags) { if (/\\(\\?<[a-z]/i.test(String(source))) throw new SyntaxError('named groups'); return new NativeRegExp(source, flags); };
       RegExp.prototype = NativeRegExp.prototype;`,
      context,
    );
    vm.runInContext(readFileSync('dist/legacy.js', 'utf8'), context);
    assert.ok(ready, 'Office.onReady was called');
    ready();
    assert.equal(window.perfCheckStarted, true);
    assert.equal(elements.get('status')!.textContent, '请点击“检查本表”。');
  });
});
