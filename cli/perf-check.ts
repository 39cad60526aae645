import { basename } from 'node:path';
import { checkWorkbook, type Finding } from '../src/index';
import { BatchInputError, runBatch } from './batch';
import { runRule } from './rule';
import { WorkbookReadError } from '../hosts/files/index';
import { readWorkbookFile } from './files';

const USAGE = `用法：
  perf-check check <工作簿.xlsx> [--json]
      检查一个绩效自评工作簿，逐条列出问题及所在单元格。
  perf-check batch <收件文件夹> --out <审核结果文件夹> [--jobs <线程数>] [--force]
      检查文件夹中的全部工作簿：每个生成带标注的副本（相对路径不变，原件不动），并生成 汇总.xlsx、汇总.csv、汇总.html。
      再次运行时只检查有变化的工作簿；--force 全部重做。
  perf-check rule --text "<评分标准>" --value <数值> [--max <分值>] [--carry-over <上年结转>] [--json]
      按评分标准为一个数值计分，并给出扣分原因。数值可写 110%、1.1、出现次数、满足的项目如“①③”。
  perf-check --help
      显示本帮助。

退出码：0 没有错误；1 发现错误（批量检查时也包括无法读取的文件）；2 文件、文件夹或输入无法读取；130 被中断。`;

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

const FLAGS = ['json', 'force'];

/** "--key value" options, flags and bare arguments. */
function parseArgs(args: string[]): { options: Map<string, string>; positional: string[]; flags: Set<string> } | string {
  const options = new Map<string, string>();
  const positional: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--') && FLAGS.includes(arg.slice(2))) flags.add(arg.slice(2));
    else if (arg.startsWith('--')) {
      if (i + 1 >= args.length) return `选项“${arg}”后面缺少取值。`;
      options.set(arg.slice(2), args[++i]);
    } else positional.push(arg);
  }
  return { options, positional, flags };
}

async function batch(input: string, options: Map<string, string>, force: boolean): Promise<number> {
  const jobs = options.get('jobs');
  if (jobs !== undefined && !/^[1-9]\d*$/.test(jobs)) return fail(`--jobs 应是正整数，而不是“${jobs}”。`);
  const out = options.get('out') ?? `${input.replace(/[\\/]+$/, '')}_审核结果`;
  const started = Date.now();
  try {
    const result = await runBatch({ input, out, force, progress: process.stderr, ...(jobs ? { jobs: Number(jobs) } : {}) });
    if (result.interrupted) {
      process.stderr.write(`已中断：本次检查了 ${result.processed} 个工作簿，其余未处理，没有留下写了一半的文件。再次运行会接着检查。\n`);
      return 130;
    }
    const unreadable = result.rows.filter((r) => r.status === 'unreadable').length;
    const withErrors = result.rows.filter((r) => r.errors > 0).length;
    process.stdout.write(
      `共 ${result.rows.length} 个文件：本次检查 ${result.processed} 个，未变化跳过 ${result.skipped} 个；有错误 ${withErrors} 个，无法读取 ${unreadable} 个；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。\n` +
        `汇总：${result.summary.join('、')}\n`,
    );
    return withErrors || unreadable ? 1 : 0;
  } catch (e) {
    if (e instanceof BatchInputError) return fail(e.message);
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const args = parseArgs(rest);
  if (typeof args === 'string') return fail(`${args}\n${USAGE}`);
  const OPTIONS: Record<string, string[]> = { check: [], rule: ['text', 'value', 'max', 'carry-over'], batch: ['out', 'jobs'] };
  const known = OPTIONS[command];
  if (!known) return fail(`未知命令“${command}”。\n${USAGE}`);
  const unknown = [...args.options.keys()].filter((k) => !known.includes(k));
  if (unknown.length) return fail(`未知选项“--${unknown.join(' --')}”。\n${USAGE}`);
  if (command === 'rule') {
    const text = args.options.get('text');
    if (!text) return fail(`请用 --text 给出评分标准。\n${USAGE}`);
    const result = runRule({
      text,
      value: args.options.get('value'),
      max: args.options.get('max'),
      carryOver: args.options.get('carry-over'),
      json: args.flags.has('json'),
    });
    if (result.stdout) process.stdout.write(result.stdout + '\n');
    return result.stderr ? fail(result.stderr) : result.code;
  }
  if (command === 'batch') {
    if (args.positional.length !== 1) return fail(`请给出一个收件文件夹。\n${USAGE}`);
    return batch(args.positional[0], args.options, args.flags.has('force'));
  }
  if (args.positional.length !== 1) return fail(`请给出一个要检查的 .xlsx 文件。\n${USAGE}`);
  try {
    return await check(args.positional[0], args.flags.has('json'));
  } catch (e) {
    if (e instanceof WorkbookReadError) return fail(e.message);
    return fail(`检查时发生内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`);
  }
}

function fail(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}
