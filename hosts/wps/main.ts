/* global wps */
import * as functions from '../../functions/functions';
import { hostMessages, PRODUCT_NAME } from '../../src/index';
import { application, pluginStorage } from './app';
import { giveCommand, type PaneCommand } from './command';
import { registerFunctions, type WorksheetFunction } from './custom-functions';

/**
 * The page WPS loads at start-up: the ribbon's callbacks (named in ribbon.xml) and the PERF worksheet functions,
 * registered with WPS under the names Excel's functions.json gives them.
 */

// The functions throw CustomFunctions.Error for Excel; WPS shows #VALUE! for any Error a function throws.
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

/** Each function's name in functions.json and its JavaScript implementation, from the JSDoc (webpack.config.js). */
declare const __PERF_FUNCTIONS__: { name: string; jsName: string }[];

const PANE_ID = 'perfCheck.taskpane';
const ACTIONS: Record<string, PaneCommand['action'] | undefined> = {
  btnCheck: 'check',
  btnFill: 'fill',
  btnClear: 'clear',
  btnUndo: 'undo',
  btnPane: undefined,
};

interface TaskPane {
  ID: string;
  Visible: boolean;
}
interface TaskPaneApi {
  CreateTaskPane?: (url: string, title?: string) => TaskPane;
  GetTaskPane?: (id: string) => TaskPane | null;
}

/** Task panes are on the application object in current WPS, on `wps` itself in older ones. */
function taskPaneApi(): TaskPaneApi {
  const app = application() as unknown as TaskPaneApi;
  return typeof app.CreateTaskPane === 'function' ? app : (wps as unknown as TaskPaneApi);
}

function showPane(): boolean {
  const api = taskPaneApi();
  if (typeof api.CreateTaskPane !== 'function') {
    alert(hostMessages.wpsWithoutTaskPane());
    return false;
  }
  const id = pluginStorage().getItem(PANE_ID) as string | undefined;
  const existing = id && typeof api.GetTaskPane === 'function' ? api.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = true;
    return true;
  }
  const pane = api.CreateTaskPane(new URL('taskpane.html', location.href).href, PRODUCT_NAME);
  pluginStorage().setItem(PANE_ID, pane.ID);
  pane.Visible = true;
  return true;
}

const globals = globalThis as Record<string, unknown>;
let commands = 0;

globals.OnAddinLoad = () => {
  const implementations: Record<string, WorksheetFunction> = {};
  for (const f of __PERF_FUNCTIONS__) implementations[f.name] = (functions as unknown as Record<string, WorksheetFunction>)[f.jsName];
  registerFunctions(wps, 'PERF', implementations);
  return true;
};

/** A ribbon button: show the pane and hand it the action (the pane is a page of its own, and runs one at a time). */
globals.OnAction = (control: { Id: string }) => {
  const action = ACTIONS[control.Id];
  if (action) giveCommand(pluginStorage(), action, `${Date.now()}-${++commands}`);
  showPane();
  return true;
};

globals.GetImage = () => 'assets/icon-32.png';
