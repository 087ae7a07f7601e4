import path from 'node:path';
import type { Issue } from '../../shared/model/types';
import { dispatch, type Handlers, type HostApi } from '../../shared/ipc/contract';
import { createHandlers } from '../../electron/host/services/handlers';
import { PathTokens } from '../../electron/host/security/path-tokens';
import { RecoverySession } from '../../electron/host/session/recovery-session';
import { createAppStore, type AppStore } from '../../renderer/src/store/create-store';
import { startAutosave, type Autosave } from '../../renderer/src/features/persistence/autosave';
import { createI18n } from '../../renderer/src/i18n';
import type { CommandContext } from '../../renderer/src/commands/types';
import { appCommands } from '../../renderer/src/app/commands';

/**
 * One application window for crash-recovery tests, in Node: the renderer's store and autosave, talking through
 * the contract's `dispatch` to the real host handlers and recovery session over a user-data folder on disk. Two
 * windows over the same folder are two runs of the app (one after a kill) or two windows at once.
 *
 * A kill runs no shutdown code: the host answers no further call (a dead process), the window's timers stop, and
 * the window is dropped. Calls the host had already started finish, as the main process's atomic writes would
 * have (all or nothing); `kill(n)` lets exactly `n` more calls through first, to kill inside an autosave.
 *
 * `onWritten` / `onDiscarded` report each recovery file the host finished writing or removing, with the window's
 * document at that moment (the store never changes while a test awaits a write), so a test can keep its own
 * record of what each recovery file holds without reading the files back through the code under test.
 */
export interface RecoveryWindow {
  store: AppStore;
  autosave: Autosave;
  session: RecoverySession;
  ctx: CommandContext;
  /** Waits until no host call of this window is running (fire-and-forget discards included). */
  settle(): Promise<void>;
  /** The process dies after `budget` more host calls (default 0); an autosave is started to be cut short. */
  kill(budget?: number): Promise<void>;
  /** A normal close after "Don't save" or a save: the host session removes the files this window wrote. */
  close(): Promise<string[]>;
  readonly dead: boolean;
}

export interface WindowOptions {
  userDataDir: string;
  /** Where "Save As" saves (a fresh name per call). */
  saveTarget: () => string;
  onWritten?: (id: string, doc: Issue | null) => void;
  onDiscarded?: (id: string) => void;
}

const APP_INFO = { version: 'test', host: 'test' as const, locale: 'en', userName: 'tester', platform: 'linux' };
const BASE = /--base\d+$/;
export const isBaseId = (id: string) => BASE.test(id);

/** A macrotask turn: lets the autosave's continuation issue its next host call. */
const turn = () => new Promise<void>((r) => setImmediate(r));

export function openWindow(o: WindowOptions): RecoveryWindow {
  const session = new RecoverySession();
  const handlers: Handlers = createHandlers({
    dialogs: {
      openIssue: async () => null,
      importPages: async () => null,
      saveIssueAs: async () => o.saveTarget(),
      exportTo: async () => null,
      confirm: async () => 1, // "Don't save"
    },
    tokens: new PathTokens(),
    userDataDir: o.userDataDir,
    appInfo: APP_INFO,
    recovery: session,
  });
  const i18n = createI18n('en');
  const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
  const pending = new Set<Promise<unknown>>();
  let budget = Infinity;
  let dead = false;

  const host: HostApi = {
    invoke: ((channel: string, input: { id?: string }) => {
      if (dead || budget <= 0) {
        dead = true;
        return new Promise(() => undefined); // a dead process never answers
      }
      budget--;
      const p = dispatch(handlers, channel, input).then((r) => {
        if (channel === 'recovery.write') o.onWritten?.(input.id!, isBaseId(input.id!) ? null : store.getState().doc);
        if (channel === 'recovery.discard') o.onDiscarded?.(input.id!);
        return r;
      });
      const tracked = p.finally(() => pending.delete(tracked));
      pending.add(tracked);
      tracked.catch(() => undefined);
      return p;
    }) as HostApi['invoke'],
    on: () => () => undefined,
  };
  // Debounce and max wait far beyond a test: autosave writes when the test flushes it, so runs are reproducible.
  const autosave = startAutosave(store, host, { debounceMs: 1e9, maxWaitMs: 1e9 });
  const ctx: CommandContext = {
    store,
    host,
    t: i18n.t.bind(i18n),
    i18n,
    editor: { current: null },
    commands: appCommands,
  };

  const settle = async () => {
    await turn();
    while (pending.size) {
      await Promise.allSettled([...pending]);
      await turn();
    }
  };

  return {
    store,
    autosave,
    session,
    ctx,
    settle,
    get dead() {
      return dead;
    },
    async kill(n = 0) {
      budget = n;
      void autosave.flush().catch(() => undefined);
      await settle();
      dead = true;
      autosave.stop(); // its timers die with the process
    },
    async close() {
      await settle();
      const ids = session.written();
      await session.end();
      dead = true;
      autosave.stop();
      for (const id of ids) o.onDiscarded?.(id);
      return ids;
    },
  };
}

/** A fresh save target in `dir` for each call. */
export function saveTargets(dir: string): () => string {
  let n = 0;
  return () => path.join(dir, `saved-${++n}.galley.json`);
}
