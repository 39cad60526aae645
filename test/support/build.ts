import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'functions', 'taskpane', 'assets', 'manifest.xml', 'webpack.config.js'];

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Builds dist/ with webpack unless it is newer than every source it is built from (as after `npm run build`). */
export function buildDist(): void {
  const built = existsSync('dist/taskpane.html') ? statSync('dist/taskpane.html').mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newest))) return;
  const run = spawnSync(process.execPath, ['node_modules/webpack-cli/bin/cli.js', '--no-stats'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}
