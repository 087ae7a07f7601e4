import type { TFunction, i18n as I18n } from 'i18next';
import type { HostApi } from '@shared/ipc/contract';
import type { CommandId } from '@shared/commands/ids';
import type { AppStore } from '../store/create-store';
import type { Capture } from '../store/history';

/** What the editor exposes to commands (split at the caret, focus), registered while it is mounted. */
export interface EditorBridge {
  focus(): void;
  /** Caret offset in the edited fragment's text, or null when the editor has no caret. */
  caretOffset(): number | null;
  fragmentId(): string | null;
}

/** The app's commands, assembled once (app/commands.ts) and handed to every command through its context. */
export interface CommandRegistry {
  /** Every command, in palette order. */
  readonly all: readonly Command[];
  find(id: string): Command | undefined;
  /** The command bound to a shortcut string (`Ctrl+Shift+Z`), if any. */
  forShortcut(shortcut: string): CommandId | undefined;
}

export interface CommandContext {
  store: AppStore;
  /** The registry, so that a feature runs or lists commands without importing the features that define them. */
  commands: CommandRegistry;
  host: HostApi;
  t: TFunction;
  i18n: I18n;
  editor: { current: EditorBridge | null };
}

export type CommandGroup = 'file' | 'edit' | 'select' | 'fragment' | 'article' | 'view';

/**
 * An editorial action, used alike by toolbar buttons, keyboard shortcuts, the command palette and the native
 * menu (`command.run {id}` from the host). `run` may be async (host calls); `enabled` decides greying out.
 */
export interface Command {
  /** One of the app's command ids (shared/commands/ids.ts): a definition with an unknown id does not compile. */
  id: CommandId;
  /** i18n key of the label (palette, menus, tooltips). */
  labelKey: string;
  /** Interpolation values for the label (e.g. the article number). */
  labelValues?: Record<string, string | number>;
  group: CommandGroup;
  /**
   * How running it enters the undo history: `record` closes the open step first (what the command changes is a
   * step of its own; a view change then still ends a typing burst); `none` leaves the history as it is (undo, redo).
   */
  capture: Capture;
  /** Default shortcuts as `Ctrl+Shift+Z`, `Alt+ArrowUp`, `F8`, `Delete`, `?`. Ctrl means Cmd on macOS. */
  keys?: string[];
  /** Single-key shortcuts (arrows, Delete, letters) do not fire while typing in an input or the editor. */
  run(ctx: CommandContext): void | Promise<unknown>;
  enabled?(ctx: CommandContext): boolean;
}
