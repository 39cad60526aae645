import { basename } from 'node:path';
import { checkWorkbook, type Finding } from '../src/index';
import { runRule } from './rule';
import { readWorkbookFile, WorkbookReadError } from './xlsx';

const USAGE = `用法：
  perf-check check <工作簿.xlsx> [--json]
      检查一个绩效自评工作簿，逐条列出问题及所在单元格。
  perf-check rule --text "<评分标准>" --value <数值> [--max <分值>] [--carry-over <上年结转>] [--json]
      按评分标准为一个数值计分，并给出扣分原因。数值可写 110%、1.1、出现次数、满足的项目如“①③”。
  perf-check --help
      显示本帮助。

退出码：0 没有错误；1 发现错误；2 文件或输入无法读取。`;

const SEVERITY_WORD: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

function formatForPeople(file: string, findings: Finding[]): string {
  const lines = findings.map((f) => `${f.sheet}!${f.cell}  ${SEVERITY_WORD[f.severity]}  ${f.message}  [${f.code}]`);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  lines.push(`${basename(file)}：共 ${findings.length} 条，错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条。`);
  return lines.join('\n');
}

async function check(file: string, json: boolean): Promise<number> {
  const started = performance.now();
  const workbook = await readWorkbookFile(file);
  const opened = performance.now();
  const result = checkWorkbook(workbook);
  const checked = performance.now();
  if (json) {
    const timings = { openMs: Math.round(opened - started), checkMs: Math.round(checked - opened) };
    process.stdout.write(JSON.stringify({ file, ...result, timings }, null, 2) + '\n');
  } else {
    process.stdout.write(formatForPeople(file, result.findings) + '\n');
  }
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** "--key value" options and bare arguments; every option this command knows takes a value except --json. */
function parseArgs(args: string[]): { options: Map<string, string>; positional: string[]; json: boolean } | string {
  const options = new Map<string, string>();
  const positional: string[] = [];
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) {
      if (i + 1 >= args.length) return `选项“${arg}”后面缺少取值。`;
      options.set(arg.slice(2), args[++i]);
    } else positional.push(arg);
  }
  return { options, positional, json };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const args = parseArgs(rest);
  if (typeof args === 'string') return fail(`${args}\n${USAGE}`);
  const known = command === 'check' ? [] : ['text', 'value', 'max', 'carry-over'];
  const unknown = [...args.options.keys()].filter((k) => !known.includes(k));
  if (command !== 'check' && command !== 'rule') return fail(`未知命令“${command}”。\n${USAGE}`);
  if (unknown.length) return fail(`未知选项“--${unknown.join(' --')}”。\n${USAGE}`);
  if (command === 'rule') {
    const text = args.options.get('text');
    if (!text) return fail(`请用 --text 给出评分标准。\n${USAGE}`);
    const result = runRule({
      text,
      value: args.options.get('value'),
      max: args.options.get('max'),
      carryOver: args.options.get('carry-over'),
      json: args.json,
    });
    if (result.stdout) process.stdout.write(result.stdout + '\n');
    return result.stderr ? fail(result.stderr) : result.code;
  }
  if (args.positional.length !== 1) return fail(`请给出一个要检查的 .xlsx 文件。\n${USAGE}`);
  try {
    return await check(args.positional[0], args.json);
  } catch (e) {
    if (e instanceof WorkbookReadError) return fail(e.message);
    return fail(`检查时发生内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`);
  }
}

function fail(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}
