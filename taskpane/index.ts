/* global Office */
import { ExcelHost } from './excel-host';
import { PaneSession } from './session';
import * as ui from './ui';

/**
 * The shared runtime's page: the task pane, the ribbon commands (ExecuteFunction) and, in functions.js beside it,
 * the PERF custom functions — one runtime, one core.
 */
let session: PaneSession;

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

const select = (cell: { sheet: string; cell: string }) => void session.host.select(cell).catch(() => undefined);

export const actions = {
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

/** A ribbon button: show the pane, do the work, tell Office the command is done. */
const command = (work: () => Promise<void>) => async (event: Office.AddinCommands.Event) => {
  await Office.addin.showAsTaskpane().catch(() => undefined);
  await work();
  event.completed();
};

Office.onReady(() => {
  const notes = Office.context.requirements.isSetSupported('ExcelApi', '1.18');
  session = new PaneSession(new ExcelHost({ notes }));
  document.getElementById('check')!.addEventListener('click', () => void actions.check());
  document.getElementById('fill')!.addEventListener('click', () => void actions.fill());
  document.getElementById('clear')!.addEventListener('click', () => void actions.clear());
  document.getElementById('undo')!.addEventListener('click', () => void actions.undo());
  Office.actions.associate('checkSheet', command(actions.check));
  Office.actions.associate('fillScores', command(actions.fill));
  Office.actions.associate('clearMarks', command(actions.clear));
  Office.actions.associate('undoLast', command(actions.undo));
  ui.setStatus('请点击“检查本表”。');
  void session.lastAction().then(ui.setLastAction, () => undefined);
});
