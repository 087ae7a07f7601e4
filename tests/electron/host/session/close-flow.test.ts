import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, readdir, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHandlers, type Dialogs } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { RecoverySession } from '../../../../electron/host/session/recovery-session';
import { recoveryDir } from '../../../../electron/host/services/recovery-store';
import { QuitGuard } from '../../../../electron/host/session/quit-guard';
import { CloseFlow } from '../../../../electron/host/session/close-flow';
import { dispatch, type Handlers } from '../../../../shared/ipc/contract';

/**
 * Closing the window removes this session's recovery files: the service (RecoverySession behind the
 * real handlers) and the close sequence (CloseFlow over QuitGuard) that Electron and the browser host run.
 */
let dir: string;
const noDialogs: Dialogs = {
  openIssue: async () => null,
  importPages: async () => null,
  saveIssueAs: async () => null,
  exportTo: async () => null,
  confirm: async () => 2,
};
const files = async () => (await readdir(recoveryDir(dir)).catch(() => [] as string[])).sort();
const write = (h: Handlers, id: string, payload = 'x') => dispatch(h, 'recovery.write', { id, changes: 1, payload });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-close-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const recovery = new RecoverySession();
  const handlers = createHandlers({
    dialogs: noDialogs,
    tokens: new PathTokens(),
    userDataDir: dir,
    recovery,
    appInfo: { version: 't', host: 'test', locale: 'en', userName: '', platform: 'linux' },
  });
  return { recovery, handlers };
}

describe('RecoverySession', () => {
  it('end() removes the files this session wrote, and only those', async () => {
    await mkdir(recoveryDir(dir), { recursive: true });
    await writeFile(path.join(recoveryDir(dir), 'earlier-crash.galley-recovery.json'), '{}');
    const { recovery, handlers } = setup();
    await write(handlers, 'doc-a');
    await write(handlers, 'doc-a--base1');
    await write(handlers, 'doc-b');
    await dispatch(handlers, 'recovery.discard', { id: 'doc-b' });
    expect(recovery.written().sort()).toEqual(['doc-a', 'doc-a--base1']);
    expect(await recovery.end()).toBe(2);
    expect(await files()).toEqual(['earlier-crash.galley-recovery.json']);
  });

  it('waits for a write in flight, removes its file, and refuses later writes', async () => {
    const { recovery, handlers } = setup();
    const big = 'y'.repeat(8 * 1024 * 1024);
    const inFlight = write(handlers, 'doc-a', big);
    const ended = recovery.end();
    await inFlight;
    await ended;
    expect(await files()).toEqual([]);
    await expect(write(handlers, 'doc-a')).rejects.toThrow(/closing/);
    expect(await files()).toEqual([]);
  });

  it('forget(): files of a renderer that crashed stay for its recovery dialog', async () => {
    const { recovery, handlers } = setup();
    await write(handlers, 'crashed');
    recovery.forget(); // the window reloaded after a renderer crash
    await write(handlers, 'after-reload');
    await recovery.end();
    expect(await files()).toEqual(['crashed.galley-recovery.json']);
  });
});

describe('CloseFlow', () => {
  function flow(answer: number) {
    const { recovery, handlers } = setup();
    const guard = new QuitGuard();
    const log: string[] = [];
    let closed = false;
    let done: () => void = () => undefined;
    const finished = new Promise<void>((r) => {
      done = r;
    });
    const f: CloseFlow = new CloseFlow({
      guard,
      recovery,
      confirm: async () => {
        log.push('asked');
        return answer;
      },
      runSave: () => {
        log.push('save');
      },
      close: () => {
        if (f.onCloseRequested()) {
          closed = true;
          done();
        }
      },
    });
    return {
      f,
      guard,
      handlers,
      log,
      finished,
      isClosed: () => closed,
      request: () => {
        if (f.onCloseRequested()) {
          closed = true;
          done();
        }
      },
    };
  }
  const settle = () => new Promise((r) => setTimeout(r, 50));

  it('"Don\'t save": asks, removes the autosave, closes', async () => {
    const t = flow(1);
    await write(t.handlers, 'doc');
    t.f.onDirty(true);
    t.request();
    await t.finished;
    expect(t.log).toEqual(['asked']);
    expect(await files()).toEqual([]);
  });

  it('clean: closes without asking and removes a stale autosave (a write that landed after the save)', async () => {
    const t = flow(2);
    await write(t.handlers, 'doc');
    t.request();
    await t.finished;
    expect(t.log).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('"Save": runs the save and closes when the renderer reports clean, then removes the autosave', async () => {
    const t = flow(0);
    await write(t.handlers, 'doc');
    t.f.onDirty(true);
    t.request();
    await settle();
    expect(t.log).toEqual(['asked', 'save']);
    expect(t.isClosed()).toBe(false);
    expect(await files()).toEqual(['doc.galley-recovery.json']);
    t.f.onDirty(false); // the save succeeded
    await t.finished;
    expect(await files()).toEqual([]);
  });

  it('Cancel: stays open, keeps the autosave, and autosave goes on', async () => {
    const t = flow(2);
    await write(t.handlers, 'doc');
    t.f.onDirty(true);
    t.request();
    await settle();
    expect(t.isClosed()).toBe(false);
    await write(t.handlers, 'doc', 'later');
    expect(await files()).toEqual(['doc.galley-recovery.json']);
  });
});

describe('CloseFlow while cleaning up', () => {
  it('a second close request during the clean-up waits for it', async () => {
    const recovery = new RecoverySession();
    let release: () => void = () => undefined;
    recovery.attach(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    await recovery.write('doc', async () => undefined);
    let closes = 0;
    const f: CloseFlow = new CloseFlow({
      guard: new QuitGuard(),
      recovery,
      confirm: async () => 2,
      runSave: () => undefined,
      close: () => {
        if (f.onCloseRequested()) closes++;
      },
    });
    expect(f.onCloseRequested()).toBe(false); // clean-up started
    expect(f.onCloseRequested()).toBe(false); // the user clicks close again: still waiting
    await new Promise((r) => setTimeout(r, 10));
    expect(closes).toBe(0);
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(closes).toBe(1);
    expect(f.onCloseRequested()).toBe(true);
  });
});
