import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Issue } from '../../../shared/model/types';
import { RECOVERY_SUFFIX } from './recovery-store';

/**
 * What an export may write over. Never the issue itself, its `.bak`, a recovery file, or the page files and scans
 * the issue was imported from — whichever way the path is spelled (`./x/../issue.galley.json`), through a
 * symbolic link, or as another hard link of the same file (same device and inode). Any other existing file is
 * replaced only when the user said so (`replace`: the UI's confirm, the CLI's `--force`).
 */
export interface ExportGuard {
  /** The issue file being exported, when it has one. */
  issueFile?: string;
  /** Folder the page source paths are relative to (the issue's folder). */
  sourceDir?: string;
  /** The recovery folder (desktop and browser hosts). */
  recoveryDir?: string;
  /** Existing files may be replaced. */
  replace?: boolean;
}

export class ExportTargetError extends Error {
  /** `protected`: refused whatever the user says. `exists`: allowed after a confirm; `files` lists them. */
  constructor(
    message: string,
    readonly code: 'protected' | 'exists',
    readonly files: string[] = [],
  ) {
    super(message);
    this.name = 'ExportTargetError';
  }
}

interface Identity {
  real: string;
  dev?: number;
  ino?: number;
}

/** The path with links resolved (its folder's, when the file does not exist) and, when it exists, its inode. */
async function identity(file: string): Promise<Identity> {
  const abs = path.resolve(file);
  const real = await fs
    .realpath(abs)
    .catch(async () =>
      path.join(await fs.realpath(path.dirname(abs)).catch(() => path.dirname(abs)), path.basename(abs)),
    );
  const st = await fs.stat(abs).catch(() => undefined);
  return st && st.ino > 0 ? { real, dev: st.dev, ino: st.ino } : { real };
}

const same = (a: Identity, b: Identity) =>
  a.real === b.real || (a.ino !== undefined && a.ino === b.ino && a.dev === b.dev);

/** The files of `issue` an export must never replace, each with what it is (for the message). */
function protectedFiles(issue: Issue, guard: ExportGuard): { file: string; what: string }[] {
  const out: { file: string; what: string }[] = [];
  if (guard.issueFile) {
    out.push({ file: guard.issueFile, what: 'the issue file itself' });
    out.push({ file: `${guard.issueFile}.bak`, what: 'the backup of the issue' });
  }
  const at = (p: string) => (path.isAbsolute(p) ? p : guard.sourceDir ? path.resolve(guard.sourceDir, p) : undefined);
  for (const page of issue.pages) {
    const src = page.source?.name ? at(page.source.name) : undefined;
    if (src) out.push({ file: src, what: `the source file of page ${page.label}` });
    const img = page.image && !page.image.src.startsWith('data:') ? at(page.image.src) : undefined;
    if (img) out.push({ file: img, what: `the scan of page ${page.label}` });
  }
  return out;
}

/**
 * Checks every file an export is about to write. @throws ExportTargetError `protected` (never allowed) or
 * `exists` (existing files, allowed with `guard.replace`).
 */
export async function checkExportTargets(issue: Issue, files: string[], guard: ExportGuard = {}): Promise<void> {
  const guarded = await Promise.all(
    protectedFiles(issue, guard).map(async (p) => ({ ...p, id: await identity(p.file) })),
  );
  const recovery = guard.recoveryDir ? (await identity(guard.recoveryDir)).real : undefined;
  const existing: string[] = [];
  for (const file of files) {
    const id = await identity(file);
    const name = path.basename(file);
    const hit = guarded.find((g) => same(g.id, id));
    if (hit)
      throw new ExportTargetError(
        `export refused: ${name} is ${hit.what} (${path.basename(hit.file)}); choose another name`,
        'protected',
      );
    const inRecovery =
      recovery &&
      !path.relative(recovery, id.real).startsWith('..') &&
      !path.isAbsolute(path.relative(recovery, id.real));
    if (inRecovery || name.endsWith(RECOVERY_SUFFIX))
      throw new ExportTargetError(
        `export refused: ${name} is a Galley recovery file; choose another name`,
        'protected',
      );
    if (id.ino !== undefined) existing.push(file);
  }
  if (existing.length && !guard.replace) {
    const names = existing.map((f) => path.basename(f));
    throw new ExportTargetError(
      `${existing.length === 1 ? `${names[0]} exists` : `${existing.length} files exist (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})`}; replace ${existing.length === 1 ? 'it' : 'them'}?`,
      'exists',
      existing,
    );
  }
}
