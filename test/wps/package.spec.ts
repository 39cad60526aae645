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
  id: string;
  jsName: string;
  description: string;
  parameters: { name: string; description: string; type: string; optional: boolean }[];
}

describe('npm run build:wps', () => {
  beforeAll(() => {
    buildDist();
    buildWps();
  });

  it('makes the add-in folder WPS expects: ribbon.xml, the start-up page, the pane, manifest and functions.json', () => {
    for (const file of ['ribbon.xml', 'index.html', 'main.js', 'taskpane.html', 'taskpane.js', 'taskpane.css', 'manifest.xml', 'functions.json', 'assets/icon-32.png']) {
      assert.ok(existsSync(join(FOLDER, file)), file);
    }
    const manifest = parser.parse(readFileSync(join(FOLDER, 'manifest.xml'), 'utf8')).JsPlugin;
    assert.equal(manifest.Functions.Namespace, 'PERF');
    assert.ok(existsSync(join(FOLDER, manifest.Functions.Uri)));
    const html = readFileSync(join(FOLDER, 'taskpane.html'), 'utf8');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing fetched from the internet');
  });

  it('publish.xml (offline, jsaddons folder) and jsplugins.xml (intranet server) are well-formed and point at the package', () => {
    for (const file of ['publish.xml', 'jsplugins.xml']) assert.equal(XMLValidator.validate(readFileSync(join('dist-wps', file), 'utf8')), true, file);
    const offline = parser.parse(readFileSync('dist-wps/publish.xml', 'utf8')).jsplugins.jsplugin;
    assert.deepEqual([offline['@name'], offline['@type'], offline['@url'], offline['@version']], ['perfcheck', 'et', `perfcheck_${version}`, version]);
    assert.ok(existsSync(join('dist-wps', offline['@url'], 'ribbon.xml')));
    const online = parser.parse(readFileSync('dist-wps/jsplugins.xml', 'utf8')).jsplugins.jspluginonline;
    assert.equal(online['@type'], 'et');
  });

  it('functions.json lists every PERF function with its parameters and Chinese descriptions, as Excel’s does', () => {
    const wps = JSON.parse(readFileSync(join(FOLDER, 'functions.json'), 'utf8')) as { namespace: string; functions: WpsFunction[] };
    const office = JSON.parse(readFileSync('dist/functions.json', 'utf8')) as { functions: { id: string; parameters: { name: string }[] }[] };
    assert.equal(wps.namespace, 'PERF');
    assert.deepEqual(
      wps.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]),
      office.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]),
    );
    for (const f of wps.functions) {
      assert.match(f.description, /[\u4e00-\u9fff]/, f.id);
      for (const p of f.parameters) assert.match(p.description, /[\u4e00-\u9fff]/, `${f.id}.${p.name}`);
    }
    assert.deepEqual(wps.functions.find((f) => f.id === 'RUBRIC_SCORE')?.parameters.map((p) => p.optional), [false, false, true]);
  });

  it('the start-up page defines every callback ribbon.xml names, and registers the PERF functions with WPS', () => {
    const ribbon = readFileSync(join(FOLDER, 'ribbon.xml'), 'utf8');
    const callbacks = [...new Set([...ribbon.matchAll(/(?:onLoad|onAction|getImage)="(\w+)"/g)].map((m) => m[1]))];
    assert.deepEqual(callbacks.sort(), ['GetImage', 'OnAction', 'OnAddinLoad']);
    const registered: string[] = [];
    const storage = new Map<string, unknown>();
    const panes: string[] = [];
    const context: Record<string, unknown> = {
      location: { href: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/perfcheck_0.1.0/index.html' },
      URL,
      wps: {
        AddCustomFunction: (namespace: string, name: string) => registered.push(`${namespace}.${name}`),
        PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
        EtApplication: () => ({
          CreateTaskPane: (url: string) => (panes.push(url), { ID: 'pane-1', Visible: false }),
          GetTaskPane: () => ({ Visible: false }),
        }),
      },
    };
    context.globalThis = context;
    vm.runInNewContext(readFileSync(join(FOLDER, 'main.js'), 'utf8'), context);
    for (const name of callbacks) assert.equal(typeof context[name], 'function', name);
    assert.equal((context.OnAddinLoad as () => boolean)(), true);
    assert.equal(registered.length, 12);
    assert.ok(registered.includes('PERF.RUBRIC_SCORE'));
    const score = context.RUBRIC_SCORE as (rule: string, value: unknown) => number;
    assert.equal(score('以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。', 1.1), 0);
    (context.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnCheck' });
    assert.match(panes[0], /perfcheck_0\.1\.0\/taskpane\.html$/);
    assert.equal(JSON.parse(storage.get('perfCheck.command') as string).action, 'check');
    const image = (context.GetImage as (c: { Id: string }) => string)({ Id: 'btnCheck' });
    assert.ok(existsSync(join(FOLDER, image)), image);
  });
});
