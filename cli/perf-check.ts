import { basename } from 'node:path';
import { SEVERITIES, checkWorkbook, cliMessages as say, countBySeverity, messages, type Finding } from '../src/index';
import { BatchInputError, runBatch } from './batch';
import { runRule } from './rule';
import { WorkbookReadError } from '../hosts/files/index';
import { readWorkbookFile } from './files';

function formatForPeople(file: string, findings: Finding[]): string {
  const lines = findings.map((f) => `${f.sheet}!${f.cell}  ${SEVERITIES[f.severity].word}  ${f.message}  [${f.code}]`);
  lines.push(say.fileTally(basename(file), findings.length, messages.severityTally(countBySeverity(findings), '条')));
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
      if (i + 1 >= args.length) return say.optionWithoutValue(arg);
      options.set(arg.slice(2), args[++i]);
    } else positional.push(arg);
  }
  return { options, positional, flags };
}

async function batch(input: string, options: Map<string, string>, force: boolean): Promise<number> {
  const jobs = options.get('jobs');
  if (jobs !== undefined && !/^[1-9]\d*$/.test(jobs)) return fail(say.badJobs(jobs));
  const out = options.get('out') ?? say.defaultOut(input.replace(/[\\/]+$/, ''));
  const started = Date.now();
  try {
    const result = await runBatch({ input, out, force, progress: process.stderr, ...(jobs ? { jobs: Number(jobs) } : {}) });
    if (result.interrupted) {
      process.stderr.write(say.interrupted(result.processed) + '\n');
      return 130;
    }
    const unreadable = result.rows.filter((r) => r.status === 'unreadable').length;
    const withErrors = result.rows.filter((r) => r.errors > 0).length;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const done = { files: result.rows.length, processed: result.processed, skipped: result.skipped, withErrors, unreadable, seconds };
    process.stdout.write(`${say.batchDone(done)}\n${say.summaryFiles(result.summary)}\n`);
    return withErrors || unreadable ? 1 : 0;
  } catch (e) {
    if (e instanceof BatchInputError) return fail(e.message);
    throw e;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(say.usage() + '\n');
    return command ? 0 : 2;
  }
  const args = parseArgs(rest);
  if (typeof args === 'string') return usageError(args);
  const OPTIONS: Record<string, string[]> = { check: [], rule: ['text', 'value', 'max', 'carry-over'], batch: ['out', 'jobs'] };
  const known = OPTIONS[command];
  if (!known) return usageError(say.unknownCommand(command));
  const unknown = [...args.options.keys()].filter((k) => !known.includes(k));
  if (unknown.length) return usageError(say.unknownOptions(unknown));
  if (command === 'rule') {
    const text = args.options.get('text');
    if (!text) return usageError(say.noRuleText());
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
    if (args.positional.length !== 1) return usageError(say.noFolder());
    return batch(args.positional[0], args.options, args.flags.has('force'));
  }
  if (args.positional.length !== 1) return usageError(say.noFile());
  try {
    return await check(args.positional[0], args.flags.has('json'));
  } catch (e) {
    if (e instanceof WorkbookReadError) return fail(e.message);
    return fail(say.internalError(e instanceof Error ? e.message : String(e)));
  }
}

function fail(message: string): number {
  process.stderr.write(message + '\n');
  return 2;
}

const usageError = (message: string) => fail(`${message}\n${say.usage()}`);
