import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SOURCES = ['src', 'functions', 'taskpane', 'wps', 'assets', 'manifest.xml', 'webpack.config.js'];

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs a webpack build unless its output is newer than every source (as right after `npm run build`). Spec files
 * run in parallel: a lock file makes one of them build while the others wait for it.
 */
function buildOnce(marker: string, args: string[]): void {
  // Outside the output folder, which webpack empties while it builds.
  const lock = join(tmpdir(), `perf-build-${createHash('sha1').update(resolve(marker)).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
    if (built > Math.max(...SOURCES.filter(existsSync).map(newest))) return;
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      sleep(200);
      continue;
    }
    try {
      const run = spawnSync(process.execPath, ['node_modules/webpack-cli/bin/cli.js', '--no-stats', ...args], { encoding: 'utf8' });
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
  buildOnce('dist/taskpane.html', []);
}

/** dist-wps/: the WPS add-in. */
export function buildWps(): string {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
  buildOnce(join('dist-wps', `perfcheck_${version}`, 'taskpane.html'), ['--env', 'wps']);
  return join('dist-wps', `perfcheck_${version}`);
}
