import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import vm from 'node:vm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildDist, buildWps } from '../support/build';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const FOLDER = join('dist-wps', `perfcheck_${version}`);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

interface WpsFunction {
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string }[];
  result: { type: string };
}

describe('npm run build:wps', () => {
  beforeAll(() => {
    buildDist();
    buildWps();
  });

  it('makes the add-in folder WPS expects: ribbon.xml, the start-up page, the pane, manifest and functions.json', () => {
    for (const file of [
      'ribbon.xml',
      'index.html',
      'main.js',
      'taskpane.html',
      'taskpane.js',
      'taskpane.css',
      'manifest.xml',
      'functions.json',
      'assets/icon-32.png',
    ]) {
      assert.ok(existsSync(join(FOLDER, file)), file);
    }
    const manifest = parser.parse(readFileSync(join(FOLDER, 'manifest.xml'), 'utf8')).JsPlugin;
    assert.equal(manifest.Functions.Namespace, 'PERF');
    assert.ok(existsSync(join(FOLDER, manifest.Functions.Uri)));
    const html = readFileSync(join(FOLDER, 'taskpane.html'), 'utf8');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing fetched from the internet');
  });

  it('publish.xml (offline, jsaddons folder) and jsplugins.xml (intranet server) are well-formed and point at the package', () => {
    for (const file of ['publish.xml', 'jsplugins.xml'])
      assert.equal(XMLValidator.validate(readFileSync(join('dist-wps', file), 'utf8')), true, file);
    const offline = parser.parse(readFileSync('dist-wps/publish.xml', 'utf8')).jsplugins.jsplugin;
    assert.deepEqual(
      [offline['@name'], offline['@type'], offline['@url'], offline['@version']],
      ['perfcheck', 'et', `perfcheck_${version}`, version],
    );
    assert.ok(existsSync(join('dist-wps', offline['@url'], 'ribbon.xml')));
    const online = parser.parse(readFileSync('dist-wps/jsplugins.xml', 'utf8')).jsplugins.jspluginonline;
    assert.equal(online['@type'], 'et');
  });

  it('functions.json is in the format wpsjs’s functionsScanner writes: Excel’s names, "?" on optional types, nothing else', () => {
    const wps = JSON.parse(readFileSync(join(FOLDER, 'functions.json'), 'utf8')) as { functions: WpsFunction[] };
    const office = JSON.parse(readFileSync('dist/functions.json', 'utf8')) as { functions: { id: string; parameters: { name: string }[] }[] };
    assert.deepEqual(Object.keys(wps), ['functions']);
    assert.deepEqual(
      wps.functions.map((f) => [f.name, f.parameters.map((p) => p.name)]),
      office.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]),
    );
    for (const f of wps.functions) {
      assert.deepEqual(Object.keys(f), ['name', 'parameters', 'description', 'result'], f.name);
      assert.deepEqual(Object.keys(f.result), ['type']);
      assert.match(f.description, /[\u4e00-\u9fff]/, f.name);
      for (const p of f.parameters) {
        assert.deepEqual(Object.keys(p), ['name', 'description', 'type']);
        assert.match(p.description, /[\u4e00-\u9fff]/, `${f.name}.${p.name}`);
        assert.match(p.type, /^(any|number|string|bool)(\[\]\[\])?\??$/, `${f.name}.${p.name}`);
      }
    }
    assert.deepEqual(
      wps.functions.find((f) => f.name === 'RUBRIC_SCORE')?.parameters.map((p) => p.type),
      ['string', 'any', 'number?'],
    );
  });

  it('manifest.xml has the element names of wpsjs’s ET template', () => {
    const xml = readFileSync(join(FOLDER, 'manifest.xml'), 'utf8');
    const elements = [...new Set([...xml.matchAll(/<(\w+)>/g)].map((m) => m[1]))];
    assert.deepEqual(elements, ['JsPlugin', 'ApiVersion', 'Name', 'Description', 'Functions', 'Uri', 'Namespace']);
  });

  it('the start-up page defines every callback ribbon.xml names, and registers the PERF functions with WPS', () => {
    const ribbon = readFileSync(join(FOLDER, 'ribbon.xml'), 'utf8');
    const callbacks = [...new Set([...ribbon.matchAll(/(?:onLoad|onAction|getImage)="(\w+)"/g)].map((m) => m[1]))];
    assert.deepEqual(callbacks.sort(), ['GetImage', 'OnAction', 'OnAddinLoad']);
    const registered: string[] = [];
    const functions = new Map<string, (...args: unknown[]) => unknown>();
    const storage = new Map<string, unknown>();
    const panes: string[] = [];
    const context: Record<string, unknown> = {
      location: { href: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/perfcheck_0.1.0/index.html' },
      URL,
      wps: {
        AddCustomFunction: (namespace: string, name: string, fn: (...args: unknown[]) => unknown) => {
          registered.push(`${namespace}.${name}`);
          functions.set(`${namespace}.${name}`, fn);
        },
        PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
        EtApplication: () => ({
          CreateTaskPane: (url: string) => (panes.push(url), { ID: 'pane-1', Visible: false }),
          GetTaskPane: (id: string) => (id === 'pane-1' ? { Visible: false } : null),
        }),
      },
    };
    context.globalThis = context;
    vm.runInNewContext(readFileSync(join(FOLDER, 'main.js'), 'utf8'), context);
    for (const name of callbacks) assert.equal(typeof context[name], 'function', name);
    assert.equal((context.OnAddinLoad as () => boolean)(), true);
    assert.equal(registered.length, 12);
    assert.ok(registered.includes('PERF.RUBRIC_SCORE'));
    // As WPS calls it for =PERF.RUBRIC_SCORE(规则, 110%): the omitted 分值 comes as −2147352572.
    const score = functions.get('PERF.RUBRIC_SCORE')!;
    assert.equal(score('以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。', 1.04, -2147352572), 3);
    (context.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnCheck' });
    assert.match(panes[0], /perfcheck_0\.1\.0\/taskpane\.html$/);
    assert.equal(JSON.parse(storage.get('perfCheck.command') as string).action, 'check');
    (context.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnUndo' });
    assert.equal(panes.length, 1, 'the pane is created once, then shown');
    const image = (context.GetImage as (c: { Id: string }) => string)({ Id: 'btnCheck' });
    assert.ok(existsSync(join(FOLDER, image)), image);
  });

  it('a current WPS: task panes and the shared storage on window.Application, as wpsjs’s templates use them', () => {
    const storage = new Map<string, unknown>();
    const panes: string[] = [];
    const registered: string[] = [];
    const context: Record<string, unknown> = {
      location: { href: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/perfcheck_0.1.0/index.html' },
      URL,
      // `wps` holds only the functions API here: everything else must come from the application object.
      wps: { AddCustomFunction: (namespace: string, name: string) => registered.push(`${namespace}.${name}`) },
      Application: {
        CreateTaskPane: (url: string) => (panes.push(url), { ID: 'pane-7', Visible: false }),
        GetTaskPane: (id: string) => (id === 'pane-7' ? { Visible: false } : null),
        PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
      },
    };
    context.globalThis = context;
    vm.runInNewContext(readFileSync(join(FOLDER, 'main.js'), 'utf8'), context);
    (context.OnAddinLoad as () => boolean)();
    assert.equal(registered.length, 12);
    (context.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnFill' });
    (context.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnUndo' });
    assert.equal(panes.length, 1, 'created once, then found again by its id');
    assert.equal(storage.get('perfCheck.taskpane'), 'pane-7');
    assert.equal(JSON.parse(storage.get('perfCheck.command') as string).action, 'undo');
  });

  it('task panes: on `wps` where the application object has none (older WPS); a Chinese message where neither has', () => {
    const run = (wps: Record<string, unknown>) => {
      const alerts: string[] = [];
      const storage = new Map<string, unknown>();
      const context: Record<string, unknown> = {
        location: { href: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/perfcheck_0.1.0/index.html' },
        URL,
        alert: (text: string) => alerts.push(text),
        wps: {
          PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
          EtApplication: () => ({}),
          ...wps,
        },
      };
      context.globalThis = context;
      vm.runInNewContext(readFileSync(join(FOLDER, 'main.js'), 'utf8'), context);
      assert.equal((context.OnAddinLoad as () => boolean)(), true, 'no custom functions in this WPS: the add-in still loads');
      (context.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnCheck' });
      return { alerts, storage };
    };
    const panes: string[] = [];
    const older = run({ CreateTaskPane: (url: string) => (panes.push(url), { ID: 'p', Visible: false }), GetTaskPane: () => null });
    assert.deepEqual([panes.length, older.alerts.length], [1, 0]);
    const oldest = run({});
    assert.deepEqual(oldest.alerts, ['此版本的 WPS 不支持加载项任务窗格，请升级到 WPS 表格 12.1 或更高版本。']);
  });
});
