import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Names of the temp files Galley writes before renaming them into place, and the sweep that removes the ones a
 * killed writer left behind. The name says who made it, so that the sweep never touches anything else:
 *
 *     .<file>.galley-tmp-<host>-<pid>-<random>
 *
 * (hidden on Unix; `<host>` is a short hash of the machine name, `<pid>` the writing process). A temp file is
 * removed only when its writer is gone: made on this machine by a process that no longer runs (or by this process
 * without a write of it in flight, which means an earlier process with the same pid), or untouched for
 * `STALE_TEMP_MS` (a writer on another machine sharing the folder, or a pid reused by an unrelated process).
 * A user's `issue.galley.json.1` or `issue.galley.json.x.tmp` is never a Galley temp file and is never removed.
 */
export const TEMP_MARK = '.galley-tmp-';

/** A save takes seconds at most; a temp file untouched for a day has no live writer, whichever machine made it. */
export const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** File names are limited to 255 bytes; the temp name adds 1 + 12 + 7 + 1 + 10 + 1 + 12 bytes to the file's. */
const MAX_BASE_BYTES = 180;

const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6);

/** Temp files of this process whose write is still in flight (absolute paths). */
const inFlight = new Set<string>();

/** The file name as it appears in its temp files' names: shortened (on a character boundary) when very long. */
function stem(base: string): string {
  let s = base;
  while (Buffer.byteLength(s) > MAX_BASE_BYTES) s = Array.from(s).slice(0, -1).join('');
  return s;
}

function prefixOf(base: string): string {
  return `.${stem(base)}${TEMP_MARK}`;
}

/** A fresh temp path next to `target`, registered as in flight until `releaseTemp`. */
export function claimTemp(target: string): string {
  const tmp = path.join(
    path.dirname(target),
    `${prefixOf(path.basename(target))}${HOST_TAG}-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
  inFlight.add(path.resolve(tmp));
  return tmp;
}

export function releaseTemp(tmp: string): void {
  inFlight.delete(path.resolve(tmp));
}

/** The writer of a temp file, parsed from its name; undefined when the name is not a Galley temp name of `base`. */
export function tempWriter(base: string, name: string): { host: string; pid: number } | undefined {
  const prefix = prefixOf(base);
  if (!name.startsWith(prefix)) return undefined;
  const m = /^([0-9a-f]{6})-(\d{1,10})-[0-9a-f]{12}$/.exec(name.slice(prefix.length));
  return m ? { host: m[1], pid: Number(m[2]) } : undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

async function writerGone(file: string, writer: { host: string; pid: number }, now: number): Promise<boolean> {
  if (writer.host === HOST_TAG) {
    if (writer.pid === process.pid) {
      if (!inFlight.has(path.resolve(file))) return true;
    } else if (!processAlive(writer.pid)) {
      return true;
    }
  }
  const st = await fs.lstat(file).catch(() => undefined);
  return !!st && st.isFile() && now - st.mtimeMs > STALE_TEMP_MS;
}

/**
 * Removes the temp files of `target` (and of its `.bak`) whose writer is gone; see the file comment. Returns how
 * many it removed. Never fails: a folder that cannot be listed is left as it is.
 */
export async function sweepTempFiles(target: string): Promise<number> {
  const dir = path.dirname(target);
  const bases = [path.basename(target), `${path.basename(target)}.bak`];
  const now = Date.now();
  let removed = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const writer = bases.map((b) => tempWriter(b, name)).find((w) => w);
    if (!writer) continue;
    const file = path.join(dir, name);
    if (await writerGone(file, writer, now)) {
      await fs.unlink(file).then(
        () => removed++,
        () => undefined,
      );
    }
  }
  return removed;
}

/** The same sweep for every Galley temp file in a folder Galley owns (recovery files, the user data folder). */
export async function sweepTempFilesIn(dir: string): Promise<number> {
  let removed = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const at = name.lastIndexOf(TEMP_MARK);
    if (!name.startsWith('.') || at < 0) continue;
    const base = name.slice(1, at);
    const writer = tempWriter(base, name);
    if (writer && (await writerGone(path.join(dir, name), writer, Date.now()))) {
      await fs.unlink(path.join(dir, name)).then(
        () => removed++,
        () => undefined,
      );
    }
  }
  return removed;
}
