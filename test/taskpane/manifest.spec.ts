import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDist } from '../support/build';
import { beforeAll, describe, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { OfficeAddinManifest } from 'office-addin-manifest';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['Control', 'Image', 'Url', 'String'].includes(name),
});
const manifest = parser.parse(readFileSync('manifest.xml', 'utf8')).OfficeApp as Node;
const overrides = manifest.VersionOverrides as Node;
const host = (overrides.Hosts as Node).Host as Node;
const resources = overrides.Resources as Node;
const strings = [...((resources.ShortStrings as Node).String as Node[]), ...((resources.LongStrings as Node).String as Node[])];
const text = (resid: unknown) => strings.find((s) => s['@id'] === resid)?.['@DefaultValue'];
const urls = (resources.Urls as Node).Url as Node[];
const url = (resid: unknown) => urls.find((u) => u['@id'] === resid)?.['@DefaultValue'];

describe('manifest.xml', () => {
  it('is an Excel task pane add-in asking for ReadWriteDocument (read by office-addin-manifest)', async () => {
    const info = await OfficeAddinManifest.readManifestFile('manifest.xml');
    assert.deepEqual(info.hosts, ['Workbook']);
    assert.equal(info.permissions, 'ReadWriteDocument');
    assert.equal(info.displayName, '绩效自评助手');
    assert.equal(info.defaultLocale, 'zh-CN');
    assert.match(info.id ?? '', /^[0-9a-f-]{36}$/);
  });

  it('runs pane, commands and PERF functions in one shared runtime', () => {
    const requirements = (manifest.Requirements as Node).Sets as Node;
    assert.equal((requirements.Set as Node)['@Name'], 'SharedRuntime');
    const runtime = (host.Runtimes as Node).Runtime as Node;
    assert.deepEqual([runtime['@resid'], runtime['@lifetime']], ['Taskpane.Url', 'long']);
    const functions = (host.AllFormFactors as Node).ExtensionPoint as Node;
    assert.equal(functions['@type'], 'CustomFunctions');
    assert.equal(((functions.Page as Node).SourceLocation as Node)['@resid'], 'Taskpane.Url');
    assert.equal(text((functions.Namespace as Node)['@resid']), 'PERF');
    assert.equal(((host.DesktopFormFactor as Node).FunctionFile as Node)['@resid'], 'Taskpane.Url');
  });

  it('has a 绩效自评 ribbon tab with the four commands, each handled by the runtime page', () => {
    const tab = ((host.DesktopFormFactor as Node).ExtensionPoint as Node).CustomTab as Node;
    assert.equal(text((tab.Label as Node)['@resid']), '绩效自评');
    const controls = (tab.Group as Node).Control as Node[];
    const commands = controls.map((c) => [text((c.Label as Node)['@resid']), (c.Action as Node).FunctionName ?? (c.Action as Node)['@type']]);
    assert.deepEqual(commands, [
      ['检查本表', 'checkSheet'],
      ['填写自评得分', 'fillScores'],
      ['清除标注', 'clearMarks'],
      ['撤销', 'undoLast'],
      ['打开面板', 'ShowTaskpane'],
    ]);
    const runtimePage = readFileSync('hosts/excel/taskpane.ts', 'utf8');
    for (const [, name] of commands.slice(0, 4)) assert.match(runtimePage, new RegExp(`Office\\.actions\\.associate\\('${name}'`));
  });
});

describe('the built dist/', () => {
  beforeAll(() => {
    buildDist();
  });

  it('holds every file the manifest points to', () => {
    const built = parser.parse(readFileSync('dist/manifest.xml', 'utf8')).OfficeApp as Node;
    const res = (built.VersionOverrides as Node).Resources as Node;
    const targets = [
      ...((res.Urls as Node).Url as Node[]).map((u) => u['@DefaultValue']),
      ...((res.Images as Node).Image as Node[]).map((i) => i['@DefaultValue']),
      (built.IconUrl as Node)['@DefaultValue'],
      (built.HighResolutionIconUrl as Node)['@DefaultValue'],
      (built.SupportUrl as Node)['@DefaultValue'],
      ((built.DefaultSettings as Node).SourceLocation as Node)['@DefaultValue'],
    ] as string[];
    for (const target of targets) {
      const file = target.replace(/^https:\/\/localhost:3000\//, '');
      assert.ok(existsSync(join('dist', file)), `${target} → dist/${file}`);
    }
    assert.ok(url('Functions.Metadata.Url'));
  });

  it('the pane page states a Content-Security-Policy: own origin only, plus Office.js from Microsoft', () => {
    const html = readFileSync('dist/taskpane.html', 'utf8');
    const csp = /Content-Security-Policy content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    assert.match(csp, /connect-src 'self'/);
    const scripts = [...html.matchAll(/<script src=([^ >]+)/g)].map((m) => m[1].replace(/"/g, ''));
    assert.deepEqual(
      scripts.filter((s) => /^https?:/.test(s)),
      ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js'],
    );
    // The guard first: in an engine that cannot run the pane (IE11, where Office has no WebView2) it says so in Chinese.
    assert.equal(scripts[0], 'legacy-guard.js');
    assert.ok(existsSync('dist/legacy-guard.js'));
  });
});

describe('npm run build:intranet', () => {
  const out = join('test', 'artifacts', 'intranet');
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['node_modules/webpack-cli/bin/cli.js', '--no-stats', '--env', 'intranet', '--output-path', out], {
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, build.stderr);
  });

  it('serves Office.js from the add-in’s own origin: no address outside it, in the page or its policy', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    assert.doesNotMatch(html, /https?:\/\//);
    assert.match(html, /<script src=office-js\/office\.js>/);
    assert.match(html, /script-src 'self';/);
    for (const file of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'custom-functions-runtime.js', 'zh-cn/office_strings.js']) {
      assert.ok(existsSync(join(out, 'office-js', file)), file);
    }
    assert.ok(!existsSync(join(out, 'office-js', 'office.debug.js')));
  });
});
