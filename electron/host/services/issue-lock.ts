import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A lock beside an open issue, so that a second window or tab on the same issue opens it read-only instead of
 * writing over the first one's work: `.<issue file name>.galley-lock`, JSON `{pid, host, session, at}`. The
 * holding window refreshes `at` with its heartbeat; a lock is stale when its `at` is older than `LOCK_STALE_MS` or,
 * on this machine, when its process is gone. A stale lock is taken over. Best effort: a lock that cannot be
 * written (read-only folder) never stops opening or saving; the lock file is Galley's own and removed on release.
 */
export interface LockInfo {
  pid: number;
  host: string;
  session: string;
  at: string;
}

/** A live window refreshes its lock every ~20 s; three missed beats make it stale. */
export const LOCK_STALE_MS = 90_000;

export function lockPath(issueFile: string): string {
  return path.join(path.dirname(issueFile), `.${path.basename(issueFile)}.galley-lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readLock(issueFile: string): Promise<LockInfo | null> {
  try {
    const v = JSON.parse(await fs.readFile(lockPath(issueFile), 'utf8')) as LockInfo;
    return typeof v?.session === 'string' && typeof v.pid === 'number' ? v : null;
  } catch {
    return null;
  }
}

export function isLive(l: LockInfo, now = Date.now()): boolean {
  const at = Date.parse(l.at);
  if (!Number.isFinite(at) || now - at > LOCK_STALE_MS) return false;
  return l.host !== os.hostname() || alive(l.pid);
}

/** "user@host (pid N)"-style words for the read-only notice. */
export function describeLock(l: LockInfo): string {
  return `${l.host}, process ${l.pid}, since ${l.at}`;
}

/**
 * Takes (or refreshes) the lock for `session`. Returns the live lock of another session instead when there is one.
 */
export async function acquireLock(issueFile: string, session: string, now = new Date()): Promise<LockInfo | null> {
  const held = await readLock(issueFile);
  if (held && held.session !== session && isLive(held, now.getTime())) return held;
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), session, at: now.toISOString() };
  await fs.writeFile(lockPath(issueFile), JSON.stringify(mine) + '\n').catch(() => undefined);
  return null;
}

/** Removes the lock when `session` holds it. */
export async function releaseLock(issueFile: string, session: string): Promise<void> {
  const held = await readLock(issueFile);
  if (held?.session === session) await fs.rm(lockPath(issueFile), { force: true }).catch(() => undefined);
}
