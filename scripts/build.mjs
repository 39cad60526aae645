// The perf-check CLI into lib/ (the add-ins are built by webpack into dist/ and dist-wps/). `npm ci` builds only this,
// through `prepare`; `npm run build` builds everything.
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
