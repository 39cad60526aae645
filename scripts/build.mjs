// The whole build: the perf-check CLI into lib/, and the PERF custom functions into dist/ (functions.json generated
// from the JSDoc @customfunction comments by Microsoft's custom-functions-metadata, and the script that associates
// each id with its implementation, as Microsoft's webpack plugin does). `npm ci` runs it through `prepare`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

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

const FUNCTIONS = 'functions/functions.ts';
const metadata = await generateCustomFunctionsMetadata(FUNCTIONS);
if (metadata.errors.length) {
  console.error(`custom functions metadata errors:\n${metadata.errors.join('\n')}`);
  process.exit(1);
}
mkdirSync('dist', { recursive: true });
writeFileSync('dist/functions.json', metadata.metadataJson);
const associate = metadata.associate.map((a) => `CustomFunctions.associate(${JSON.stringify(a.id)}, PerfFunctions.${a.functionName});`).join('\n');
await build({
  entryPoints: [FUNCTIONS],
  outfile: 'dist/functions.js',
  bundle: true,
  platform: 'browser',
  target: 'es2019',
  format: 'iife',
  globalName: 'PerfFunctions',
  footer: { js: associate },
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
