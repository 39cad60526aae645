/* global Office */
import { ExcelHost, excelCapabilities } from './excel-host';
import { startPane, type PaneActions } from '../../taskpane/pane';

/**
 * Excel's shared runtime page: the task pane, the ribbon commands (ExecuteFunction) and, in functions.js beside it,
 * the PERF custom functions — one runtime, one core.
 */

/** A ribbon button: show the pane, do the work, tell Office the command is done. */
const command = (work: () => Promise<void>) => (event: Office.AddinCommands.Event) => {
  void Office.addin
    .showAsTaskpane()
    .catch(() => undefined)
    .then(work)
    .finally(() => event.completed());
};

void Office.onReady(() => {
  const actions: PaneActions = startPane(
    new ExcelHost(excelCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version))),
  );
  Office.actions.associate('checkSheet', command(actions.check));
  Office.actions.associate('fillScores', command(actions.fill));
  Office.actions.associate('clearMarks', command(actions.clear));
  Office.actions.associate('undoLast', command(actions.undo));
  // Tells legacy-guard.js the pane started: no message about an engine that cannot run it.
  (window as unknown as { perfCheckStarted: boolean }).perfCheckStarted = true;
});
