/** A ribbon command handed from WPS's start-up page to the task pane through the add-in's shared storage. */
export const COMMAND_KEY = 'perfCheck.command';

export interface PaneCommand {
  action: 'check' | 'fill' | 'clear' | 'undo';
  /** When it was given: each command is run once. */
  at: number;
}
