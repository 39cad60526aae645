import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createChecker, type Finding } from '../src/index';
import { BatchInputError, runBatch } from './batch';
import { runRule } from './rule';
import { withDamage, WorkbookReadError } from '../hosts/files/index';
import { expandWildcards, readWorkbookFile } from './files';
import { version } from '../package.json';

const HELP = {
  check: `  perf-check check <工作簿> [更多工作簿…] [--json]
      检查一个或几个绩效自评工作簿（.xlsx、.xlsm、.xls、.et、.ods；可用通配符，如 收件/*.xls*），
      逐条列出问题及所在单元格。--json 输出机器可读的结果（几个文件时为数组）。`,
  batch: `  perf-check batch <收件文件夹> [--out <审核结果文件夹>] [--jobs <线程数>] [--force]
      检查文件夹（含子文件夹）中的全部工作簿：每个生成带标注的副本（相对路径不变，原件不动；
      .xls、.et、.ods 的副本转换为 .xlsx），并生成 汇总.xlsx、汇总.csv、汇总.html。
      不写 --out 时，结果放在收件文件夹旁的“<收件文件夹>_审核结果”中。
      非电子表格文件（.txt、.docx、.pdf、Office 临时锁定文件）列为跳过。
      再次运行时只检查有变化的工作簿；--force 全部重做。`,
  rule: `  perf-check rule --text "<评分标准>" --value <数值> [--max <分值>] [--carry-over <上年结转>] [--json]
      按评分标准为一个数值计分，并给出扣分原因。数值可写 110%、1.1、出现次数、满足的项目如“①③”。`,
};

const EXIT_CODES = '退出码：0 没有错误；1 发现错误（批量检查时也包括无法读取的文件）；2 文件、文件夹或输入无法读取；130 被中断。';

const USAGE = `用法：
${HELP.check}
${HELP.batch}
${HELP.rule}
  perf-check --help | perf-check <命令> --help
      显示帮助。
  perf-check --version
      显示版本。

${EXIT_CODES}`;

const commandHelp = (command: keyof typeof HELP) => `用法：\n${HELP[command]}\n\n${EXIT_CODES}`;

const SEVERITY_WORD: Record<Finding['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

function formatForPeople(file: string, findings: Finding[]): string {
  const lines = findings.map((f) => `${f.sheet}!${f.cell}  ${SEVERITY_WORD[f.severity]}  ${f.message}  [${f.code}]`);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  lines.push(`${basename(file)}：共 ${findings.length} 条，错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条。`);
  return lines.join('\n');
}

const checker = createChecker();

/** One file of `check`: its JSON object or its lines, and its exit status. */
async function checkOne(file: string, json: boolean, several: boolean): Promise<{ code: number; json: object; text: string; error?: string }> {
  try {
    const started = performance.now();
    const workbook = await readWorkbookFile(file);
    const opened = performance.now();
    const result = withDamage(checker.check(workbook), workbook);
    const checked = performance.now();
    const timings = { openMs: Math.round(opened - started), checkMs: Math.round(checked - opened) };
    return {
      code: result.findings.some((f) => f.severity === 'error') ? 1 : 0,
      json: { file, ...result, timings },
      text: json ? '' : formatForPeople(file, result.findings),
    };
  } catch (e) {
    // Whatever failed, the reviewer reads one Chinese sentence: never a library's own words or a stack trace.
    const reason = e instanceof WorkbookReadError ? e.message : '检查这个文件时发生内部错误，未能完成。请把该文件反馈给开发者。';
    return { code: 2, json: { file, error: reason }, text: '', error: several ? `${basename(file)}：${reason}` : reason };
  }
}

/** perf-check check a.xlsx b.xls …: each file in turn; the worst exit status of them (2 if one cannot be read). */
async function check(paths: string[], json: boolean): Promise<number> {
  const outcomes = [];
  for (const file of paths) {
    const outcome = await checkOne(file, json, paths.length > 1);
    outcomes.push(outcome);
    if (outcome.error) process.stderr.write(outcome.error + '\n');
    if (!json && outcome.text) process.stdout.write(outcome.text + '\n' + (paths.length > 1 ? '\n' : ''));
  }
  if (json) process.stdout.write(JSON.stringify(paths.length === 1 ? outcomes[0].json : outcomes.map((o) => o.json), null, 2) + '\n');
  return Math.max(...outcomes.map((o) => o.code));
}

const FLAGS = ['json', 'force', 'help', 'version'];

/** "--key value" options, flags and bare arguments. */
function parseArgs(args: string[]): { options: Map<string, string>; positional: string[]; flags: Set<string> } | string {
  const options = new Map<string, string>();
  const positional: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h') flags.add('help');
    else if (arg.startsWith('--') && FLAGS.includes(arg.slice(2))) flags.add(arg.slice(2));
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
    const converted = result.rows.filter((r) => r.copy && r.copy !== r.file).length;
    const notSpreadsheets = result.notSpreadsheets;
    process.stdout.write(
      `共 ${result.rows.length} 个文件：本次检查 ${result.processed} 个，未变化跳过 ${result.skipped} 个；有错误 ${withErrors} 个，无法读取 ${unreadable} 个；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。\n` +
        (converted ? `其中 ${converted} 个旧格式文件（.xls、.et、.ods）的标注副本已转换为 .xlsx。\n` : '') +
        (notSpreadsheets.length
          ? `跳过 ${notSpreadsheets.length} 个不是电子表格的文件（未检查）：${notSpreadsheets.slice(0, 10).join('、')}${notSpreadsheets.length > 10 ? ' 等' : ''}\n`
          : '') +
        `汇总：${result.summary.join('、')}\n`,
    );
    return withErrors || unreadable ? 1 : 0;
  } catch (e) {
    if (e instanceof BatchInputError) return fail(e.message);
    throw e;
  }
}

const OPTIONS: Record<string, string[]> = { check: [], rule: ['text', 'value', 'max', 'carry-over'], batch: ['out', 'jobs'] };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`perf-check ${version}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const known = OPTIONS[command];
  if (!known) return fail(`未知命令“${command}”。\n${USAGE}`);
  const args = parseArgs(rest);
  if (typeof args === 'string') return fail(`${args}\n${commandHelp(command as keyof typeof HELP)}`);
  if (args.flags.has('help')) {
    process.stdout.write(commandHelp(command as keyof typeof HELP) + '\n');
    return 0;
  }
  const unknown = [...args.options.keys()].filter((k) => !known.includes(k));
  if (unknown.length) return fail(`未知选项“--${unknown.join(' --')}”。\n${commandHelp(command as keyof typeof HELP)}`);
  if (command === 'rule') {
    const text = args.options.get('text');
    if (!text) return fail(`请用 --text 给出评分标准。\n${commandHelp('rule')}`);
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
    if (args.positional.length !== 1) return fail(`请给出一个收件文件夹。\n${commandHelp('batch')}`);
    const [input] = args.positional;
    if (await isFile(input)) return fail(`“${input}”是一个文件，不是文件夹。batch 检查整个文件夹；检查单个文件请用：perf-check check "${input}"`);
    return batch(input, args.options, args.flags.has('force'));
  }
  if (!args.positional.length) return fail(`请给出要检查的工作簿文件。\n${commandHelp('check')}`);
  return check(await expandWildcards(args.positional), args.flags.has('json'));
}

const isFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);

function fail(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}
