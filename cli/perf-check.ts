import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SEVERITIES, cliMessages as say, countBySeverity, createChecker, type CliCommand, type Finding } from '../src/index';
import { BatchInputError, batchLimits, runBatch } from './batch';
import { runRule } from './rule';
import { withDamage, WorkbookReadError } from '../hosts/files/index';
import { expandWildcards, fileSystemReason, readWorkbookFile } from './files';
import { version } from '../package.json';

function formatForPeople(file: string, findings: Finding[]): string {
  const lines = findings.map((f) => `${f.sheet}!${f.cell}  ${SEVERITIES[f.severity].word}  ${f.message}  [${f.code}]`);
  lines.push(say.fileTally(basename(file), countBySeverity(findings)));
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
    const reason = e instanceof WorkbookReadError ? e.message : say.internalError();
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
      if (i + 1 >= args.length) return say.optionWithoutValue(arg);
      options.set(arg.slice(2), args[++i]);
    } else positional.push(arg);
  }
  return { options, positional, flags };
}

async function batch(input: string, options: Map<string, string>, force: boolean): Promise<number> {
  const jobs = options.get('jobs');
  if (jobs !== undefined && !/^[1-9]\d*$/.test(jobs)) return fail(say.badJobs(jobs));
  const limits = batchLimits(process.env);
  if (typeof limits === 'string') return fail(limits);
  const out = options.get('out') ?? say.defaultOut(input.replace(/[\\/]+$/, ''));
  const started = Date.now();
  try {
    const result = await runBatch({ input, out, force, limits, progress: process.stderr, ...(jobs ? { jobs: Number(jobs) } : {}) });
    if (result.interrupted) {
      process.stderr.write(say.interrupted(result.processed) + '\n');
      return 130;
    }
    const unreadable = result.rows.filter((r) => r.status === 'unreadable').length;
    const withErrors = result.rows.filter((r) => r.errors > 0).length;
    const converted = result.rows.filter((r) => r.copy && r.copy !== r.file).length;
    const notSpreadsheets = result.notSpreadsheets;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [
      say.batchDone({ files: result.rows.length, processed: result.processed, skipped: result.skipped, withErrors, unreadable, seconds }),
      ...(converted ? [say.converted(converted)] : []),
      ...(notSpreadsheets.length ? [say.notSpreadsheets(notSpreadsheets)] : []),
      say.summaryFiles(result.summary),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return withErrors || unreadable ? 1 : 0;
  } catch (e) {
    if (e instanceof BatchInputError) return fail(e.message);
    return fail(fileSystemReason(e, typeof (e as { path?: unknown }).path === 'string' ? (e as { path: string }).path : out));
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
    process.stdout.write(say.usage() + '\n');
    return command ? 0 : 2;
  }
  const known = OPTIONS[command];
  if (!known) return fail(`${say.unknownCommand(command)}\n${say.usage()}`);
  const args = parseArgs(rest);
  if (typeof args === 'string') return usageError(args, command as CliCommand);
  if (args.flags.has('help')) {
    process.stdout.write(say.commandHelp(command as CliCommand) + '\n');
    return 0;
  }
  const unknown = [...args.options.keys()].filter((k) => !known.includes(k));
  if (unknown.length) return usageError(say.unknownOptions(unknown), command as CliCommand);
  if (command === 'rule') {
    const text = args.options.get('text');
    if (!text) return usageError(say.noRuleText(), 'rule');
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
    if (args.positional.length !== 1) return usageError(say.noFolder(), 'batch');
    const [input] = args.positional;
    if (await isFile(input)) return fail(say.fileNotFolder(input));
    return batch(input, args.options, args.flags.has('force'));
  }
  if (!args.positional.length) return usageError(say.noFiles(), 'check');
  return check(await expandWildcards(args.positional), args.flags.has('json'));
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

function fail(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}

const usageError = (message: string, command: CliCommand) => fail(`${message}\n${say.commandHelp(command)}`);
