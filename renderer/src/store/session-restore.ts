import { parseIssue } from '@shared/model/parse-issue';
import type { Issue } from '@shared/model/types';
import type { AppState, HistoryEntry } from './types';

/**
 * The recovery payload (issue 8): the document, its undo/redo history and where the proofreader was. It is the
 * opaque `payload` string of `recovery.write`; the host wraps it in its own envelope (recovery-store.ts).
 *
 * Layout, version 1:
 * `{"kind":"galley-session","v":1,"doc":Issue,"past":HistoryEntry[],"future":HistoryEntry[],"savedMark":n,
 *   "fileName":string|null,"view":{"page":n,"selection":string[],"selectedArticle":string|null}}`
 * Patches are immer's JSON patches, so the history survives JSON as is. A change that an older build could not
 * read must bump SESSION_VERSION: older builds then keep the file and say so instead of loading half of it.
 */
export const SESSION_KIND = 'galley-session';
export const SESSION_VERSION = 1;

export interface SessionView { page: number; selection: string[]; selectedArticle: string | null }

export interface SessionPayload {
  doc: Issue;
  past: HistoryEntry[];
  future: HistoryEntry[];
  savedMark: number;
  fileName: string | null;
  view: SessionView;
}

export class SessionPayloadError extends Error {
  constructor(message: string, readonly code: 'newer' | 'damaged') { super(message); this.name = 'SessionPayloadError'; }
}

/** Number of history steps between the saved state and now (what "unsaved changes" counts). */
export function unsavedChanges(s: Pick<AppState, 'past' | 'savedMark'>): number {
  if (s.savedMark === 0) return s.past.length;
  const i = s.past.findIndex((e) => e.id === s.savedMark);
  return i >= 0 ? s.past.length - 1 - i : s.past.length;
}

export function serializeSession(s: AppState): string {
  if (!s.doc) throw new Error('no document');
  return JSON.stringify({
    kind: SESSION_KIND,
    v: SESSION_VERSION,
    doc: s.doc,
    past: s.past,
    future: s.future,
    savedMark: s.savedMark,
    fileName: s.file?.name ?? null,
    view: { page: s.currentPage, selection: s.selection, selectedArticle: s.selectedArticle },
  });
}

const isEntry = (e: unknown): e is HistoryEntry => {
  const x = e as HistoryEntry;
  return !!x && typeof x.id === 'number' && typeof x.label === 'string' && Array.isArray(x.patches) && Array.isArray(x.inversePatches) && !!x.op;
};

/**
 * Reads a payload back. The document is checked like an issue file (schema and no-text-lost semantics). History
 * entries get fresh negative ids: this window numbers its own new entries from 1, and the saved mark must keep
 * pointing at the same step.
 * @throws SessionPayloadError `newer` for a payload of a newer build (kept, not loaded), `damaged` otherwise.
 */
export function parseSession(payload: string): SessionPayload {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(payload) as Record<string, unknown>;
  } catch (e) {
    throw new SessionPayloadError(`the recovery data is damaged (${(e as Error).message})`, 'damaged');
  }
  if (!raw || raw.kind !== SESSION_KIND) throw new SessionPayloadError('the recovery data is not a Galley session', 'damaged');
  if (typeof raw.v !== 'number' || raw.v > SESSION_VERSION) {
    throw new SessionPayloadError(`the recovery data was written by a newer Galley (session format ${String(raw.v)}; this build reads ${SESSION_VERSION}); update Galley to restore it`, 'newer');
  }
  let doc: Issue;
  try {
    doc = parseIssue(JSON.stringify(raw.doc));
  } catch (e) {
    throw new SessionPayloadError(`the recovered document is damaged: ${(e as Error).message}`, 'damaged');
  }
  const past = Array.isArray(raw.past) ? raw.past : [];
  const future = Array.isArray(raw.future) ? raw.future : [];
  if (!past.every(isEntry) || !future.every(isEntry)) throw new SessionPayloadError('the recovered undo history is damaged', 'damaged');
  const total = past.length + future.length;
  const remap = new Map<number, number>();
  const renumber = (e: HistoryEntry, i: number): HistoryEntry => {
    const id = -(total - i);
    remap.set(e.id, id);
    return { ...e, id, sealed: true };
  };
  const newPast = past.map((e, i) => renumber(e, i));
  const newFuture = future.map((e, i) => renumber(e, past.length + i));
  const mark = typeof raw.savedMark === 'number' ? raw.savedMark : -1;
  // A mark that pointed at no step we know (the saved state was trimmed away) must never equal a live id.
  const savedMark = mark === 0 ? 0 : remap.get(mark) ?? -(total + 1);
  const v = (raw.view ?? {}) as Partial<SessionView>;
  const view: SessionView = {
    page: Number.isInteger(v.page) && v.page! >= 0 && v.page! < doc.pages.length ? v.page! : 0,
    selection: Array.isArray(v.selection) ? v.selection.filter((x): x is string => typeof x === 'string') : [],
    selectedArticle: typeof v.selectedArticle === 'string' ? v.selectedArticle : null,
  };
  return { doc, past: newPast, future: newFuture, savedMark, fileName: typeof raw.fileName === 'string' ? raw.fileName : null, view };
}

/** The last page and selection of an issue, kept per issue id in localStorage (survives restarts in Electron). */
const VIEW_KEY = 'galley.view.';

export function rememberView(issueId: string, view: SessionView): void {
  try {
    localStorage.setItem(VIEW_KEY + issueId, JSON.stringify({ ...view, selection: view.selection.slice(0, 200) }));
  } catch {
    // Storage full or disabled: the last position is a convenience only.
  }
}

export function recallView(issue: Issue): SessionView | null {
  try {
    const v = JSON.parse(localStorage.getItem(VIEW_KEY + issue.id) ?? 'null') as Partial<SessionView> | null;
    if (!v || !Number.isInteger(v.page) || v.page! < 0 || v.page! >= issue.pages.length) return null;
    return { page: v.page!, selection: Array.isArray(v.selection) ? v.selection.filter((x) => typeof x === 'string') : [], selectedArticle: typeof v.selectedArticle === 'string' ? v.selectedArticle : null };
  } catch {
    return null;
  }
}
