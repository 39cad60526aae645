import { describe, it, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Every file under a folder, relative paths. */
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

/** Builds into a folder of its own (dist/ stays as the other specs expect it), with the environment given. */
function build(env: Record<string, string>, out: string, ...args: string[]): void {
  const run = spawnSync(process.execPath, ['node_modules/webpack-cli/bin/cli.js', '--no-stats', '--output-path', out, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(run.status, 0, run.stderr);
}

describe('building for a server of one’s own', () => {
  let excel: string;
  let wps: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'perf-urls-'));
    excel = join(root, 'dist');
    wps = join(root, 'perfcheck');
    // No trailing slash given: the build adds it.
    build({ ADDIN_URL: 'https://perf.example.gov.cn/addin' }, excel);
    build({ WPS_URL: 'http://10.1.2.3:8080/perfcheck' }, wps, '--env', 'wps');
  });

  it('ADDIN_URL rewrites every URL and AppDomain of the manifest: no localhost left', () => {
    const xml = readFileSync(join(excel, 'manifest.xml'), 'utf8');
    assert.doesNotMatch(xml, /localhost/);
    const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:[^"<]+)/g)].map((m) => m[1]);
    assert.ok(urls.length >= 10, `${urls.length} URLs`);
    for (const url of urls) assert.match(url, /^https:\/\/perf\.example\.gov\.cn(\/addin\/[\w./-]+)?$/, url);
    const app = new XMLParser().parse(xml).OfficeApp;
    assert.equal(app.AppDomains.AppDomain, 'https://perf.example.gov.cn');
    assert.match(xml, /<SourceLocation DefaultValue="https:\/\/perf\.example\.gov\.cn\/addin\/taskpane\.html" \/>/);
  });

  it('the Office 2016/2019 manifest too', () => {
    const xml = readFileSync(join(excel, 'manifest-legacy.xml'), 'utf8');
    assert.doesNotMatch(xml, /localhost/);
    assert.match(xml, /<SourceLocation DefaultValue="https:\/\/perf\.example\.gov\.cn\/addin\/legacy\.html" \/>/);
    assert.match(xml, /<AppDomain>https:\/\/perf\.example\.gov\.cn<\/AppDomain>/);
  });

  it('WPS_URL gives jsplugins.xml the server’s folder, slash included', () => {
    const xml = readFileSync(join(wps, '..', 'jsplugins.xml'), 'utf8');
    assert.match(xml, /url="http:\/\/10\.1\.2\.3:8080\/perfcheck\/"/);
  });

  it('no source maps in the folders a clerk copies', () => {
    for (const dir of [excel, wps]) {
      const all = files(dir);
      assert.deepEqual(all.filter((f) => f.endsWith('.map')), [], dir);
      for (const f of all.filter((f) => f.endsWith('.js'))) assert.doesNotMatch(readFileSync(join(dir, f), 'utf8'), /sourceMappingURL/, f);
    }
  });
});
