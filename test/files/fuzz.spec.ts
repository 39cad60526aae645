import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { buildCli } from '../support/build';
import { BYTE_KINDS, PART_KINDS, mutateBytes, mutatePackage } from './mutate';

/**
 * perf-check check over damaged workbooks made by test/files/mutate.ts from our fixtures: no hang, no crash, every
 * exit status 0/1/2, every sentence Chinese, the process's peak memory under the per-workbook limit.
 */

const BIN = resolve('bin/perf-check.js');
const FIXTURES = resolve('test/fixtures');
/** The memory a check may take (limits.ts keeps one workbook well below it); the process is held to it. */
const MEMORY_LIMIT_MB = 512;
const SEEDS_PER_PART_KIND = 8;
const SEEDS_PER_BYTE_KIND = 10;
const CHUNK = 60;
const REPORT_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxRSS "+process.resourceUsage().maxRSS+"\\n"))`;

interface Outcome {
  file: string;
  error?: string;
  findings?: { code: string; severity: string; message: string }[];
}

/** Chinese, without a library's English words or a stack trace (file names and our command names aside). */
function assertChinese(message: string, context: string) {
  assert.match(message, /[\u4e00-\u9fff]/, context);
  const words = message.replace(/“[^”]*”|"[^"]*"|perf-check [a-z]+/g, '');
  assert.doesNotMatch(words, /\bat .*:\d+:\d+|Error\b|undefined|[A-Za-z]{3,} [A-Za-z]{3,}/, `${context}: ${message}`);
}

function runChunk(files: string[]): { status: number | null; outcomes: Outcome[]; stderr: string; maxRssMb: number } {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${MEMORY_LIMIT_MB}`, '--import', REPORT_RSS, BIN, 'check', ...files, '--json'], {
    encoding: 'utf8',
    timeout: 240_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(r.signal, null, `no hang, no crash (${r.signal}): ${r.stderr.slice(-2000)}`);
  const rss = /maxRSS (\d+)/.exec(r.stderr);
  return { status: r.status, outcomes: JSON.parse(r.stdout), stderr: r.stderr.replace(/\nmaxRSS \d+\n$/, ''), maxRssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

describe('fuzz: damaged and hostile workbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perf-fuzz-'));
  const cases: string[] = [];

  beforeAll(() => {
    buildCli();
    const packages = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();
    const legacy = readdirSync(join(FIXTURES, 'legacy')).filter((f) => /\.(xls|ods)$/.test(f)).sort();
    let n = 0;
    const add = (name: string, bytes: Uint8Array) => {
      const path = join(dir, `${String(n++).padStart(3, '0')}-${name}`);
      writeFileSync(path, bytes);
      cases.push(path);
    };
    for (const kind of PART_KINDS) {
      for (let seed = 1; seed <= SEEDS_PER_PART_KIND; seed++) {
        const fixture = packages[(seed * 7 + kind.length) % packages.length];
        add(`${kind}-${seed}.xlsx`, mutatePackage(readFileSync(join(FIXTURES, fixture)), kind, seed));
      }
    }
    for (const kind of BYTE_KINDS) {
      for (let seed = 1; seed <= SEEDS_PER_BYTE_KIND; seed++) {
        add(`${kind}-${seed}.xlsx`, mutateBytes(readFileSync(join(FIXTURES, packages[seed % packages.length])), kind, seed));
        const old = legacy[seed % legacy.length];
        add(`${kind}-${seed}${old.slice(old.lastIndexOf('.'))}`, mutateBytes(readFileSync(join(FIXTURES, 'legacy', old)), kind, seed));
      }
    }
  });

  it('at least 200 cases: none hangs or crashes, each ends 0/1/2 in Chinese, memory stays under the limit', () => {
    assert.ok(cases.length >= 200, `${cases.length} cases`);
    const outcomes: Outcome[] = [];
    let peak = 0;
    for (let i = 0; i < cases.length; i += CHUNK) {
      const files = cases.slice(i, i + CHUNK);
      const chunk = runChunk(files);
      assert.ok([0, 1, 2].includes(chunk.status!), `exit ${chunk.status}: ${chunk.stderr.slice(-2000)}`);
      assert.equal(chunk.outcomes.length, files.length);
      // One Chinese line on stderr per refused file, nothing else (no library warnings).
      const refused = chunk.outcomes.filter((o) => o.error);
      const lines = chunk.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, refused.length, chunk.stderr);
      lines.forEach((line, k) => assert.equal(line, `${basename(refused[k].file)}：${refused[k].error}`));
      assert.equal(chunk.status, refused.length ? 2 : chunk.outcomes.some((o) => o.findings!.some((f) => f.severity === 'error')) ? 1 : 0);
      outcomes.push(...chunk.outcomes);
      peak = Math.max(peak, chunk.maxRssMb);
    }
    for (const o of outcomes) {
      if (o.error) assertChinese(o.error, o.file);
      else for (const f of o.findings!) assertChinese(f.message, `${o.file} ${f.code}`);
    }
    const refused = outcomes.filter((o) => o.error).length;
    const damaged = outcomes.filter((o) => o.findings?.some((f) => f.code === 'FILE_DAMAGED')).length;
    console.log(`fuzz: ${outcomes.length} cases, ${refused} refused (exit 2), ${damaged} read with a damage warning, ${outcomes.length - refused - damaged} read clean; peak memory ${peak.toFixed(0)} MB`);
    assert.ok(refused > 0 && damaged > 0, 'both kinds occur');
    assert.ok(peak < MEMORY_LIMIT_MB, `peak memory ${peak} MB`);
  });

  it('a damaged file is refused naming the broken part, or read with a warning that names it', () => {
    const named = (o: Outcome) => (o.error ?? o.findings!.find((f) => f.code === 'FILE_DAMAGED')?.message ?? '');
    const byCase = (prefix: string) => runChunk(cases.filter((c) => basename(c).slice(4).startsWith(prefix)).slice(0, 3)).outcomes.map(named);
    for (const m of byCase('wholeSheetMerge')) assert.match(m, /文件有损坏（工作表XML）：有合并区域大得异常/);
    for (const m of byCase('stringIndexOutOfRange')) assert.match(m, /共享字符串|工作表XML/);
    for (const m of byCase('duplicateRow')) assert.match(m, /重复出现，只读取了第一次/);
    for (const m of byCase('garbageSheet')) assert.match(m, /工作表XML/);
    for (const m of byCase('truncateFile')) assert.match(m, /压缩包|已损坏/);
  });
});
