import type { Issue } from '@shared/model/types';
import type { CommandContext } from '../../commands/types';
import { autosaveFor } from '../persistence/autosave';
import { baseRefOf, parseSession, type SessionPayload } from '../persistence/session-restore';
import { compareRecovered, type RecoveryDiff } from './compare';

interface Read {
  session: SessionPayload;
  file: { token: string; name: string } | null;
}

/** Ids of the base-document files autosave writes next to a session's steps file (`<id>--base<n>`). */
export const isBaseFile = (id: string) => /--base\d+$/.test(id);

async function read(ctx: CommandContext, id: string): Promise<Read & { baseRef: string | null }> {
  const r = await ctx.host.invoke('recovery.read', { id });
  const baseRef = baseRefOf(r.payload);
  const base = baseRef ? (await ctx.host.invoke('recovery.read', { id: baseRef })).payload : undefined;
  return { session: parseSession(r.payload, base), file: r.file ?? null, baseRef };
}

/**
 * Restores a recovery file: the document, its undo AND redo history, the page and selection. The window keeps
 * writing to the same recovery file (adopt), which is removed only once the restored document is saved.
 * @throws the host's or the payload's error (newer build, damaged) for the dialog to show; nothing is changed then.
 */
export async function restoreRecovery(ctx: CommandContext, id: string): Promise<void> {
  const { session, file, baseRef } = await read(ctx, id);
  const known = new Set(session.doc.pages.flatMap((p) => p.fragments.map((f) => f.id)));
  const selection = session.view.selection.filter((x) => known.has(x));
  autosaveFor(ctx.store)?.adopt(id, baseRef);
  ctx.store.getState().set({
    doc: session.doc,
    past: session.past,
    future: session.future,
    // Without its issue file the document was never saved: keep it dirty, whatever the mark said.
    savedMark: file ? session.savedMark : Number.MIN_SAFE_INTEGER,
    file,
    savedAt: null,
    currentPage: session.view.page,
    selection,
    cursor: selection[selection.length - 1] ?? null,
    anchor: selection[0] ?? null,
    selectedArticle:
      session.view.selectedArticle && session.doc.articles.some((a) => a.id === session.view.selectedArticle)
        ? session.view.selectedArticle
        : null,
    caret: null,
    rolePending: false,
  });
}

/** The summary diff of a recovery file against its saved issue file (when it still exists). */
export async function compareRecovery(ctx: CommandContext, id: string): Promise<RecoveryDiff> {
  const { session, file } = await read(ctx, id);
  let saved: Issue | null = null;
  if (file) saved = (await ctx.host.invoke('issue.open', { token: file.token }).catch(() => null))?.issue ?? null;
  return compareRecovered(saved, session.doc, session.past.length);
}
