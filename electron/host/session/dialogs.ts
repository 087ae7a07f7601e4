import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError } from '../../../shared/ipc/contract';
import type { Dialogs } from '../services/handlers';
import { containPath, containRelative, pathTextProblem } from '../security/containment';
import type { Out } from '../../../shared/ipc/contract';
import { folderScope, type HostScope } from '../security/host-scope';

/** Dialog channels a queued answer can be given for. */
export const DIALOG_CHANNELS = [
  'dialog.openIssue',
  'dialog.importPages',
  'dialog.saveIssueAs',
  'dialog.exportTo',
  'dialog.confirm',
] as const;
export type DialogChannel = (typeof DIALOG_CHANNELS)[number];

/** File dialogs answer paths (relative to the root, or absolute inside it) or null (cancel); confirm answers a button. */
export type DialogAnswer = string[] | string | number | null;

/**
 * Dialogs of the browser host: there is no native dialog in a browser, so each dialog call takes the next answer
 * queued for its channel. Answers come from the test (`POST /__test/dialog`, test mode only) or from the user
 * through the renderer's in-app file picker (`files.choose`). Every path must stay inside the launch root: the browser
 * host never reads or writes outside the folder it was started on. An answer is checked by its text when queued
 * and again, on the real path (symlinks, hard links), when a dialog takes it and before any folder is made.
 *
 * With an empty queue a dialog throws in test mode (a forgotten `queueDialog` fails loudly) and answers
 * "cancelled" otherwise.
 */
export class QueueDialogs implements Dialogs {
  private readonly queues = new Map<DialogChannel, DialogAnswer[]>();

  private readonly scope: HostScope;

  constructor(
    readonly root: string,
    private readonly strict: boolean,
  ) {
    this.scope = folderScope(root);
  }

  /** Validates and queues an answer; throws a HostError for a path outside the root or a wrong shape. */
  push(channel: string, answer: DialogAnswer): void {
    if (!(DIALOG_CHANNELS as readonly string[]).includes(channel))
      throw new HostError(`not a dialog channel: ${channel.slice(0, 100)}`, 'invalid-input');
    const ch = channel as DialogChannel;
    if (answer !== null) {
      if (ch === 'dialog.confirm') {
        if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0)
          throw new HostError('a confirm answer is a button index', 'invalid-input');
      } else {
        const list = typeof answer === 'string' ? [answer] : answer;
        if (!Array.isArray(list) || !list.length || list.some((p) => typeof p !== 'string'))
          throw new HostError('a file dialog answer is a list of paths or null', 'invalid-input');
        for (const p of list) this.inside(p);
      }
    }
    const q = this.queues.get(ch) ?? [];
    q.push(answer);
    this.queues.set(ch, q);
  }

  pending(): Record<string, number> {
    return Object.fromEntries([...this.queues].map(([k, v]) => [k, v.length]));
  }

  /** A path inside the root, or a refusal. Absolute paths are accepted when they lie inside the root. */
  inside(p: string): string {
    const root = path.resolve(this.root);
    const rel = path.isAbsolute(p) ? path.relative(root, p) : p;
    const full = containRelative(root, rel);
    if (!full || full === root)
      throw new HostError(`"${p.slice(0, 200)}" is outside the folder the browser host was started on`, 'refused');
    const problem = pathTextProblem(path.relative(root, full), 'all') ?? pathTextProblem(p, 'last');
    if (problem) throw new HostError(problem, 'refused');
    return full;
  }

  private take(ch: DialogChannel): DialogAnswer {
    const q = this.queues.get(ch);
    if (q && q.length) return q.shift() as DialogAnswer;
    if (this.strict)
      throw new HostError(
        `no answer queued for ${ch}: the test must call host.queueDialog('${ch}', …) first`,
        'failed',
      );
    return null;
  }

  /** The answer's real paths inside the root (folder-scope check: symlinks leading out, hard links, devices). */
  private async paths(ch: DialogChannel, use: 'read' | 'write'): Promise<string[] | null> {
    const a = this.take(ch);
    if (a === null) return null;
    const list = typeof a === 'string' ? [a] : (a as string[]);
    const out: string[] = [];
    for (const p of list) out.push(await this.scope.admit(this.inside(p), use));
    return out;
  }

  async openIssue(): Promise<string | null> {
    return (await this.paths('dialog.openIssue', 'read'))?.[0] ?? null;
  }
  async importPages(): Promise<string[] | null> {
    return this.paths('dialog.importPages', 'read');
  }
  async saveIssueAs(): Promise<string | null> {
    const p = (await this.paths('dialog.saveIssueAs', 'write'))?.[0] ?? null;
    if (p) await fs.mkdir(path.dirname(p), { recursive: true });
    return p;
  }
  async exportTo(opts: { directory: boolean }): Promise<string | null> {
    const p = (await this.paths('dialog.exportTo', 'write'))?.[0] ?? null;
    if (p) await fs.mkdir(opts.directory ? p : path.dirname(p), { recursive: true });
    return p;
  }
  async confirm(opts: { buttons: string[] }): Promise<number> {
    const a = this.take('dialog.confirm');
    return typeof a === 'number' ? Math.min(a, opts.buttons.length - 1) : opts.buttons.length - 1;
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', 'release']);

/** Most entries one folder listing returns: a picker is for choosing, not for browsing a huge folder. */
export const MAX_LISTED = 2000;

/**
 * One folder of the launch folder for the in-app picker (`files.list`): `dir` relative to the root. The folder
 * must lie inside the root after realpath (containment.ts); entries are its folders and files without hidden and
 * build folders, and a link is listed only when its target lies inside the root too (so nothing outside is listed).
 */
export async function listFolder(root: string, dir: string): Promise<Out<'files.list'>> {
  const abs = path.resolve(root);
  const rel = dir.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const where = 'the folder the browser host was started on';
  const real = await containPath(rel || '.', abs, [abs], { what: 'the folder to list', where, mustExist: true });
  if (!(await fs.stat(real)).isDirectory()) throw new HostError(`"${rel}" is not a folder`, 'failed');
  const entries = await fs.readdir(real, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: Out<'files.list'>['entries'] = [];
  for (const e of entries) {
    if (out.length >= MAX_LISTED) break;
    if (e.name.startsWith('.')) continue;
    let kind: 'dir' | 'file' | null = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : null;
    let size: number | undefined;
    const full = path.join(real, e.name);
    if (e.isSymbolicLink() || kind === 'file') {
      const target = await containPath(path.relative(abs, full), abs, [abs], {
        what: 'a listed file',
        where,
        mustExist: true,
      }).catch(() => null);
      const st = target ? await fs.stat(target).catch(() => null) : null;
      kind = st?.isDirectory() ? 'dir' : st?.isFile() ? 'file' : null;
      size = st?.isFile() ? st.size : undefined;
    }
    if (!kind || (kind === 'dir' && SKIP_DIRS.has(e.name))) continue;
    out.push({ name: e.name, kind, ...(size !== undefined ? { size } : {}) });
  }
  const shownDir = path.relative(abs, path.join(abs, rel)).split(path.sep).join('/');
  return { root: path.basename(abs), dir: shownDir, entries: out, truncated: out.length >= MAX_LISTED };
}
