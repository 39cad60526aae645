import { startPane } from '../../taskpane/pane';
import { application, pluginStorage } from './app';
import { WpsHost } from './wps-host';
import { takeCommand } from './command';

/**
 * The task pane in WPS: the same pane as in Excel over the WPS host. A ribbon command is left in the add-in's
 * shared storage by the start-up page; the pane takes it once — the command that opened the pane included, however
 * long the pane took to load — and runs it like a click on its button (refused with a message while another runs).
 */
const pane = startPane(new WpsHost(application(), window.localStorage));
const poll = () => {
  const command = takeCommand(pluginStorage());
  if (command) void pane[command.action]();
};
poll();
setInterval(poll, 300);
