import { describe, it, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { XMLParser } from 'fast-xml-parser';
import { EXCEL_API, excelCapabilities } from '../../hosts/excel/excel-host';

const ADAPTER = 'hosts/excel/excel-host.ts';
const MANIFESTS = ['manifest.xml', 'manifest-legacy.xml'];
const version = (v: string) =>
  v
    .split('.')
    .map(Number)
    .reduce((a, n) => a * 1000 + n, 0);

/** The requirement sets a manifest declares (its Requirements), as "Name MinVersion". */
function declaredSets(file: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'Set' });
  const sets = (parser.parse(readFileSync(file, 'utf8')).OfficeApp.Requirements?.Sets?.Set ?? []) as Record<string, string>[];
  return sets.map((set) => `${set['@Name']} ${set['@MinVersion']}`);
}

/** The ExcelApi version each manifest declares, 1.1 when it names none. */
const declaredExcelApi = (file: string) =>
  declaredSets(file)
    .find((set) => set.startsWith('ExcelApi '))
    ?.split(' ')[1] ?? '1.1';

const tsOptions = () =>
  ts.parseJsonConfigFileContent(ts.readConfigFile('tsconfig.json', (file) => ts.sys.readFile(file)).config, ts.sys, '.').options;

/**
 * The common API's members (Office.*) the Excel pages use, with the requirement set Microsoft's reference gives each
 * ("none": in no set, there wherever add-ins run). The typings' comments list several hosts' sets at once, so this
 * table is kept by hand; a member missing from it fails the test below.
 */
const OFFICE_API: Record<string, string> = {
  'Office.onReady': 'none',
  'Office.context': 'none',
  'Context.requirements': 'none',
  'RequirementSetSupport.isSetSupported': 'none',
  'Context.document': 'none',
  'Document.settings': 'Settings',
  'Settings.get': 'Settings',
  'Settings.set': 'Settings',
  'Settings.remove': 'Settings',
  'Settings.saveAsync': 'Settings',
  'Office.AsyncResultStatus': 'none',
  'AsyncResultStatus.Succeeded': 'none',
  'AsyncResult.status': 'none',
  'AsyncResult.error': 'none',
  'Error.message': 'none',
  'Office.addin': 'SharedRuntime 1.1',
  'Addin.showAsTaskpane': 'SharedRuntime 1.1',
  'Office.actions': 'SharedRuntime 1.1',
  'Actions.associate': 'SharedRuntime 1.1',
  'AddinCommands.Event.completed': 'AddinCommands 1.1',
};

/** Every Office.* member a page's code touches (the entry and all it imports), as "Interface.member". */
function officeMembersUsed(entry: string): Set<string> {
  const program = ts.createProgram([entry], tsOptions());
  const checker = program.getTypeChecker();
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
      const path: string[] = [];
      for (let up = decl?.parent; up && !ts.isSourceFile(up); up = up.parent) {
        if (ts.isModuleDeclaration(up) || ts.isInterfaceDeclaration(up) || ts.isClassDeclaration(up) || ts.isEnumDeclaration(up))
          if (up.name) path.unshift(up.name.getText());
      }
      if (path[0] === 'Office') used.add([...(path.length > 1 ? path.slice(1) : path), node.name.text].join('.'));
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile && !file.fileName.includes('node_modules')) visit(file);
  return used;
}

/**
 * Every Excel.* member the adapter touches, found by the TypeScript checker (property accesses and calls) and in
 * the strings given to load(): "Class.member" → the ExcelApi set Office.js's typings give it.
 */
function membersUsed(): Map<string, string> {
  const program = ts.createProgram([ADAPTER], tsOptions());
  const checker = program.getTypeChecker();
  const used = new Map<string, string>();
  const apiSet = (decl: ts.Declaration) => /\[Api set: ExcelApi ([\d.]+)\]/.exec(decl.getFullText())?.[1];
  type ExcelDecl = ts.ClassDeclaration | ts.InterfaceDeclaration;
  /** The Excel classes (or interfaces, as WorksheetProtectionOptions) a value may be: a union gives each. */
  const excelClasses = (type: ts.Type): ExcelDecl[] => {
    if (type.isUnion()) return type.types.flatMap(excelClasses);
    const decl = type.getSymbol()?.declarations?.[0];
    const namespace = decl?.parent?.parent;
    // RequestContext is the batch itself (workbook, sync), there in every set.
    const ok =
      decl &&
      (ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) &&
      decl.name &&
      decl.name.text !== 'RequestContext' &&
      namespace &&
      ts.isModuleDeclaration(namespace) &&
      namespace.name.text === 'Excel';
    return ok ? [decl] : [];
  };
  const excelClass = (type: ts.Type) => excelClasses(type)[0];
  const memberOf = (cls: ExcelDecl, name: string) => {
    const member = cls.members.find((m) => m.name?.getText() === name);
    assert.ok(member, `Excel.${cls.name!.text}.${name} is not in the typings`);
    // A collection's items come with the collection: its class's set.
    used.set(`${cls.name!.text}.${name}`, apiSet(member) ?? apiSet(cls) ?? '?');
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const classes = excelClasses(checker.getTypeAtLocation(node.expression));
      const cls = classes[0];
      const name = node.name.text;
      if (cls && name === 'load' && ts.isCallExpression(node.parent) && ts.isStringLiteral(node.parent.arguments[0])) {
        for (const prop of node.parent.arguments[0].text.split(',').map((p) => p.trim())) {
          if (prop === 'isNullObject') continue;
          const [head, item] = prop.split('/');
          if (item) {
            memberOf(cls, head);
            // "items/name": a member of the collection's item class.
            const items = checker.getTypeOfSymbolAtLocation(checker.getTypeAtLocation(node.expression).getProperty(head)!, node);
            const itemClass = excelClass(checker.getIndexTypeOfType(items, ts.IndexKind.Number)!);
            assert.ok(itemClass, prop);
            memberOf(itemClass, item);
          } else memberOf(cls, prop);
        }
      } else if (cls && !['load', 'context', 'isNullObject', 'toJSON'].includes(name)) for (const c of classes) memberOf(c, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(program.getSourceFile(ADAPTER)!);
  return used;
}

describe('requirement sets: every Office.js call the Excel pages make', () => {
  let used: Map<string, string>;
  beforeAll(() => {
    used = membersUsed();
  });

  it('is listed in EXCEL_API with the requirement set Office.js gives it, and nothing listed is unused', () => {
    assert.ok(used.size >= 30, `${used.size} members`);
    for (const [member, set] of used) assert.equal(EXCEL_API[member]?.set, set, member);
    assert.deepEqual(
      Object.keys(EXCEL_API).filter((m) => !used.has(m)),
      [],
    );
  });

  it('above what the manifests declare, is guarded by a run-time check that is off where the set is missing', () => {
    const declared = Math.min(...MANIFESTS.map((m) => version(declaredExcelApi(m))));
    for (const [member, { set, guard }] of Object.entries(EXCEL_API)) {
      if (version(set) <= declared) continue;
      assert.ok(guard, `${member} needs ExcelApi ${set} and is not guarded`);
      const without = excelCapabilities((name, v) => name === 'ExcelApi' && version(v) < version(set))[guard];
      const off = guard === 'annotations' ? (set === '1.18' ? without !== 'notes' : without === 'none') : without === false;
      assert.ok(off, `${member}: ${guard} is still on without ExcelApi ${set}`);
    }
  });

  it('the common API each page uses (Office.*) is in no set, in Settings (Office 2013+), or in a set its manifest declares', () => {
    const pages = { 'hosts/excel/taskpane.ts': 'manifest.xml', 'hosts/excel/legacy.ts': 'manifest-legacy.xml' };
    const usedBy = new Map<string, Set<string>>();
    for (const [entry, manifest] of Object.entries(pages)) {
      // Ribbon commands (AddinCommands) exist only where the manifest has VersionOverrides, and only there they run.
      const declared = [...declaredSets(manifest), ...(/<VersionOverrides/.test(readFileSync(manifest, 'utf8')) ? ['AddinCommands 1.1'] : [])];
      const used = officeMembersUsed(entry);
      usedBy.set(entry, used);
      assert.ok(used.has('Office.onReady'), entry);
      for (const member of used) {
        const set = OFFICE_API[member];
        assert.ok(set, `${entry}: Office member ${member} is not in OFFICE_API`);
        assert.ok(
          ['none', 'Settings'].includes(set) || declared.includes(set),
          `${entry}: ${member} needs ${set}, ${manifest} declares ${declared.join(', ')}`,
        );
      }
    }
    // The shared-runtime page does use what only manifest.xml declares (the check is not vacuous), the legacy one not.
    assert.ok(
      ['Addin.showAsTaskpane', 'Actions.associate', 'AddinCommands.Event.completed'].every((m) => usedBy.get('hosts/excel/taskpane.ts')!.has(m)),
    );
    assert.ok(['Settings.saveAsync', 'RequirementSetSupport.isSetSupported'].every((m) => usedBy.get('hosts/excel/legacy.ts')!.has(m)));
  });

  it('merged areas need ExcelApi 1.13 and notes 1.18: both checked at run time', () => {
    assert.deepEqual(EXCEL_API['Range.getMergedAreasOrNullObject'], { set: '1.13', guard: 'merges' });
    assert.deepEqual(EXCEL_API['NoteCollection.add'], { set: '1.18', guard: 'annotations' });
    assert.deepEqual(
      excelCapabilities((_, v) => version(v) <= version('1.14')),
      { annotations: 'comments', merges: true, protection: true, nullObjects: true, fillPattern: true },
    );
    assert.deepEqual(
      excelCapabilities((_, v) => v === '1.1'),
      { annotations: 'none', merges: false, protection: false, nullObjects: false, fillPattern: false },
    );
  });
});
