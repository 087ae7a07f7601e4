import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError } from '../../../shared/ipc/contract';
import type { Dialogs } from '../services/handlers';
import { containRelative, pathTextProblem } from '../security/containment';
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
 * through the page shim's prompt (`POST /web/choose`). Every path must stay inside the launch root: the browser
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

/**
 * Files the user may pick in the browser host's prompt: the launch folder, three levels deep, without hidden
 * and build folders, at most `limit` entries, as paths relative to the root with `/` separators.
 */
export async function listRootFiles(root: string, limit = 2000): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (out.length >= limit) return;
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isFile()) out.push(r);
      else if (e.isDirectory() && depth < 3 && !SKIP_DIRS.has(e.name)) await walk(path.join(dir, e.name), r, depth + 1);
    }
  };
  await walk(path.resolve(root), '', 1);
  return out;
}
