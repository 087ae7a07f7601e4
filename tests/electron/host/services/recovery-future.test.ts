import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { recoveryDir, RECOVERY_SCHEMA } from '../../../../electron/host/services/recovery-store';
import { dispatch, type Handlers } from '../../../../shared/ipc/contract';

/**
 * A recovery file written by a newer build is never loaded and never deleted by listing or reading it;
 * the message says why. (The renderer's session payload inside the envelope has its own version: see
 * tests/renderer/features/persistence/recovery-session.test.tsx.)
 */
let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'galley-future-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

function handlers(): Handlers {
  return createHandlers({
    dialogs: {
      openIssue: async () => null,
      importPages: async () => null,
      saveIssueAs: async () => null,
      exportTo: async () => null,
      confirm: async () => 0,
    },
    tokens: new PathTokens(),
    userDataDir: userData,
    appInfo: { version: '0.1.0', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
  });
}
const call = <T>(h: Handlers, ch: string, input: unknown = {}) => dispatch(h, ch, input) as Promise<T>;

describe('recovery file of a newer build', () => {
  it('is listed through the host contract as unreadable with a clear message, refused on read, and kept byte for byte', async () => {
    await mkdir(recoveryDir(userData), { recursive: true });
    const file = path.join(recoveryDir(userData), 'next-gen.galley-recovery.json');
    const body = `{"format":"galley-recovery","schema":${RECOVERY_SCHEMA + 1},"header":{"id":"next-gen","savedAt":"2031-01-01T00:00:00.000Z","changes":4,"newField":[1]},\n"payload":"{}"}\n`;
    await writeFile(file, body);
    const h = handlers();
    // A good file next to it stays usable.
    await call(h, 'recovery.write', { id: 'today', changes: 1, title: '今天', payload: 'x' });

    const list = await call<{ id: string; unreadable?: string }[]>(h, 'recovery.list');
    const future = list.find((e) => e.id === 'next-gen');
    expect(future?.unreadable).toMatch(/newer Galley/);
    expect(future?.unreadable).toMatch(/kept/);
    expect(list.find((e) => e.id === 'today')?.unreadable).toBeUndefined();
    await expect(call(h, 'recovery.read', { id: 'next-gen' })).rejects.toThrow(/newer Galley/);
    expect(await readFile(file, 'utf8')).toBe(body);
    expect((await readdir(recoveryDir(userData))).sort()).toEqual([
      'next-gen.galley-recovery.json',
      'today.galley-recovery.json',
    ]);
  });
});
