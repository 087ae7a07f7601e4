import { promises as fs } from 'node:fs';
import { readInputFile, InputError } from './read-input';
import { writeVerified } from './verified-write';

/**
 * The shared-editing history of an issue travels beside it as `NAME.galley.crdt` (a Loro snapshot): the issue file
 * stays readable and self-contained, and an issue without its history still opens (docs/collaboration.md).
 */
export const HISTORY_SUFFIX = '.crdt';

/** Largest history file read: far above what 100,000 recorded changes on a 100-page issue take. */
const MAX_HISTORY_BYTES = 512 * 1024 * 1024;

export function historyPath(issueFile: string): string {
  return issueFile + HISTORY_SUFFIX;
}

/** The history beside an issue file, or undefined when there is none (an issue never shared). */
export async function loadHistory(issueFile: string): Promise<Uint8Array | undefined> {
  const file = historyPath(issueFile);
  try {
    await fs.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return await readInputFile(file, {
      maxBytes: MAX_HISTORY_BYTES,
      what: 'a shared-editing history file',
      tooLargeHint: 'no history Galley writes is that large; move it aside and open the issue without it',
    });
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** Saves the history beside the issue, atomically and read back like the issue itself (verified-write.ts). */
export async function saveHistory(issueFile: string, bytes: Uint8Array): Promise<void> {
  await writeVerified(historyPath(issueFile), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
