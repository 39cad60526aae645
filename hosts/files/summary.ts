import { strToU8 } from 'fflate';
import { SEVERITIES, SEVERITY_LIST, type FindingCode } from '../../src/index';
import type { BatchRow } from './check-one';
import { tableXlsx } from './xlsx-table';

/**
 * The reviewers' summary of a batch: 汇总.xlsx, 汇总.csv and a self-contained 汇总.html, worst workbooks first, as
 * bytes, so that the CLI writes them to a folder and the browser page puts them in its zip.
 */

const CODE_NAME: Record<FindingCode, string> = {
  WEIGHT_MISMATCH: '分值不符',
  SCORE_OUT_OF_RANGE: '得分超出范围',
  SCORE_TOTAL_MISMATCH: '总分不符',
  SUMMARY_MISMATCH: '综合得分不符',
  GRADE_MISMATCH: '等次不符',
  MISSING_REASON: '缺扣分原因',
  SUM_MISMATCH: '合计不符',
  RULE_SCORE_DIFFERS: '得分与评分标准不符',
  TEXT_NUMBER: '文本型数字',
  NO_SCORE_TABLE: '未识别到评分表',
  MISSING_SCORE: '缺得分',
  EMPTY_INDICATOR: '指标未展开',
  FORMULA_NO_VALUE: '公式无结果',
  FILE_DAMAGED: '文件损坏',
};
const CODES = Object.keys(CODE_NAME) as FindingCode[];

/** Unreadable files first (nothing in them could be checked), then by errors, then warnings. */
export function sortRows(rows: BatchRow[]): BatchRow[] {
  const rank = (r: BatchRow) => (r.status === 'unreadable' ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || b.errors - a.errors || b.warnings - a.warnings || a.file.localeCompare(b.file, 'zh-CN'));
}

function table(rows: BatchRow[]): { header: string[]; body: (string | number)[][] } {
  const header = [
    '文件',
    '单位',
    '年度',
    '状态',
    '总分（填写）',
    '总分（复核）',
    ...SEVERITY_LIST.map((s) => SEVERITIES[s].word),
    ...CODES.map((c) => CODE_NAME[c]),
    '首个问题',
  ];
  const body = rows.map((r) => [
    r.file,
    r.department ?? '',
    r.year ?? '',
    r.status === 'unreadable' ? '无法读取' : r.errors ? '有错误' : r.warnings ? '有警告' : '通过',
    r.totalEntered ?? '',
    r.totalComputed ?? '',
    r.errors,
    r.warnings,
    r.infos,
    ...CODES.map((c) => r.byCode[c] ?? 0),
    r.status === 'unreadable' ? (r.reason ?? '') : (r.firstProblem ?? '未发现问题'),
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
    ? `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="${totals.length * bar + 10}" role="img" aria-label="各类问题数量">` +
      totals
        .map((t, i) => {
          const w = Math.round((t.n / max) * 440);
          return (
            `<text x="0" y="${i * bar + 16}" font-size="13">${html(CODE_NAME[t.code])}</text>` +
            `<rect x="170" y="${i * bar + 4}" width="${w}" height="15" fill="#1f5ea8"/>` +
            `<text x="${176 + w}" y="${i * bar + 16}" font-size="13">${t.n}</text>`
          );
        })
        .join('') +
      '</svg>'
    : '<p>没有发现问题。</p>';
  const checked = rows.filter((r) => r.status === 'checked');
  const stats = `共 ${rows.length} 个文件：已检查 ${checked.length} 个（有错误 ${checked.filter((r) => r.errors).length} 个），无法读取 ${rows.length - checked.length} 个。`;
  const rowClass = (r: BatchRow) => (r.status === 'unreadable' ? 'bad' : r.errors ? 'error' : r.warnings ? 'warning' : 'ok');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>绩效自评审核汇总</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#1f2328}
h1{font-size:20px;color:#1f5ea8}table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}tr.bad td{background:#ffd7d7}tr.error td:nth-child(7){background:#ffc7ce}tr.warning td:nth-child(8){background:#ffeb9c}
td.n{text-align:right}
</style></head><body>
<h1>绩效自评审核汇总</h1><p>${html(stats)}（生成于 ${html(generatedAt.toLocaleString('zh-CN'))}，本页不联网。）</p>
<h2>各类问题数量</h2>${chart}
<h2>逐个文件</h2>
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
  return [
    { name: '汇总.xlsx', bytes: tableXlsx('汇总', header, body, widths) },
    { name: '汇总.csv', bytes: strToU8('\uFEFF' + [header, ...body].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n') },
    { name: '汇总.html', bytes: strToU8(htmlPage(sorted, header, body, generatedAt)) },
  ];
}
