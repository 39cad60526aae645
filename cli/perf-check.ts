import { basename } from 'node:path';
import { checkWorkbook, type Finding } from '../src/index';
import { readWorkbookFile, WorkbookReadError } from './xlsx';

const USAGE = `用法：
  perf-check check <工作簿.xlsx> [--json]   检查一个绩效自评工作簿
  perf-check --help                        显示本帮助

退出码：0 没有错误；1 发现错误；2 文件无法读取。`;

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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const files = rest.filter((a) => !a.startsWith('--'));
  const unknown = rest.filter((a) => a.startsWith('--') && a !== '--json');
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command !== 'check') return fail(`未知命令“${command}”。\n${USAGE}`);
  if (unknown.length) return fail(`未知选项“${unknown.join(' ')}”。\n${USAGE}`);
  if (files.length !== 1) return fail(`请给出一个要检查的 .xlsx 文件。\n${USAGE}`);
  try {
    return await check(files[0], json);
  } catch (e) {
    if (e instanceof WorkbookReadError) return fail(e.message);
    return fail(`检查时发生内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`);
  }
}

function fail(message: string): number {
  process.stderr.write(message.split('\n')[0] === message ? message + '\n' : message + '\n');
  return 2;
}
