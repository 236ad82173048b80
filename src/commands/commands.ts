/**
 * Ribbon commands. They run in the shared runtime (the task pane page loads this file), so an
 * ExecuteFunction action registered here can use the same state as the pane and the custom functions.
 * The ribbon currently has one button, which opens the task pane (ShowTaskpane: no code needed).
 */

/** ExecuteFunction actions declared in manifest.xml, by action id. */
const COMMANDS: Record<string, (event: Office.AddinCommands.Event) => void> = {};

Office.onReady(() => {
  // Office.actions exists only in a shared runtime; the preview host's shim may leave it out.
  const actions: typeof Office.actions | undefined = Office.actions;
  if (!actions) return;
  for (const [id, handler] of Object.entries(COMMANDS)) actions.associate(id, handler);
});
