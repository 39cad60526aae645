import { SEVERITIES, SEVERITY_LIST, countBySeverity, messages, type Finding } from '../src/index';
import type { CellAddress } from './host';
import { WriteFailed, type CheckOutcome, type FillOutcome, type Overwrite, type UndoOutcome } from './session';

/** The pane's words and its DOM, kept apart from the work: every text a clerk reads in the pane is here. */

const ACTION_NAME = { mark: '检查本表的标注', fill: '填写自评得分' } as const;
const where = (c: CellAddress) => `${c.sheet}!${c.cell}`;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

export function setStatus(text: string, isError = false): void {
  const status = document.getElementById('status')!;
  status.textContent = text;
  // Not classList.toggle(name, force), nor replaceChildren/append below: Internet Explorer 11 (Office 2016) lacks them.
  status.className = isError ? 'error' : '';
}

/** Said when an action is asked for while another runs. */
export const BUSY_REFUSED = '上一项操作还在进行，请等它完成后再点。';

/** A passing remark under the status line, which keeps the running action's status. */
export function setNotice(text: string): void {
  document.getElementById('notice')!.textContent = text;
}

export function setBusy(busy: boolean): void {
  if (!busy) setNotice('');
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('.actions button'))) b.disabled = busy;
}

export function checkSummary(outcome: CheckOutcome): string {
  const { findings } = outcome.result;
  if (findings.length === 1 && findings[0].code === 'NO_SCORE_TABLE') return '未识别到评分表：本工作簿中没有找到评分表、自评表或基础数据表。';
  const head = findings.length
    ? `共发现 ${findings.length} 个问题：${messages.severityTally(countBySeverity(findings), '个')}。`
    : '检查完毕，没有发现问题。';
  const total = outcome.result.totalScore !== undefined ? `评分表总分 ${outcome.result.totalScore} 分。` : '';
  const unmarked = outcome.unmarked.length
    ? `${outcome.unmarked.length} 个单元格未能标注（问题已列在下方）：${outcome.unmarked.map(where).join('、')}。`
    : '';
  const noNote = outcome.withoutNote.length
    ? `${outcome.withoutNote.length} 个单元格只标了底色、没有加批注（问题已列在下方）：${outcome.withoutNote.map(where).join('、')}。`
    : '';
  const unprotect = outcome.unprotect.length
    ? `要在这些单元格上标注，请先撤销工作表保护：${outcome.unprotect.map((s) => `“${s}”`).join('、')}。`
    : '';
  return head + total + unmarked + noNote + unprotect;
}

export function fillSummary(outcome: FillOutcome): { text: string; isError: boolean } {
  if (outcome.nothingToFill)
    return { text: '本工作簿中没有可以根据表内数据自动计算得分的指标（如在职人员控制率、固定资产利用率、资金结余）。', isError: false };
  if (outcome.locked) {
    const sheets = [...new Set(outcome.locked.map((c) => `“${c.sheet}”`))].join('、');
    return {
      text: `以下单元格受保护，无法填写，什么也没有改动：${outcome.locked.map(where).join('、')}。请先撤销工作表${sheets}的保护。`,
      isError: true,
    };
  }
  const kept = outcome.kept ? `按您的选择保留了 ${outcome.kept} 个已填写的单元格。` : '';
  return { text: outcome.written ? `已填写 ${outcome.written} 个单元格。${kept}可点“撤销”恢复。` : `没有需要填写的单元格。${kept}`, isError: false };
}

/** The status line while an action runs, and before the first. */
export const STATUS = { checking: '正在检查……', filling: '正在计算自评得分……', ready: '请点击“检查本表”。' } as const;

export function clearSummary(cleared: number): string {
  return cleared ? `已清除 ${cleared} 个单元格的标注。` : '没有本助手加上的标注。';
}

export function undoSummary(outcome: UndoOutcome): string {
  if (!outcome.action) return '没有可以撤销的操作。';
  const kept = outcome.keptByUser ? `其中 ${outcome.keptByUser} 个单元格您之后又改过，保留了您的修改。` : '';
  return `已撤销${ACTION_NAME[outcome.action]}，恢复了 ${outcome.restored} 个单元格。${kept}`;
}

/** What the clerk is told when an action fails: what happened to her workbook, truthfully. */
export function failureSummary(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  if (e instanceof WriteFailed) {
    return e.rolledBack
      ? `写入表格时出错（${why}），已把写入的单元格全部恢复原状，表格与操作前相同。`
      : `写入表格时出错（${why}），部分单元格已被改动、未能自动恢复。原来的内容已记下：请点“撤销”恢复。`;
  }
  return `操作没有完成（${why}）。可以重试；本助手改过的单元格都有记录，点“撤销”可恢复原状。`;
}

export function setLastAction(action: { action: 'mark' | 'fill'; at: string } | undefined): void {
  document.getElementById('last-action')!.textContent = action
    ? `上次操作：${ACTION_NAME[action.action]}（${new Date(action.at).toLocaleString('zh-CN')}），可撤销。`
    : '';
}

export function renderFindings(findings: Finding[], select: (cell: CellAddress) => void): void {
  const root = document.getElementById('findings')!;
  root.textContent = '';
  for (const severity of SEVERITY_LIST) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    const section = element('section', `group ${severity}`);
    section.appendChild(element('h2', undefined, `${SEVERITIES[severity].word}（${group.length}）`));
    for (const f of group) {
      const item = element('button', 'finding');
      item.type = 'button';
      item.dataset.cell = where(f);
      item.appendChild(element('span', 'where', where(f)));
      item.appendChild(element('span', 'message', f.message));
      item.addEventListener('click', () => select({ sheet: f.sheet, cell: f.cell }));
      section.appendChild(item);
    }
    root.appendChild(section);
  }
}

/** Asks, inside the pane (Office add-ins may not use window.confirm), before overwriting what the clerk typed. */
export function confirmOverwrite(cells: Overwrite[]): Promise<boolean> {
  const box = document.getElementById('confirm')!;
  document.getElementById('confirm-text')!.textContent = `以下 ${cells.length} 个单元格已有内容，与计算结果不同。要覆盖吗？`;
  const list = document.getElementById('confirm-list')!;
  list.textContent = '';
  for (const c of cells) list.appendChild(element('li', undefined, `${where(c)}：“${c.current}” → “${c.proposed}”`));
  box.hidden = false;
  return new Promise((resolve) => {
    const answer = (yes: boolean) => () => {
      box.hidden = true;
      resolve(yes);
    };
    document.getElementById('confirm-yes')!.onclick = answer(true);
    document.getElementById('confirm-no')!.onclick = answer(false);
  });
}
