/* global wps */
import * as functions from '../../functions/functions';
import { COMMAND_KEY, type PaneCommand } from './command';

/**
 * The page WPS loads at start-up: the ribbon's callbacks (named in ribbon.xml) and the PERF worksheet functions,
 * registered through WPS's own mechanism with the metadata generated from the same JSDoc as Excel's functions.json.
 */

// The functions throw CustomFunctions.Error for Excel; WPS shows the message of any Error thrown by a function.
(globalThis as Record<string, unknown>).CustomFunctions ??= {
  Error: class extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  },
  ErrorCode: { invalidValue: '#VALUE!' },
};

/** WPS's functions.json entries, generated at build from the functions' JSDoc (see webpack.config.js). */
declare const __PERF_FUNCTIONS__: { id: string; jsName: string }[];

const PANE_ID = 'perfCheck.taskpane';
const ACTIONS: Record<string, PaneCommand['action'] | undefined> = { btnCheck: 'check', btnFill: 'fill', btnClear: 'clear', btnUndo: 'undo', btnPane: undefined };

function showPane(): void {
  const app = wps.EtApplication();
  const id = wps.PluginStorage.getItem(PANE_ID) as string | undefined;
  const existing = id ? app.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = true;
    return;
  }
  const pane = app.CreateTaskPane(new URL('taskpane.html', location.href).href, '绩效自评助手');
  wps.PluginStorage.setItem(PANE_ID, pane.ID);
  pane.Visible = true;
}

const globals = globalThis as Record<string, unknown>;

globals.OnAddinLoad = () => {
  for (const f of __PERF_FUNCTIONS__) {
    const implementation = (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[f.jsName];
    globals[f.id] = implementation;
    wps.AddCustomFunction?.('PERF', f.id, implementation, f);
  }
  return true;
};

/** A ribbon button: show the pane and hand it the action (the pane is a page of its own). */
globals.OnAction = (control: { Id: string }) => {
  showPane();
  const action = ACTIONS[control.Id];
  if (action) wps.PluginStorage.setItem(COMMAND_KEY, JSON.stringify({ action, at: Date.now() } satisfies PaneCommand));
  return true;
};

globals.GetImage = () => 'assets/icon-32.png';
