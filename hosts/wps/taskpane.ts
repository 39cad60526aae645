/* global wps */
import { startPane } from '../../taskpane/pane';
import { WpsHost } from './wps-host';
import { COMMAND_KEY, type PaneCommand } from './command';

/** The task pane in WPS: the same pane as in Excel over the WPS host, taking the ribbon's commands as they come. */
const actions = startPane(new WpsHost(wps.EtApplication(), window.localStorage));
let last = Date.now() - 5000;
setInterval(() => {
  const raw = wps.PluginStorage.getItem(COMMAND_KEY);
  if (typeof raw !== 'string') return;
  const command = JSON.parse(raw) as PaneCommand;
  if (command.at <= last) return;
  last = command.at;
  void actions[command.action]();
}, 300);
