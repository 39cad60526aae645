import { strToU8 } from 'fflate';
import { codeNames, SEVERITIES, SEVERITY_LIST, summaryMessages as say, type FindingCode } from '../../src/index';
import type { BatchRow } from './check-one';
import { tableXlsx } from './xlsx-table';

/**
 * The reviewers' summary of a batch: 汇总.xlsx, 汇总.csv and a self-contained 汇总.html, worst workbooks first, as
 * bytes, so that the CLI writes them to a folder and the browser page puts them in its zip.
 */

const CODES = Object.keys(codeNames) as FindingCode[];

/** Unreadable files first (nothing in them could be checked), then by errors, then warnings. */
export function sortRows(rows: BatchRow[]): BatchRow[] {
  const rank = (r: BatchRow) => (r.status === 'unreadable' ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || b.errors - a.errors || b.warnings - a.warnings || a.file.localeCompare(b.file, 'zh-CN'));
}

/** A file's state in the summary: 无法读取, 有错误, 有警告 or 通过. */
export const rowState = (r: BatchRow): string =>
  r.status === 'unreadable' ? say.status.unreadable : r.errors ? say.status.errors : r.warnings ? say.status.warnings : say.status.passed;

/** Why a file could not be read, or its first problem. */
export const rowDetail = (r: BatchRow): string => (r.status === 'unreadable' ? (r.reason ?? '') : (r.firstProblem ?? say.noProblem()));

function table(rows: BatchRow[]): { header: string[]; body: (string | number)[][] } {
  const { columns } = say;
  const header = [
    columns.file,
    columns.department,
    columns.year,
    columns.status,
    columns.entered,
    columns.computed,
    ...SEVERITY_LIST.map((s) => SEVERITIES[s].word),
    ...CODES.map((c) => codeNames[c]),
    columns.firstProblem,
  ];
  const body = rows.map((r) => [
    r.file,
    r.department ?? '',
    r.year ?? '',
    rowState(r),
    r.totalEntered ?? '',
    r.totalComputed ?? '',
    r.errors,
    r.warnings,
    r.infos,
    ...CODES.map((c) => r.byCode[c] ?? 0),
    rowDetail(r),
  ]);
  return { header, body };
}

const csvField = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const html = (v: string | number) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlPage(rows: BatchRow[], header: string[], body: (string | number)[][], generatedAt: Date): string {
  const totals = CODES.map((c) => ({ code: c, n: rows.reduce((s, r) => s + (r.byCode[c] ?? 0), 0) })).filter((t) => t.n > 0);
  const max = Math.max(1, ...totals.map((t) => t.n));
  const bar = 22;
  const chart = totals.length
    ? `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="${totals.length * bar + 10}" role="img" aria-label="${say.chart()}">` +
      totals
        .map((t, i) => {
          const w = Math.round((t.n / max) * 440);
          return (
            `<text x="0" y="${i * bar + 16}" font-size="13">${html(codeNames[t.code])}</text>` +
            `<rect x="170" y="${i * bar + 4}" width="${w}" height="15" fill="#1f5ea8"/>` +
            `<text x="${176 + w}" y="${i * bar + 16}" font-size="13">${t.n}</text>`
          );
        })
        .join('') +
      '</svg>'
    : `<p>${say.noProblems()}</p>`;
  const checked = rows.filter((r) => r.status === 'checked');
  const stats = say.stats(rows.length, checked.length, checked.filter((r) => r.errors).length);
  const rowClass = (r: BatchRow) => (r.status === 'unreadable' ? 'bad' : r.errors ? 'error' : r.warnings ? 'warning' : 'ok');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${say.title()}</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#1f2328}
h1{font-size:20px;color:#1f5ea8}table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}tr.bad td{background:#ffd7d7}tr.error td:nth-child(7){background:#ffc7ce}tr.warning td:nth-child(8){background:#ffeb9c}
td.n{text-align:right}
</style></head><body>
<h1>${say.title()}</h1><p>${html(stats + say.generated(generatedAt.toLocaleString('zh-CN')))}</p>
<h2>${say.chart()}</h2>${chart}
<h2>${say.byFile()}</h2>
<table><thead><tr>${header.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead><tbody>
${body.map((cells, i) => `<tr class="${rowClass(rows[i])}">${cells.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${html(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table></body></html>
`;
}

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export function summaryFiles(rows: BatchRow[], generatedAt: Date): OutputFile[] {
  const sorted = sortRows(rows);
  const { header, body } = table(sorted);
  const widths = header.map((_, i) => (i === 0 ? 36 : i === header.length - 1 ? 80 : i === 1 ? 28 : 10));
  const name = say.name();
  return [
    { name: `${name}.xlsx`, bytes: tableXlsx(name, header, body, widths) },
    { name: `${name}.csv`, bytes: strToU8('\uFEFF' + [header, ...body].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n') },
    { name: `${name}.html`, bytes: strToU8(htmlPage(sorted, header, body, generatedAt)) },
  ];
}
