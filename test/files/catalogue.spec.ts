import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Every sentence a clerk reads comes from the catalogues (src/messages.ts, the pane's taskpane/ui.ts, web/texts.ts):
 * a Chinese string literal in the hosts or the CLI is a sentence that escaped them. Comments and regular expressions
 * are not sentences, and are not string literals to the TypeScript scanner either.
 */

const ROOT = join(__dirname, '..', '..');
// TypeScript sources only: hosts/excel/legacy-guard.js is ES3 that Office's oldest engines run before any bundle, so
// its two sentences cannot come from a module.
const SCANNED = ['cli', 'hosts/files', 'hosts/excel', 'hosts/wps', 'functions'];
const CJK = /[\u3400-\u9fff]/;
/** Names a program reads, not sentences: Excel's default Chinese font, and the Chinese name of the General format. */
const NAMES = ['等线', 'G/通用格式'];

/** A literal's text; a template's parts with its placeholders shown as ${…}. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => '${…}' + s.literal.text).join('');
  return undefined;
}

/** The Chinese string literals of one source text, with their lines. */
function chineseLiterals(source: string, fileName = 'source.ts'): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined && CJK.test(NAMES.reduce((t, name) => t.split(name).join(''), text))) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(?:ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

describe('one catalogue of words', () => {
  it('the scanner finds a sentence in strings and templates, never in comments or regular expressions', () => {
    const source = [
      '// 这是注释：不是句子',
      '/** 文档注释 */',
      'const pattern = /^(备注|说明)/;',
      'const font = \'<name val="等线"/>\';',
      "const a = '这不是 .xlsx 工作簿文件。';",
      'const b = `共 ${n} 个文件：已检查`;',
      'const c = `${x} 个${y}无法读取`;',
      "type Part = '压缩包' | 'zip';",
    ].join('\n');
    assert.deepEqual(chineseLiterals(source), [
      { line: 5, text: '这不是 .xlsx 工作簿文件。' },
      { line: 6, text: '共 ${…} 个文件：已检查' },
      { line: 7, text: '${…} 个${…}无法读取' },
      { line: 8, text: '压缩包' },
    ]);
  });

  it('the hosts, the CLI and the PERF functions take every Chinese sentence from the catalogues', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    assert.ok(files.length > 30, `scanned ${files.length} files`);
    const inline = files.flatMap((f) => chineseLiterals(readFileSync(f, 'utf8'), f).map(({ line, text }) => `${relative(ROOT, f)}:${line} ${text}`));
    assert.deepEqual(inline, []);
  });
});
