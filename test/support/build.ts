import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ADDIN_SOURCES = ['src', 'functions', 'taskpane', 'hosts', 'assets', 'manifest.xml', 'webpack.config.js'];
const CLI_SOURCES = ['src', 'cli', 'hosts/files', 'scripts/build.mjs'];

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs a build unless its output is newer than every source (as right after `npm run build`). Spec files run in
 * parallel: a lock file makes one of them build while the others wait, and none runs a half-written output.
 */
function buildOnce(marker: string, sources: string[], command: string[]): void {
  // Outside the output folder, which webpack empties while it builds.
  const lock = join(tmpdir(), `perf-build-${createHash('sha1').update(resolve(marker)).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
    if (built > Math.max(...sources.filter(existsSync).map(newest))) return;
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      sleep(200);
      continue;
    }
    try {
      const run = spawnSync(process.execPath, command, { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      return;
    } finally {
      closeSync(fd);
      if (existsSync(lock)) unlinkSync(lock);
    }
  }
}

/** dist/: the Excel add-in. */
export function buildDist(): void {
  buildOnce('dist/taskpane.html', ADDIN_SOURCES, ['node_modules/webpack-cli/bin/cli.js', '--no-stats']);
}

/** A CLI run over a folder of workbooks takes seconds; a hung one fails its spec instead of holding the run. */
const CLI_TIMEOUT_MS = 120_000;

/** Runs the built perf-check (buildCli first) with these arguments, as a user would. */
export function runCli(...args: string[]) {
  return spawnSync(process.execPath, [resolve('bin/perf-check.js'), ...args], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
}

/** lib/: the perf-check CLI the specs run as a user would. */
export function buildCli(): void {
  buildOnce('lib/perf-check.cjs', CLI_SOURCES, ['scripts/build.mjs']);
}

/** dist-wps/: the WPS add-in. */
export function buildWps(): string {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
  buildOnce(join('dist-wps', `perfcheck_${version}`, 'taskpane.html'), ADDIN_SOURCES, [
    'node_modules/webpack-cli/bin/cli.js',
    '--no-stats',
    '--env',
    'wps',
  ]);
  return join('dist-wps', `perfcheck_${version}`);
}

/** dist-web/: the offline web page. */
export function buildWeb(): string {
  buildOnce('dist-web/绩效自评检查.html', ['src', 'hosts/files', 'taskpane', 'web', 'assets', 'scripts/build-web.mjs'], ['scripts/build-web.mjs']);
  return resolve('dist-web/绩效自评检查.html');
}
