// The perf-check CLI into lib/ (the add-in itself is built by webpack into dist/). `npm ci` runs the whole build
// through `prepare`.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/main.ts'],
  outfile: 'lib/perf-check.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
