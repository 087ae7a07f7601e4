import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dispatch, type Handlers } from '../../../../shared/ipc/contract';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { lockPath, LOCK_STALE_MS } from '../../../../electron/host/services/issue-lock';
import { createIssue } from '../../../../shared/model/create';
import { serializeIssue } from '../../../../shared/issue-file/parse-issue';

/**
 * Two windows on one issue: the first one locks it (a lock file beside the issue with pid, host and session), the
 * second opens it read-only and may not save over it; a stale lock (dead process, or no heartbeat for
 * LOCK_STALE_MS) is taken over; another live window's recovery file is reported in use, never offered.
 */
let dir: string;
let issueFile: string;
let clock: number;

function make(): Handlers {
  return createHandlers({
    dialogs: {
      openIssue: async () => issueFile,
      importPages: async () => null,
      saveIssueAs: async () => null,
      exportTo: async () => null,
      confirm: async () => 0,
    },
    tokens: new PathTokens(),
    userDataDir: path.join(dir, 'user'),
    appInfo: { version: '1', host: 'test', locale: 'en', userName: '', platform: 'test' },
    now: () => new Date(clock),
  });
}
const call = (h: Handlers, ch: string, input: unknown = {}) => dispatch(h, ch, input) as Promise<never>;
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-lock-'));
  issueFile = path.join(dir, 'day.galley.json');
  await writeFile(issueFile, serializeIssue(createIssue([], { id: 'i1', title: '日报' })));
  clock = Date.parse('2026-12-07T06:00:00Z');
});

describe('issue lock', () => {
  it('the second window opens read-only and cannot save over the first', async () => {
    const h = make();
    const ref = (await call(h, 'dialog.openIssue')) as { token: string };
    const first = (await call(h, 'issue.open', { token: ref.token, session: A })) as { readOnly?: boolean };
    expect(first.readOnly).toBeUndefined();
    const lock = JSON.parse(await readFile(lockPath(issueFile), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname(), session: A });
    expect(path.basename(lockPath(issueFile))).toBe('.day.galley.json.galley-lock');

    const second = (await call(h, 'issue.open', { token: ref.token, session: B })) as {
      readOnly?: boolean;
      lockedBy?: string;
    };
    expect(second.readOnly).toBe(true);
    expect(second.lockedBy).toContain(os.hostname());
    const issue = createIssue([], { id: 'i1', title: 'changed' });
    await expect(call(h, 'issue.save', { token: ref.token, issue, session: B })).rejects.toThrow(
      /open for editing in another window/,
    );
    await call(h, 'issue.save', { token: ref.token, issue, session: A });
    // Released by the first: the second may take it.
    await call(h, 'session.heartbeat', { session: A, fileToken: ref.token, release: true });
    expect(await readdir(dir)).not.toContain('.day.galley.json.galley-lock');
    expect(await call(h, 'session.heartbeat', { session: B, fileToken: ref.token })).toEqual({ readOnly: false });
  });

  it('a stale lock is taken over: no heartbeat for the stale time, or a process that is gone', async () => {
    const h = make();
    const ref = (await call(h, 'dialog.openIssue')) as { token: string };
    await call(h, 'issue.open', { token: ref.token, session: A });
    clock += LOCK_STALE_MS + 1000;
    expect(await call(h, 'issue.open', { token: ref.token, session: B })).not.toHaveProperty('readOnly');
    // A lock of a process of this machine that no longer runs.
    await writeFile(
      lockPath(issueFile),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), session: A, at: new Date(clock).toISOString() }),
    );
    expect(await call(h, 'issue.open', { token: ref.token, session: B })).not.toHaveProperty('readOnly');
  });

  it("another live window's recovery file is in use: not offered to this one", async () => {
    const h = make();
    await call(h, 'recovery.write', { id: 'i1-abc', changes: 2, title: '日报', payload: '{}' });
    await call(h, 'recovery.write', { id: 'old-crash', changes: 1, title: '旧', payload: '{}' });
    await call(h, 'session.heartbeat', { session: A, recoveryId: 'i1-abc' });
    const forB = (await call(h, 'recovery.list', { session: B })) as { id: string; inUse?: boolean }[];
    expect(forB.find((e) => e.id === 'i1-abc')?.inUse).toBe(true);
    expect(forB.find((e) => e.id === 'old-crash')?.inUse).toBeUndefined();
    const forA = (await call(h, 'recovery.list', { session: A })) as { id: string; inUse?: boolean }[];
    expect(forA.every((e) => !e.inUse)).toBe(true);
    // The first window stops beating (closed, crashed): after the stale time its file is offered again.
    clock += LOCK_STALE_MS + 1000;
    const later = (await call(h, 'recovery.list', { session: B })) as { id: string; inUse?: boolean }[];
    expect(later.every((e) => !e.inUse)).toBe(true);
  });
});
