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

/** The ExcelApi version each manifest declares (its Requirements), 1.1 when it names none. */
function declaredExcelApi(file: string): string {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'Set' });
  const sets = (parser.parse(readFileSync(file, 'utf8')).OfficeApp.Requirements?.Sets?.Set ?? []) as Record<string, string>[];
  return sets.find((s) => s['@Name'] === 'ExcelApi')?.['@MinVersion'] ?? '1.1';
}

/**
 * Every Excel.* member the adapter touches, found by the TypeScript checker (property accesses and calls) and in
 * the strings given to load(): "Class.member" → the ExcelApi set Office.js's typings give it.
 */
function membersUsed(): Map<string, string> {
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile('tsconfig.json', (file) => ts.sys.readFile(file)).config, ts.sys, '.');
  const program = ts.createProgram([ADAPTER], config.options);
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

describe('requirement sets: every Office.js call the Excel adapter makes', () => {
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
