import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  registerIpc,
  invokeChecked,
  type IpcMainLike,
  type IpcResult,
} from '../../../electron/desktop/main/ipc/register';
import { validateSender, type SenderFrame } from '../../../electron/desktop/main/security';
import { createHandlers } from '../../../electron/host/services/handlers';
import { PathTokens } from '../../../electron/host/security/path-tokens';
import { QueueDialogs } from '../../../electron/host/session/dialogs';
import { CHANNELS } from '../../../shared/ipc/channels';
import type { Handlers } from '../../../shared/ipc/contract';

/** `registerIpc` with a fake ipcMain: the same handlers the browser host serves, behind the sender check. */
let dir: string;
let handlers: Handlers;
const calls: string[] = [];
type Listener = (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => Promise<unknown>;
const registered = new Map<string, Listener>();
const fakeIpcMain: IpcMainLike = {
  handle: (ch, l) => {
    registered.set(ch, l as Listener);
  },
};
const appFrame: SenderFrame = { url: 'app://bundle/index.html', parent: null };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-ipc-'));
  const base = createHandlers({
    dialogs: new QueueDialogs(dir, false),
    tokens: new PathTokens(),
    userDataDir: path.join(dir, 'user'),
    appInfo: { version: '1.2.3', host: 'electron', locale: 'zh-CN', userName: 'u', platform: 'linux' },
    window: { setTitle: (t) => calls.push(`title:${t}`), setDirty: () => undefined, quit: () => undefined },
  });
  handlers = base;
  registerIpc(fakeIpcMain, handlers, { validateSender });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const call = (ch: string, frame: SenderFrame | null, input: unknown) =>
  registered.get(ch)!({ senderFrame: frame }, input) as Promise<IpcResult>;

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('a valid call from the app window reaches the shared handler', async () => {
    expect(await call('app.info', appFrame, {})).toEqual({
      ok: true,
      value: { version: '1.2.3', host: 'electron', locale: 'zh-CN', userName: 'u', platform: 'linux' },
    });
    expect(await call('window.setTitle', appFrame, { title: '浙江日报' })).toEqual({ ok: true, value: {} });
    expect(calls).toContain('title:浙江日报');
  });

  it('refuses a wrong sender: other origin, subframe, no frame', async () => {
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://bundle/index.html', parent: {} },
      null,
    ]) {
      const r = await call('app.info', frame, {});
      expect(r).toEqual({
        ok: false,
        error: 'refused: this call did not come from the Galley window',
        code: 'refused',
      });
    }
  });

  it('refuses invalid input with a clear message', async () => {
    const r = await call('window.setTitle', appFrame, { title: 42 });
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ code: 'invalid-input' });
    expect((r as { error: string }).error).toMatch(/^invalid input for window.setTitle: /);
    expect(await call('issue.open', appFrame, { token: 'short' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await call('issue.open', appFrame, { token: 'a-valid-looking-token', path: '/etc/passwd' })).toMatchObject({
      ok: false,
      code: 'invalid-input',
    });
  });

  it('refuses an unknown channel', async () => {
    expect(await invokeChecked(handlers, 'fs.readFile', appFrame, {}, validateSender)).toEqual({
      ok: false,
      error: 'unknown channel "fs.readFile"',
      code: 'unknown-channel',
    });
    expect(await invokeChecked(handlers, '__proto__', appFrame, {}, validateSender)).toMatchObject({
      ok: false,
      code: 'unknown-channel',
    });
  });

  it('a failing handler answers a message, never throws into main', async () => {
    const r = await call('issue.open', appFrame, { token: 'abcdefghijklmnopqrstuvwx' });
    expect(r).toEqual({
      ok: false,
      error: 'unknown file token: choose the file again (tokens do not survive a restart)',
      code: 'refused',
    });
  });

  it.each(CHANNELS.filter((c) => c !== 'app.quit'))(
    'fuzz %s: 300 arbitrary payloads give a typed answer, never a throw or a hang',
    async (ch) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.anything(),
            fc.object(),
            fc.dictionary(
              fc.constantFrom(
                'token',
                'id',
                'title',
                'issue',
                'payload',
                'tokens',
                'dirty',
                '__proto__',
                'constructor',
              ),
              fc.anything(),
            ),
          ),
          async (payload) => {
            const r = await Promise.race([
              call(ch, appFrame, payload),
              new Promise<'hang'>((res) => setTimeout(() => res('hang'), 1000)),
            ]);
            expect(r).not.toBe('hang');
            const res = r as IpcResult;
            expect(typeof res.ok).toBe('boolean');
            if (!res.ok) expect(typeof res.error).toBe('string');
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
