/* global wps */
import { startPane } from '../../taskpane/pane';
import { WpsHost } from './wps-host';
import { takeCommand } from './command';

/**
 * The task pane in WPS: the same pane as in Excel over the WPS host. A ribbon command is left in the add-in's
 * shared storage by the start-up page; the pane takes it when it is free — the command that opened the pane
 * included, however long the pane took to load.
 */
const pane = startPane(new WpsHost(wps.EtApplication(), window.localStorage));
const poll = () => {
  if (pane.busy) return;
  const command = takeCommand(wps.PluginStorage);
  if (command) void pane[command.action]();
};
poll();
setInterval(poll, 300);
