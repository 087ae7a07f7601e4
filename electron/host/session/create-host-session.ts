import os from 'node:os';
import type { Handlers, Out } from '../../../shared/ipc/contract';
import type { EventName } from '../../../shared/ipc/channels';
import { createHandlers, type Dialogs, type InAppPicker, type WindowHooks } from '../services/handlers';
import { PathTokens } from '../security/path-tokens';
import type { HostScope } from '../security/host-scope';
import { CloseFlow } from './close-flow';
import { QuitGuard } from './quit-guard';
import { RecoverySession } from './recovery-session';

/** What a shell (the Electron window, the browser host's page) does for the session; every hook is its own. */
export interface ShellHooks {
  setTitle(title: string): void;
  /** Called before the close flow hears of the change (Electron marks the window edited). */
  setDirty?(dirty: boolean): void;
  /** The renderer asked to quit; the session has already released the quit guard. */
  quit(): void;
  addRecentDocument?(file: string): void;
  /** Asks the renderer to save (`command.run` `file.save`). */
  runSave(): void;
  /** Closes the window again; its close request comes back through `closeFlow.onCloseRequested`. */
  close(): void;
  /**
   * Sends an event to the renderer. With it, the unsaved-changes question on close is the renderer's in-app
   * dialog (`window.closeRequested`, answered by `window.closeAnswer`); without it, the shell's own dialog asks.
   */
  emit?(event: EventName, payload: unknown): void;
  onError?(e: unknown): void;
}

export interface HostSessionOptions {
  dialogs: Dialogs;
  /** Where recent.json and recovery/ live. */
  userDataDir: string;
  appInfo: { version: string; host: Out<'app.info'>['host']; locale: string };
  /** Files to open at launch (absolute); read at each `app.initial` call, so a shell may append later. */
  initialFiles?: string[];
  /** Where paths may become tokens (host-scope.ts): the launch folder for the browser host; by default what the user chose. */
  scope?: HostScope;
  /** The in-app file picker, for a host without file dialogs (the browser host). */
  picker?: InAppPicker;
  shell: ShellHooks;
}

/** One window's host session: the same parts for the Electron shell and the browser host. */
export interface HostSession {
  handlers: Handlers;
  tokens: PathTokens;
  quitGuard: QuitGuard;
  /** Recovery files of this window's renderer: removed on a normal close (saved, or "Don't save"), kept on a crash. */
  recovery: RecoverySession;
  closeFlow: CloseFlow;
}

/** The unsaved-changes question in the UI's language (the menu's rule: Chinese for any `zh` locale). */
export function closeQuestion(locale: string): { message: string; detail: string; buttons: string[] } {
  const zh = /^zh\b/i.test(locale);
  return {
    message: zh ? '本期有未保存的更改。' : 'This issue has unsaved changes.',
    detail: zh ? '关闭前要保存吗？' : 'Save them before closing?',
    buttons: zh ? ['保存', '不保存', '取消'] : ['Save', "Don't Save", 'Cancel'],
  };
}

/** The OS user name shown as the reviewer; empty where the system has none for this process. */
export function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/**
 * Builds the host session both shells run: path tokens, the recovery session, the quit guard and close flow
 * (close-flow.ts), and the contract handlers over the shell's dialogs and window. A cancelled Save As or a failed
 * save calls off a "save, then close".
 */
export function createHostSession(o: HostSessionOptions): HostSession {
  const tokens = new PathTokens();
  const quitGuard = new QuitGuard();
  const recovery = new RecoverySession();
  // The renderer asks the close question in its own dialog; every pending ask gets its one answer.
  const waiting: ((button: number) => void)[] = [];
  const askRenderer = (emit: NonNullable<ShellHooks['emit']>) =>
    new Promise<number>((resolve) => {
      waiting.push(resolve);
      emit('window.closeRequested', {});
    });
  const closeFlow = new CloseFlow({
    guard: quitGuard,
    recovery,
    confirm: () => (o.shell.emit ? askRenderer(o.shell.emit) : o.dialogs.confirm(closeQuestion(o.appInfo.locale))),
    runSave: () => o.shell.runSave(),
    close: () => o.shell.close(),
    onError: (e) => o.shell.onError?.(e),
  });
  const window: WindowHooks = {
    setTitle: (t) => o.shell.setTitle(t),
    setDirty: (d) => {
      o.shell.setDirty?.(d);
      closeFlow.onDirty(d);
    },
    quit: () => {
      quitGuard.force();
      o.shell.quit();
    },
    addRecentDocument: o.shell.addRecentDocument && ((f) => o.shell.addRecentDocument?.(f)),
    closeAnswer: (answer) => {
      const button = answer === 'save' ? 0 : answer === 'discard' ? 1 : 2;
      for (const resolve of waiting.splice(0)) resolve(button);
    },
  };
  const handlers = createHandlers({
    dialogs: o.dialogs,
    tokens,
    recovery,
    userDataDir: o.userDataDir,
    appInfo: {
      ...o.appInfo,
      userName: safeUserName(),
      platform: process.platform,
      ...(o.picker ? { picker: 'in-app' as const } : {}),
    },
    ...(o.picker ? { picker: o.picker } : {}),
    initialFiles: o.initialFiles,
    window,
    ...(o.scope ? { scope: o.scope } : {}),
  });
  const guarded: Handlers = {
    ...handlers,
    'dialog.saveIssueAs': async (input) => {
      const r = await handlers['dialog.saveIssueAs'](input);
      if (!r) quitGuard.onSaveAbandoned();
      return r;
    },
    'issue.save': async (input) => {
      try {
        return await handlers['issue.save'](input);
      } catch (e) {
        quitGuard.onSaveAbandoned();
        throw e;
      }
    },
  };
  return { handlers: guarded, tokens, quitGuard, recovery, closeFlow };
}
