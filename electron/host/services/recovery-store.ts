import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { saveAtomic } from './atomic-save';
import { sweepTempFilesIn } from './temp-files';
import { constants as bufferConstants } from 'node:buffer';
import { InputError, readInputFile, readInputHead } from './read-input';

/**
 * Crash recovery files (host side): the renderer's autosave sends its document and undo history as an
 * opaque string; each goes to `<userData>/recovery/<id>.galley-recovery.json`, written atomically (no .bak: the
 * next autosave replaces it, and the user's issue file is untouched).
 *
 * Layout: one JSON object whose first line holds the header, so listing reads a few bytes per file instead of
 * parsing every payload:
 * ```
 * {"format":"galley-recovery","schema":1,"header":{…},
 * "payload":"…"}
 * ```
 * A file written by a newer schema is listed as unreadable with a message, and never loaded or deleted by the
 * list; only an explicit discard removes it. Changing this layout must bump RECOVERY_SCHEMA (golden test).
 */
export const RECOVERY_SCHEMA = 1;
export const RECOVERY_FORMAT = 'galley-recovery';
export const RECOVERY_SUFFIX = '.galley-recovery.json';
const HEADER_BYTES = 64 * 1024;

export interface RecoveryHeader {
  id: string;
  appVersion: string;
  issueId: string;
  title: string;
  savedAt: string;
  changes: number;
  /** The issue file the document belongs to, when it has been saved or opened from one. */
  filePath?: string;
  /** SHA-256 of the payload, to tell a damaged file from a good one. */
  sha256: string;
}

export interface RecoveryListing {
  id: string;
  issueId: string;
  title: string;
  savedAt: string;
  changes: number;
  filePath?: string;
  unreadable?: string;
}

export class RecoveryError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'newer' | 'damaged',
  ) {
    super(message);
    this.name = 'RecoveryError';
  }
}

export function recoveryDir(userDataDir: string): string {
  return path.join(userDataDir, 'recovery');
}

/** File name for an id: safe ids as they are, anything else (slashes, dots, CJK) by hash. */
export function recoveryFileName(id: string): string {
  const safe = /^[A-Za-z0-9][A-Za-z0-9_-]{0,150}$/.test(id)
    ? id
    : `h-${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;
  return safe + RECOVERY_SUFFIX;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export async function writeRecovery(
  userDataDir: string,
  h: Omit<RecoveryHeader, 'sha256'>,
  payload: string,
): Promise<void> {
  const dir = recoveryDir(userDataDir);
  await fs.mkdir(dir, { recursive: true });
  const header: RecoveryHeader = { ...h, sha256: sha256(payload) };
  const text = `{"format":${JSON.stringify(RECOVERY_FORMAT)},"schema":${RECOVERY_SCHEMA},"header":${JSON.stringify(header)},\n"payload":${JSON.stringify(payload)}}\n`;
  await saveAtomic(path.join(dir, recoveryFileName(h.id)), text, { backup: false });
}

function newerMessage(schema: number): string {
  return `written by a newer Galley (recovery format ${schema}; this build reads ${RECOVERY_SCHEMA}). Update Galley to restore it; the file is kept`;
}

/** Reads the first line of a recovery file: its header, or why it cannot be used. */
async function readHead(file: string): Promise<{ header?: RecoveryHeader; schema?: number; problem?: string }> {
  // A regular file only (a FIFO placed there must not hang the listing).
  const text = (await readInputHead(file, HEADER_BYTES)).toString('utf8');
  const schemaMatch = /^\{"format":"galley-recovery","schema":(\d+)/.exec(text);
  if (!schemaMatch) return { problem: 'damaged: not a Galley recovery file; the file is kept' };
  const schema = Number(schemaMatch[1]);
  if (schema > RECOVERY_SCHEMA) return { schema, problem: newerMessage(schema) };
  const nl = text.indexOf('\n');
  try {
    if (nl < 0) throw new Error('no header line');
    const head = JSON.parse(text.slice(0, nl).replace(/,$/, '}')) as { header?: RecoveryHeader };
    const h = head.header;
    if (!h || typeof h.id !== 'string' || typeof h.savedAt !== 'string' || typeof h.changes !== 'number')
      throw new Error('incomplete header');
    return { header: h, schema };
  } catch (e) {
    return { schema, problem: `damaged: ${(e as Error).message}; the file is kept` };
  }
}

/** Every recovery file, newest first, with what it holds; unusable ones carry `unreadable`. */
export async function listRecovery(userDataDir: string): Promise<RecoveryListing[]> {
  const dir = recoveryDir(userDataDir);
  await sweepTempFilesIn(dir); // what a killed autosave left; only Galley temp files whose writer is gone
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(RECOVERY_SUFFIX));
  const out: RecoveryListing[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const stem = name.slice(0, -RECOVERY_SUFFIX.length);
    let head: Awaited<ReturnType<typeof readHead>>;
    try {
      head = await readHead(file);
    } catch (e) {
      head = { problem: `cannot be read: ${(e as Error).message}` };
    }
    const h = head.header;
    if (h && !head.problem) {
      out.push({
        id: h.id,
        issueId: h.issueId ?? '',
        title: h.title ?? '',
        savedAt: h.savedAt,
        changes: h.changes,
        ...(h.filePath ? { filePath: h.filePath } : {}),
      });
    } else {
      const mtime = await fs.stat(file).then(
        (s) => s.mtime.toISOString(),
        () => '',
      );
      out.push({
        id: stem,
        issueId: '',
        title: name,
        savedAt: mtime,
        changes: 0,
        unreadable: head.problem ?? 'damaged',
      });
    }
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The payload and header of one recovery file, checked whole (format, schema, checksum). */
export async function readRecovery(
  userDataDir: string,
  id: string,
): Promise<{ header: RecoveryHeader; payload: string }> {
  const file = path.join(recoveryDir(userDataDir), recoveryFileName(id));
  let text: string;
  try {
    // Bounded: the text must fit in one JS string, and a device or a FIFO is never read.
    text = (
      await readInputFile(file, { maxBytes: bufferConstants.MAX_STRING_LENGTH, what: 'a recovery file' })
    ).toString('utf8');
  } catch (e) {
    if (e instanceof InputError && e.code !== 'not-found')
      throw new RecoveryError(`the recovery file cannot be read (${e.message}); it is kept`, 'damaged');
    throw new RecoveryError(`no recovery file "${id}"`, 'not-found');
  }
  let raw: { format?: unknown; schema?: unknown; header?: RecoveryHeader; payload?: unknown };
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const schema = /^\{"format":"galley-recovery","schema":(\d+)/.exec(text);
    if (schema && Number(schema[1]) > RECOVERY_SCHEMA)
      throw new RecoveryError(newerMessage(Number(schema[1])), 'newer');
    throw new RecoveryError(`the recovery file is damaged (${(e as Error).message}); it is kept`, 'damaged');
  }
  if (raw.format !== RECOVERY_FORMAT) throw new RecoveryError('not a Galley recovery file; it is kept', 'damaged');
  if (typeof raw.schema === 'number' && raw.schema > RECOVERY_SCHEMA)
    throw new RecoveryError(newerMessage(raw.schema), 'newer');
  if (!raw.header || typeof raw.payload !== 'string')
    throw new RecoveryError('the recovery file is damaged (no header or payload); it is kept', 'damaged');
  if (sha256(raw.payload) !== raw.header.sha256)
    throw new RecoveryError('the recovery file is damaged (checksum mismatch); it is kept', 'damaged');
  return { header: raw.header, payload: raw.payload };
}

/** Removes a recovery file (after the user restored and saved, or chose to discard it). Missing is fine. */
export async function discardRecovery(userDataDir: string, id: string): Promise<void> {
  await fs.rm(path.join(recoveryDir(userDataDir), recoveryFileName(id)), { force: true });
}
