import type { TFunction } from 'i18next';
import type { CommandId } from '@shared/commands/ids';
import type { Command, CommandContext, CommandRegistry } from './types';

/** A registry over a list of commands. Ids are stable: the native menu sends them (`command.run`). */
export function createRegistry(commands: readonly Command[]): CommandRegistry {
  const byId = new Map<string, Command>(commands.map((c) => [c.id, c]));
  const byShortcut = new Map<string, CommandId>();
  for (const c of commands) for (const k of c.keys ?? []) if (!k.includes(' ')) byShortcut.set(k, c.id);
  return {
    all: commands,
    find: (id) => byId.get(id),
    forShortcut: (s) => byShortcut.get(s),
  };
}

export function isEnabled(cmd: Command, ctx: CommandContext): boolean {
  return cmd.enabled ? cmd.enabled(ctx) : true;
}

/** Runs a command by id if it exists and is enabled. Resolves false otherwise. */
export async function runCommand(id: CommandId, ctx: CommandContext): Promise<boolean> {
  const cmd = ctx.commands.find(id);
  if (!cmd || !isEnabled(cmd, ctx)) return false;
  // A recorded command closes the typing burst, so the next keystroke opens a new undo step.
  if (cmd.capture === 'record') ctx.store.getState().seal();
  await cmd.run(ctx);
  return true;
}

/** The label of a command in the current language (role names and article numbers filled in). */
export function commandLabel(cmd: Command, t: TFunction): string {
  const v: Record<string, string | number> = { ...(cmd.labelValues ?? {}) };
  if (typeof v.role === 'string') v.role = t(`role.${v.role}` as 'role.body');
  return t(cmd.labelKey as 'cmd.undo', v);
}
