/** A ribbon command handed from WPS's start-up page to the task pane through the add-in's shared storage. */
export const COMMAND_KEY = 'perfCheck.command';
/** The id of the last command the pane took: each command is run once, however late the pane comes to read it. */
export const COMMAND_DONE_KEY = 'perfCheck.command.done';

export interface PaneCommand {
  action: 'check' | 'fill' | 'clear' | 'undo';
  id: string;
}

export interface SharedStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

/** The command waiting for the pane, if any; taking it marks it done. */
export function takeCommand(storage: SharedStorage): PaneCommand | undefined {
  const raw = storage.getItem(COMMAND_KEY);
  if (typeof raw !== 'string') return undefined;
  const command = JSON.parse(raw) as PaneCommand;
  if (storage.getItem(COMMAND_DONE_KEY) === command.id) return undefined;
  storage.setItem(COMMAND_DONE_KEY, command.id);
  return command;
}

export function giveCommand(storage: SharedStorage, action: PaneCommand['action'], id: string): void {
  storage.setItem(COMMAND_KEY, JSON.stringify({ action, id } satisfies PaneCommand));
}
