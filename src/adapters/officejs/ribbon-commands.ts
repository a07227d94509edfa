// The ribbon's commands (commands.html loads them through src/commands/commands.ts). Every Sagsliste
// button opens the task pane (ShowTaskpane), so no ExecuteFunction handler is needed today; this registry
// associates any that are added with Office.
type CommandHandler = (event: Office.AddinCommands.Event) => void | Promise<void>;

/** Ribbon functions by the FunctionName the manifest gives them. */
export const commandHandlers: Record<string, CommandHandler> = {};

/** Wrap a handler so that Office is always told the command completed, also when it fails. */
function safe(name: string, handler: CommandHandler): (event: Office.AddinCommands.Event) => void {
  return (event) => {
    Promise.resolve()
      .then(() => handler(event))
      .catch((e: unknown) => console.error(`Sagsliste: kommandoen ${name} fejlede`, e))
      .finally(() => event.completed());
  };
}

/** Associate every handler with Office; older clients without Office.actions use the global function names. */
export function registerCommands(handlers: Record<string, CommandHandler>): void {
  for (const [name, handler] of Object.entries(handlers)) {
    const wrapped = safe(name, handler);
    if (typeof Office.actions?.associate === "function") Office.actions.associate(name, wrapped);
    else (globalThis as Record<string, unknown>)[name] = wrapped;
  }
}

/** Register the handlers once Office is ready (the function file's entry calls this). */
export function registerWhenReady(handlers: Record<string, CommandHandler>): void {
  void Office.onReady(() => registerCommands(handlers));
}
