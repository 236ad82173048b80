/**
 * Ribbon commands. They run in the shared runtime (the task pane page loads this file), so an
 * ExecuteFunction action registered here can use the same state as the pane and the custom functions.
 * The ribbon currently has one button, which opens the task pane (ShowTaskpane: no code needed).
 */

/** Names of ExecuteFunction actions declared in manifest.xml, with their handlers. */
const COMMANDS: Record<string, (event: Office.AddinCommands.Event) => void> = {};

Office.onReady(() => {
  // Office.actions exists only in a shared runtime; the preview shim may omit it.
  const actions = (Office as { actions?: { associate(name: string, handler: (event: never) => void): void } }).actions;
  if (!actions) return;
  for (const [name, handler] of Object.entries(COMMANDS)) actions.associate(name, handler);
});
