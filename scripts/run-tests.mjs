// Runs every test/**/*.spec.ts with Node's own test runner (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function specs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? specs(join(dir, e.name)) : e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
}

const files = specs('test').sort();
const only = process.argv.slice(2);
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...(only.length ? only : files)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
