import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { MAX_INPUT_BYTES } from '../../../shared/text/encoding';

/**
 * Reading a file the user chose (a page, a layout file, a file a METS names, a scan, an issue, a recovery file).
 * Only regular files are read: the opened handle is checked with fstat (no stat-then-open race), and the open is
 * non-blocking so that a FIFO cannot hang it. The size is checked before reading and again while reading, in
 * a buffer that never grows past the limit, so that a device such as /dev/zero or a file that grows cannot take
 * the memory. Every failure is an `InputError` whose message is one line: which file, what is wrong and what to do.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'not-file' | 'too-large' | 'denied' | 'unreadable',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** First buffer when fstat gives no size (/proc files): small, since such files are small. */
const FIRST_UNKNOWN_BYTES = 64 * 1024;
/** Least growth of the buffer when a file turns out larger than fstat said. */
const GROW_BYTES = 4 * 1024 * 1024;

function mb(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${bytes} bytes`;
}

/** What a non-regular file is, in the user's words. */
function kindOf(stat: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** An errno failure of open/read → one line naming the file. Anything else is returned unchanged. */
export function describeFsError(e: unknown, file: string): Error {
  const err = e as NodeJS.ErrnoException;
  const name = path.basename(file) || file;
  switch (err?.code) {
    case 'ENOENT':
      return new InputError(`no such file: ${name}`, 'not-found');
    case 'ENOTDIR':
      return new InputError(`no such file: ${name} (a part of its path is not a folder)`, 'not-found');
    case 'EACCES':
    case 'EPERM':
      return new InputError(`permission denied: ${name}; check that you may read it`, 'denied');
    case 'ELOOP':
      return new InputError(
        `${name} is a symbolic link that points back to itself (or a chain of links too long); point it at a real file`,
        'unreadable',
      );
    case 'EISDIR':
      return new InputError(`${name} is a folder, not a file; choose the files inside it`, 'not-file');
    case 'ENAMETOOLONG':
      return new InputError(`the file name is too long: ${name.slice(0, 80)}…`, 'not-found');
    case 'EIO':
      return new InputError(
        `${name} could not be read (input/output error); copy it to a local disk and try again`,
        'unreadable',
      );
    case 'EMFILE':
    case 'ENFILE':
      return new InputError(
        `${name} could not be opened: too many open files; close some programs and try again`,
        'unreadable',
      );
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return new InputError(
        `${name} is not a regular file (it has no data to read now); choose a saved file`,
        'not-file',
      );
    default:
      return err instanceof Error ? err : new Error(String(e));
  }
}

export interface ReadInputOptions {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** The kind of file with its article, for the messages ("an issue file", "a file to import"…). */
  what?: string;
  /** What the user can do about a file over the limit (appended to the message). */
  tooLargeHint?: string;
}

/** Opens a user file for reading: non-blocking (a FIFO must not hang the open), then fstat: regular files only. */
export async function openRegularFile(file: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw describeFsError(e, file);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      const kind = kindOf(stat);
      throw new InputError(
        `${path.basename(file) || file} is ${kind}, not a file${stat.isDirectory() ? '; choose the files inside it' : '; choose a saved file'}`,
        'not-file',
      );
    }
    return { handle, size: stat.size };
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e instanceof InputError ? e : describeFsError(e, file);
  }
}

/** `size` is what fstat said, or undefined when the file turned out larger while it was read. */
function tooLarge(file: string, size: number | undefined, opts: ReadInputOptions): InputError {
  const what = opts.what ?? 'a file';
  // Sizes that round to the same MB (511.99 MB against a limit of 512 MB) are given in bytes.
  const exact = size !== undefined && mb(size) === mb(opts.maxBytes);
  const fmt = (n: number) => (exact ? `${n.toLocaleString('en')} bytes` : mb(n));
  const is = size === undefined ? `larger than ${fmt(opts.maxBytes)}` : fmt(size);
  return new InputError(
    `${path.basename(file)} is ${is}; Galley reads ${what} of up to ${fmt(opts.maxBytes)}${opts.tooLargeHint ? `; ${opts.tooLargeHint}` : ''}`,
    'too-large',
  );
}

/**
 * The bytes of a regular file of at most `maxBytes`: refused before reading when fstat says it is larger, and
 * while reading when it turns out larger (it grew, or the size was not true). The buffer is sized by fstat, so a
 * file is read into one allocation; it grows only when the file does, and never past the limit.
 * @throws InputError
 */
export async function readInputFile(file: string, opts: ReadInputOptions): Promise<Buffer> {
  const { handle, size } = await openRegularFile(file);
  try {
    if (size > opts.maxBytes) throw tooLarge(file, size, opts);
    // One byte more than fstat's size (and at most one past the limit) tells at once whether the file grew.
    const cap = opts.maxBytes + 1;
    let buf = Buffer.allocUnsafe(Math.min(size > 0 ? size + 1 : FIRST_UNKNOWN_BYTES, cap));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        // Full: the file is larger than fstat said (it grew, or its size is not known, as for /proc files).
        const grown = Buffer.allocUnsafe(Math.min(cap, Math.max(buf.length * 2, GROW_BYTES)));
        buf.copy(grown, 0, 0, total);
        buf = grown;
      }
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buf, total, buf.length - total, total));
      } catch (e) {
        throw describeFsError(e, file);
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > opts.maxBytes) throw tooLarge(file, undefined, opts);
    }
    return buf.subarray(0, total);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The first `bytes` bytes of a regular file (recovery headers). @throws InputError */
export async function readInputHead(file: string, bytes: number): Promise<Buffer> {
  const { handle } = await openRegularFile(file);
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0).catch((e: unknown) => {
      throw describeFsError(e, file);
    });
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** True when `file` is an existing regular file (following links); never throws. */
export async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads a file given to import (a page, a layout file, a file a METS names, a scan): a regular file of at most
 * 256 MB (V8 strings top out near 512 Mi UTF-16 units; a page is never this large). @throws InputError
 */
export function readImportFile(
  file: string,
  tooLargeHint = 'split it into smaller files (a page each)',
): Promise<Buffer> {
  return readInputFile(file, { maxBytes: MAX_INPUT_BYTES, what: 'a file to import', tooLargeHint });
}
