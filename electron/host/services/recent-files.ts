import { promises as fs } from 'node:fs';
import path from 'node:path';
import { saveAtomic } from './atomic-save';

/** Issue files recently opened or saved, newest first, in `<userData>/recent.json`. */
export interface RecentEntry {
  path: string;
  openedAt: string;
}

export const MAX_RECENT = 20;
const FILE = 'recent.json';

/**
 * Reads the list; a missing or damaged file is an empty list (the list is a convenience, never worth an error
 * dialog), and entries whose file is gone are left out.
 */
export async function readRecent(userDataDir: string): Promise<RecentEntry[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(path.join(userDataDir, FILE), 'utf8'));
  } catch {
    return [];
  }
  const items = (raw as { items?: unknown })?.items;
  if (!Array.isArray(items)) return [];
  const out: RecentEntry[] = [];
  for (const it of items) {
    const e = it as Partial<RecentEntry>;
    if (typeof e?.path !== 'string' || typeof e.openedAt !== 'string' || !path.isAbsolute(e.path)) continue;
    if (
      await fs.stat(e.path).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      out.push({ path: e.path, openedAt: e.openedAt });
    if (out.length >= MAX_RECENT) break;
  }
  return out;
}

/** Puts `file` at the top of the list (atomically rewritten; no .bak: it is rebuilt by use). */
export async function recordRecent(userDataDir: string, file: string, now = new Date()): Promise<RecentEntry[]> {
  const abs = path.resolve(file);
  const items = [
    { path: abs, openedAt: now.toISOString() },
    ...(await readRecent(userDataDir)).filter((e) => e.path !== abs),
  ].slice(0, MAX_RECENT);
  await fs.mkdir(userDataDir, { recursive: true });
  await saveAtomic(path.join(userDataDir, FILE), JSON.stringify({ version: 1, items }, null, 2) + '\n', {
    backup: false,
  });
  return items;
}
