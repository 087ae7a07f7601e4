import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Crash-safe save (RELIABILITY 2): the previous version is kept as `<file>.bak` (a hard link, so it costs no
 * copy), the new bytes go to a temp file that is fsynced and renamed over the target (write-file-atomic), and
 * the directory is fsynced so the rename itself survives a power loss. At every instant the target is the
 * complete old or the complete new version.
 *
 * The result tells apart the three states a caller must handle differently.
 */
export type SaveState = 'committed-durable' | 'committed-not-durable';

export class SaveError extends Error {
  constructor(message: string, readonly state: 'failed-before-commit') { super(message); this.name = 'SaveError'; }
}

let backups = 0;

/**
 * `.bak` ← the current file, as a hard link made under a temp name and renamed into place (atomic). Two traps,
 * both found by the kill loop: a save killed after this step leaves `.bak` and the target as the *same inode*, and
 * `rename()` between two links of one inode is a no-op that leaves the temp link behind; a later save that reused
 * that temp name then copied the target *into* the inode `.bak` shares, tearing `.bak` when killed mid-copy. So the
 * temp name is unique, a stale one is unlinked first (never written through), and the temp link is always removed.
 */
async function keepBackup(target: string): Promise<void> {
  const bak = `${target}.bak`;
  const tmp = `${bak}.${process.pid}.${++backups}.tmp`;
  await fs.rm(tmp, { force: true });
  try {
    await fs.link(target, tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // first save: nothing to keep
    // Filesystems without hard links (FAT, some network shares): fall back to a copy into a fresh file.
    await fs.copyFile(target, tmp, fsConstants.COPYFILE_EXCL);
  }
  try {
    await fs.rename(tmp, bak);
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined); // no-op after a real rename; the stray link otherwise
  }
}

async function fsyncDir(dir: string): Promise<boolean> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(dir, 'r');
    await fh.sync();
    return true;
  } catch {
    return false; // Windows cannot open directories; the rename is still atomic there.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

// One save at a time per file within this process: two overlapping saves would race on the `.bak` link.
const queues = new Map<string, Promise<unknown>>();

/**
 * Saves `data` to `target` atomically (see above). Resolves with whether the directory entry is known durable.
 * @throws SaveError when the new version could not be committed; the file on disk is then the previous version.
 */
export function saveAtomic(target: string, data: string | Buffer, opts: { backup?: boolean } = {}): Promise<SaveState> {
  const key = path.resolve(target);
  const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => saveNow(target, data, opts));
  queues.set(key, run);
  void run.finally(() => { if (queues.get(key) === run) queues.delete(key); }).catch(() => undefined);
  return run;
}

/** Why a save failed, in words (the raw errno text names a temp file the user never chose). */
function saveFailure(e: unknown, target: string): string {
  const err = e as NodeJS.ErrnoException;
  const dir = path.dirname(target);
  switch (err?.code) {
    case 'ENOENT': return `the folder ${dir} does not exist`;
    case 'ENOTDIR': return `${dir} is not a folder`;
    case 'EISDIR': return `${path.basename(target)} is a folder`;
    case 'EACCES': case 'EPERM': return `permission denied in ${dir}`;
    case 'EROFS': return `${dir} is on a read-only disk`;
    case 'ENOSPC': return 'the disk is full';
    default: return String(err?.message ?? e).split('\n')[0];
  }
}

async function saveNow(target: string, data: string | Buffer, opts: { backup?: boolean }): Promise<SaveState> {
  // Whether there is a previous version the failure leaves in place (a first save has none to speak of).
  const existed = await fs.lstat(target).then(() => true, () => false);
  try {
    if (opts.backup !== false) await keepBackup(target);
    await writeFileAtomic(target, data, { fsync: true });
  } catch (e) {
    const after = existed ? 'the previous version is unchanged' : 'nothing was written';
    throw new SaveError(`could not save ${path.basename(target)}: ${saveFailure(e, target)}; ${after}`, 'failed-before-commit');
  }
  return (await fsyncDir(path.dirname(target))) ? 'committed-durable' : 'committed-not-durable';
}

/** Removes temp files a killed save left behind (write-file-atomic names them `<file>.<hash>`). */
export async function sweepTempFiles(target: string): Promise<number> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let removed = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name !== base && name.startsWith(base + '.') && (/\.\d+$/.test(name) || name.endsWith('.tmp'))) {
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
