import { promises as fs } from 'node:fs';
import path from 'node:path';
import { claimTemp, releaseTemp } from './temp-files';
import { writeVerified } from './verified-write';

export { sweepTempFiles } from './temp-files';

/**
 * Crash-safe save (docs/foundation.md, File format): the previous version is kept as `<file>.bak` (a hard link, so it costs no
 * copy), the new bytes go through the verified writer (verified-write.ts: temp file, write loop, fsync, read-back,
 * rename, folder fsync). At every instant the target is the complete old or the complete new version, and a save
 * that could not write every byte (full disk, quota, I/O error) fails without touching it.
 *
 * The result tells apart the three states a caller must handle differently.
 */
export type SaveState = 'committed-durable' | 'committed-not-durable';

export class SaveError extends Error {
  constructor(
    message: string,
    readonly state: 'failed-before-commit',
  ) {
    super(message);
    this.name = 'SaveError';
  }
}

/** What went wrong, in words a proofreader can act on; the errno stays for whoever reads a bug report. */
export function describeWriteFault(e: unknown, target?: string): string {
  const err = e as NodeJS.ErrnoException;
  const dir = target ? path.dirname(target) : 'the folder';
  switch (err?.code) {
    // The raw errno text would name a temp file the user never chose: say which folder or file is at fault.
    case 'ENOENT':
      return `the folder ${dir} does not exist`;
    case 'ENOTDIR':
      return `${dir} is not a folder`;
    case 'EISDIR':
      return `${target ? path.basename(target) : 'the target'} is a folder`;
    case 'ENOSPC':
      return 'the disk is full (ENOSPC); free some space and save again';
    case 'EDQUOT':
      return 'the disk quota is used up (EDQUOT); free some space and save again';
    case 'EIO':
      return 'the disk reported an input/output error (EIO); save to another disk';
    case 'EROFS':
      return 'the disk is read-only (EROFS); save to another disk';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${err.code})`;
    case 'EVERIFY':
      return `what was written did not read back the same (${err.message}); the disk may be full or failing`;
    default:
      return (typeof err?.message === 'string' && err.message ? err.message : String(e)).split('\n')[0];
  }
}

/**
 * `.bak` ← the current file, as a hard link made under a temp name and renamed into place (atomic). Two traps,
 * both found by the kill loop: a save killed after this step leaves `.bak` and the target as the *same inode*, and
 * `rename()` between two links of one inode is a no-op that leaves the temp link behind; a later save that reused
 * that temp name then copied the target *into* the inode `.bak` shares, tearing `.bak` when killed mid-copy. So the
 * temp name is unique, it is never written through, and the temp link is always removed.
 */
async function keepBackup(target: string): Promise<void> {
  const bak = `${target}.bak`;
  const tmp = claimTemp(bak);
  try {
    await fs.link(target, tmp);
  } catch (e) {
    releaseTemp(tmp);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // first save: nothing to keep
    // Filesystems without hard links (FAT, some network shares): a verified copy.
    await writeVerified(bak, await fs.readFile(target));
    return;
  }
  try {
    await fs.rename(tmp, bak);
  } finally {
    await fs.unlink(tmp).catch(() => undefined); // no-op after a real rename; the stray link otherwise
    releaseTemp(tmp);
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
  void run
    .finally(() => {
      if (queues.get(key) === run) queues.delete(key);
    })
    .catch(() => undefined);
  return run;
}

async function saveNow(given: string, data: string | Buffer, opts: { backup?: boolean }): Promise<SaveState> {
  // Through a link to the file it names, as the user sees it: the link stays a link and the .bak sits by the file.
  const target = await fs.realpath(given).catch(() => given);
  const existed = await fs.stat(target).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code !== 'ENOENT',
  );
  let durable: boolean;
  try {
    if (opts.backup !== false) await keepBackup(target);
    durable = await writeVerified(target, data);
  } catch (e) {
    const kept = existed ? 'the previous version is unchanged' : 'nothing was written';
    throw new SaveError(
      `could not save ${path.basename(given)}: ${describeWriteFault(e, given)}; ${kept}`,
      'failed-before-commit',
    );
  }
  return durable ? 'committed-durable' : 'committed-not-durable';
}
