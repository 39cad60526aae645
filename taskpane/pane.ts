import type { CellAddress, SpreadsheetHost } from './host';
import { PaneSession } from './session';
import * as ui from './ui';

/** The pane's four actions, wired to its buttons; the same in Excel and in WPS, only the host differs. */
export type PaneActions = Record<'check' | 'fill' | 'clear' | 'undo', () => Promise<void>>;

export function startPane(host: SpreadsheetHost): PaneActions {
  const session = new PaneSession(host);
  const select = (cell: CellAddress) => void host.select(cell).catch(() => undefined);

  async function guarded(work: () => Promise<void>): Promise<void> {
    ui.setBusy(true);
    try {
      await work();
    } catch (e) {
      ui.setStatus(`操作没有完成：${e instanceof Error ? e.message : String(e)}。表格内容未被改动一半：请重试，或点“撤销”。`, true);
    } finally {
      ui.setBusy(false);
      ui.setLastAction(await session.lastAction().catch(() => undefined));
    }
  }

  const actions: PaneActions = {
    check: () =>
      guarded(async () => {
        ui.setStatus('正在检查……');
        const outcome = await session.check();
        ui.renderFindings(outcome.result.findings, select);
        ui.setStatus(ui.checkSummary(outcome));
      }),
    fill: () =>
      guarded(async () => {
        ui.setStatus('正在计算自评得分……');
        const { text, isError } = ui.fillSummary(await session.fill(ui.confirmOverwrite));
        ui.setStatus(text, isError);
      }),
    clear: () =>
      guarded(async () => {
        const n = await session.clearMarks();
        ui.renderFindings([], select);
        ui.setStatus(n ? `已清除 ${n} 个单元格的标注。` : '没有本助手加上的标注。');
      }),
    undo: () =>
      guarded(async () => {
        const outcome = await session.undo();
        if (outcome.action === 'mark') ui.renderFindings([], select);
        ui.setStatus(ui.undoSummary(outcome));
      }),
  };
  for (const [id, action] of Object.entries(actions)) document.getElementById(id)!.addEventListener('click', () => void action());
  ui.setStatus('请点击“检查本表”。');
  void session.lastAction().then(ui.setLastAction, () => undefined);
  return actions;
}
