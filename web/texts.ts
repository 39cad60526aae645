import type { BatchRow } from '../hosts/files/index';
import { SEVERITIES, SEVERITY_LIST, type ProposedScore } from '../src/index';

/** Every sentence the web page shows, beside the task pane's own (taskpane/ui.ts), which the page reuses. */

export const texts = {
  ready: '请把工作簿或文件夹拖到上方，或点“选择工作簿”“选择文件夹”。',
  worker: '本浏览器无法在后台检查（不支持 Web Worker）。请用新版 Edge、Chrome、Firefox 或 360/奇安信浏览器的极速模式打开本页。',
  crashed: '检查程序异常停止，未能完成（文件可能过大或结构异常）。请重新拖入；批量检查时可以分几次进行，或单独检查出问题的文件。',
  nothing: '没有找到可以检查的文件（隐藏文件不检查）。',
  checking: (name: string) => `正在检查“${name}”……`,
  unreadable: (name: string, reason: string) => `无法检查“${name}”：${reason}`,
  checked: (name: string) => `“${name}”：`,
  progress: (done: number, total: number, seconds: number) => {
    const rate = done / Math.max(seconds, 0.001);
    const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    return `已检查 ${done}/${total} 个，${rate.toFixed(1)} 个/秒，剩余约 ${left} 秒`;
  },
  batchStarted: (total: number) => `正在批量检查 ${total} 个文件……检查在本机后台进行，页面可以照常滚动查看。`,
  batchDone: (rows: BatchRow[], skipped: string[], seconds: number) => {
    const checked = rows.filter((r) => r.status === 'checked');
    const converted = checked.filter((r) => r.copy && r.copy !== r.file).length;
    return (
      `共 ${rows.length} 个文件：已检查 ${checked.length} 个（有错误 ${checked.filter((r) => r.errors).length} 个），无法读取 ${rows.length - checked.length} 个；用时 ${seconds.toFixed(1)} 秒。` +
      (converted ? `其中 ${converted} 个旧格式文件（.xls、.et、.ods）的标注副本已转换为 .xlsx。` : '') +
      (skipped.length
        ? `跳过 ${skipped.length} 个不是电子表格的文件（未检查）：${skipped.slice(0, 10).join('、')}${skipped.length > 10 ? ' 等' : ''}。`
        : '')
    );
  },
  batchHeader: ['文件', '单位', '状态', ...SEVERITY_LIST.map((s) => SEVERITIES[s].word), '首个问题或无法读取的原因'],
  proposalsHeader: ['单元格', '指标', '已填写得分', '计算得分', '计算的扣分原因', '依据'],
  proposalsSummary: (proposals: ProposedScore[], differing: number) =>
    `按表内数据可以计算 ${proposals.length} 项指标的自评得分，其中 ${differing} 项与已填写的不同（标黄）。点“下载已填写副本”可得到填好这些得分和扣分原因的工作簿（原文件不变；打开时 Excel/WPS 会重新计算总分）。`,
  noFilledCopy: (reason: string) => `无法生成已填写副本：${reason}`,
  annotatedName: (name: string) => name.replace(/(\.[^.]+)?$/, '（检查标注）.xlsx'),
  filledName: (name: string) => name.replace(/(\.[^.]+)?$/, '（已填写自评得分）.xlsx'),
  zipName: (folder: string | undefined) => (folder ? `${folder}_审核结果.zip` : '审核结果.zip'),
  sheetTab: (name: string, count: number) => (count ? `${name}（${count}）` : name),
  truncated: '（只显示前 1000 行、40 列）',
};
