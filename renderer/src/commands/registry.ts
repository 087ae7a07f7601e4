import type { TFunction } from 'i18next';
import type { Command, CommandContext } from './types';
import { editorialCommands } from '../features/board/editorial';
import { fileCommands } from '../features/persistence/file-commands';
import { navigationCommands } from '../features/selection/navigation';
import { viewCommands } from '../features/layout/view-commands';
import { overviewCommands } from '../features/overview/commands';
import { suggestCommands } from '../features/suggest/suggest-commands';
import { editorCommands } from '../features/export/editor-commands';
import { scanCommands } from '../features/scan-view/commands';

/** Every command of the app, in palette order. Ids are stable: the native menu sends them (`command.run`). */
export const COMMANDS: readonly Command[] = [...fileCommands, ...navigationCommands, ...editorialCommands, ...overviewCommands, ...suggestCommands, ...viewCommands, ...scanCommands, ...editorCommands];

const byId = new Map(COMMANDS.map((c) => [c.id, c]));

export function findCommand(id: string): Command | undefined {
  return byId.get(id);
}

export function isEnabled(cmd: Command, ctx: CommandContext): boolean {
  return cmd.enabled ? cmd.enabled(ctx) : true;
}

/** Runs a command by id if it exists and is enabled. Resolves false otherwise. */
export async function runCommand(id: string, ctx: CommandContext): Promise<boolean> {
  const cmd = byId.get(id);
  if (!cmd || !isEnabled(cmd, ctx)) return false;
  // Any command closes the typing burst, so the next keystroke opens a new undo step.
  if (cmd.id !== 'edit.undo' && cmd.id !== 'edit.redo') ctx.store.getState().seal();
  await cmd.run(ctx);
  return true;
}

/** The label of a command in the current language (role names and article numbers filled in). */
export function commandLabel(cmd: Command, t: TFunction): string {
  const v: Record<string, string | number> = { ...(cmd.labelValues ?? {}) };
  if (typeof v.role === 'string') v.role = t(`role.${v.role}` as 'role.body');
  return t(cmd.labelKey as 'cmd.undo', v);
}
