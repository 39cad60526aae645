import type { CellAddress, SpreadsheetHost } from './host';
import { PaneSession } from './session';
import * as ui from './ui';

/** The pane's four actions, wired to its buttons; the same in Excel and in WPS, only the host differs. */
export type PaneActions = Record<'check' | 'fill' | 'clear' | 'undo', () => Promise<void>>;

/** Runs one piece of work at a time: what is asked for meanwhile is refused (and `refused` says so). */
export function oneAtATime(refused: () => void) {
  let running = false;
  return {
    async run(work: () => Promise<void>): Promise<void> {
      if (running) return refused();
      running = true;
      try {
        await work();
      } finally {
        running = false;
      }
    },
  };
}

/**
 * Wires the pane's buttons. Buttons and ribbon commands share one queue of one: while an action runs, another is
 * refused with a message (the buttons are disabled too), so that two actions never write the workbook at once.
 */
export function startPane(host: SpreadsheetHost): PaneActions {
  const session = new PaneSession(host);
  const select = (cell: CellAddress) => void host.select(cell).catch(() => undefined);
  const queue = oneAtATime(() => ui.setNotice(ui.BUSY_REFUSED));

  const guarded = (work: () => Promise<void>) =>
    queue.run(async () => {
      ui.setBusy(true);
      try {
        await work();
      } catch (e) {
        ui.setStatus(ui.failureSummary(e), true);
      } finally {
        ui.setBusy(false);
        ui.setLastAction(await session.lastAction().catch(() => undefined));
      }
    });

  const actions: PaneActions = {
    check: () =>
      guarded(async () => {
        ui.setStatus(ui.STATUS.checking);
        const outcome = await session.check();
        ui.renderFindings(outcome.result.findings, select);
        ui.setStatus(ui.checkSummary(outcome));
      }),
    fill: () =>
      guarded(async () => {
        ui.setStatus(ui.STATUS.filling);
        const { text, isError } = ui.fillSummary(await session.fill(ui.confirmOverwrite));
        ui.setStatus(text, isError);
      }),
    clear: () =>
      guarded(async () => {
        const n = await session.clearMarks();
        ui.renderFindings([], select);
        ui.setStatus(ui.clearSummary(n));
      }),
    undo: () =>
      guarded(async () => {
        const outcome = await session.undo();
        if (outcome.action === 'mark') ui.renderFindings([], select);
        ui.setStatus(ui.undoSummary(outcome));
      }),
  };
  for (const [id, action] of Object.entries(actions)) document.getElementById(id)!.addEventListener('click', () => void action());
  ui.setStatus(ui.STATUS.ready);
  void session.lastAction().then(ui.setLastAction, () => undefined);
  return actions;
}
