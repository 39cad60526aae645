// The offline web page: dist-web/绩效自评检查.html, one file with its scripts, styles and icon inlined, for Chromium
// 86+ (the kernel of the 360/奇安信 browsers). The worker's code rides in the page's script as a string and starts
// from a blob: URL, which works from file:// too. The CSP allows the page's own script (by hash) and that worker,
// and no request to any host.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const OUT = 'dist-web/绩效自评检查.html';

async function bundle(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    target: 'chrome86',
    format: 'iife',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

const [worker, page] = await Promise.all([bundle('web/worker.ts'), bundle('web/main.ts')]);
// Inside <script>, "</script" ends the element and "<!--" with "<script" changes how it is parsed: the page's code has
// neither, and the worker's (which holds XML and HTML markup) is a JSON string with every "<" escaped.
if (/<\/script|<!--|<script/i.test(page)) throw new Error('the page bundle holds markup that breaks inlining');
const script = `var WORKER_SOURCE=${JSON.stringify(worker).replace(/</g, '\\u003c')};\n${page}`;
const style = readFileSync('taskpane/taskpane.css', 'utf8') + readFileSync('web/page.css', 'utf8');
const icon = `data:image/png;base64,${readFileSync('assets/icon-32.png').toString('base64')}`;
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)}`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// Replaced by function so that "$" in the code is never read as a replacement pattern.
const html = readFileSync('web/index.html', 'utf8')
  .replace('__CSP__', () => csp)
  .replace('__ICON__', () => icon)
  // The whole element's text, so that what Prettier puts around a placeholder never changes the script's hash.
  .replace(/<style>[\s\S]*?__STYLE__[\s\S]*?<\/style>/, () => `<style>${style}</style>`)
  .replace(/<script>[\s\S]*?__SCRIPT__[\s\S]*?<\/script>/, () => `<script>${script}</script>`);
mkdirSync('dist-web', { recursive: true });
writeFileSync(OUT, html);
