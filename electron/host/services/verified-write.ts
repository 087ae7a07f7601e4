import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { claimTemp, releaseTemp } from './temp-files';

/**
 * The one way Galley writes a file (issue saves, `.bak` copies, recovery files, the recent list, window state,
 * exports, the CLI's `-o`): a temp file with a Galley name in the same folder (temp-files.ts), written in a loop
 * that accepts short writes, fsynced, then *read back* and compared with what was meant (size and SHA-256), and
 * only then renamed over the target; the folder is fsynced so the rename survives a power loss.
 *
 * Why the read-back: a full disk makes `write()` return fewer bytes than asked, and a writer that does not check
 * renames a truncated file over the good one. Here any shortfall, ENOSPC, EDQUOT or EIO at any step before the
 * rename leaves the target as it was and removes the temp file.
 */

/** Read-back chunk: large enough to be a handful of syscalls for a 5 MB issue, small enough to stay off the heap's radar. */
const READ_CHUNK = 1024 * 1024;

/** Raised when the bytes on disk are not the bytes meant; `code` lets callers treat it like an I/O error. */
export class VerifyError extends Error {
  readonly code = 'EVERIFY';
  constructor(message: string) {
    super(message);
    this.name = 'VerifyError';
  }
}

async function writeAll(fh: fs.FileHandle, data: Buffer): Promise<void> {
  let at = 0;
  while (at < data.length) {
    const { bytesWritten } = await fh.write(data, at, data.length - at, at);
    // A write that makes no progress would loop forever; the disk is as good as full.
    if (!(bytesWritten > 0))
      throw Object.assign(new Error(`ENOSPC: no space left on device, write (0 of ${data.length - at} bytes)`), {
        code: 'ENOSPC',
        syscall: 'write',
      });
    at += bytesWritten;
  }
}

async function readBack(fh: fs.FileHandle, data: Buffer): Promise<void> {
  const { size } = await fh.stat();
  if (size !== data.length) throw new VerifyError(`the file on disk has ${size} of ${data.length} bytes`);
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(1, size)));
  let at = 0;
  while (at < size) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - at), at);
    if (!(bytesRead > 0)) throw new VerifyError(`the file on disk ends after ${at} of ${size} bytes`);
    hash.update(buf.subarray(0, bytesRead));
    at += bytesRead;
  }
  if (!hash.digest().equals(createHash('sha256').update(data).digest()))
    throw new VerifyError('the file on disk does not hold the bytes written');
}

/** Fsyncs a folder so a rename in it is durable; false where that is not possible (Windows cannot open folders). */
export async function fsyncDir(dir: string): Promise<boolean> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(dir, 'r');
    await fh.sync();
    return true;
  } catch {
    return false;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * Writes `data` to a verified temp file next to `target` and renames it over `target`. Resolves with whether the
 * rename is known durable (the folder fsync worked). Rejects, with the target untouched and no temp file left,
 * when any step before the rename fails.
 */
export async function writeVerified(target: string, data: string | Buffer): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const old = await fs.stat(target).catch(() => undefined);
  const tmp = claimTemp(target);
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(tmp, 'wx+', 0o666);
    // The new version keeps the permissions of the file it replaces (a shared folder's group-writable issue).
    if (old?.isFile()) await fh.chmod(old.mode & 0o7777);
    await writeAll(fh, bytes);
    await fh.sync();
    await readBack(fh, bytes);
    const closing = fh;
    fh = undefined;
    await closing.close(); // a network file system reports deferred write errors here
    await fs.rename(tmp, target);
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    releaseTemp(tmp);
  }
  return fsyncDir(path.dirname(target));
}
