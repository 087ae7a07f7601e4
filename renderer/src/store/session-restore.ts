import { validateIssue } from '@shared/issue-file/parse-issue';
import type { Issue } from '@shared/model/types';
import { applyOp, applyRecorded } from '@shared/ops/apply';
import type { Op } from '@shared/ops/op-schema';
import type { AppState, HistoryEntry } from './types';

/**
 * The recovery payload (issue 8): the document, its undo/redo history and where the proofreader was. It is the
 * opaque `payload` string of `recovery.write`; the host wraps it in its own envelope (recovery-store.ts).
 *
 * The history is stored as its operations, not as immer patches: operations on a 20,000-fragment issue replace
 * whole frozen arrays (articles, pool), so one step's patches weigh ~1 MB and 30 steps made a 35 MB payload.
 * Instead the payload holds the document as it was before the oldest kept step (`base`) and the steps'
 * operations; restoring replays them with `applyOp`, which rebuilds identical patches. `base` is serialized
 * once and reused while the oldest kept step stays the same, so a write costs a string concatenation.
 *
 * Layout, version 1:
 * `{"kind":"galley-session","v":1,"meta":{past,trimmed,savedMark,fileName,view,check},"steps":[{id,label,op,at}…],
 *   "base":Issue}` — `past` = how many of `steps` are undo steps (the rest are redo steps, next first);
 * `check` = counts of the current document, verified after the replay. A change that an older build could not
 * read must bump SESSION_VERSION: older builds then keep the file and say so instead of loading half of it.
 */
export const SESSION_KIND = 'galley-session';
export const SESSION_VERSION = 1;
/** Undo steps kept in the recovery file (the window may hold more); dropped in chunks of 100 so that the base
 *  document is re-serialized once per 100 steps, not on every write. */
export const RECOVERY_HISTORY_CAP = 300;
const CHUNK = 100;

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

interface Step { id: number; label: string; op: Op; at: number; logged?: string; coalesceKey?: string }
interface Check { fragments: number; articles: number; placed: number; pool: number; discarded: number; history: number; nextId: number }

function check(doc: Issue): Check {
  return {
    fragments: doc.pages.reduce((n, p) => n + p.fragments.length, 0),
    articles: doc.articles.length,
    placed: doc.articles.reduce((n, a) => n + a.items.length, 0),
    pool: doc.pool.length,
    discarded: doc.discarded.length,
    history: doc.history.length,
    nextId: doc.nextId,
  };
}

/** One-slot cache: the base document before step `key` and its JSON. */
let baseCache: { key: string; base: Issue; json: string } | null = null;

let uncached = 0;
function baseOf(doc: Issue, past: HistoryEntry[], start: number, future: HistoryEntry[]): { key: string; json: string } {
  const first = past[start] ?? future[0];
  const key = first ? `${doc.id}#${first.id}` : '';
  if (key && baseCache?.key === key) return baseCache;
  let base = doc;
  for (let i = past.length - 1; i >= start; i--) base = applyRecorded(base, past[i].inversePatches);
  const json = JSON.stringify(base);
  if (key) baseCache = { key, base, json };
  // No step at all (a restored, never-saved document): the base is the document itself, never cached.
  return { key: key || `none-${++uncached}`, json };
}

/** The time the operation recorded in the issue's correction log (its `history` patch), so a replay matches it. */
function loggedAt(e: HistoryEntry): string | undefined {
  // Either an `add` of the entry or a `replace` of the whole (frozen) log: the entry is the last one.
  const p = e.patches.findLast((x) => x.path[0] === 'history');
  const v = p?.value as { at?: unknown } | { at?: unknown }[] | undefined;
  const at = Array.isArray(v) ? v[v.length - 1]?.at : v?.at;
  return typeof at === 'string' ? at : undefined;
}

const step = (e: HistoryEntry): Step => {
  const logged = loggedAt(e);
  return { id: e.id, label: e.label, op: e.op, at: e.at, ...(logged ? { logged } : {}), ...(e.coalesceKey ? { coalesceKey: e.coalesceKey } : {}) };
};

/** The base document's own recovery file (written by autosave only when the base changes). */
export const BASE_KIND = 'galley-session-base';

/**
 * The session in two parts, as autosave writes them: the big base document (its JSON cached while the oldest
 * kept step stays the same; `baseKey` tells when it changed) and the small steps payload that names the
 * base file it needs (`baseRef`).
 */
export interface SessionSplit {
  baseKey: string;
  /** The base file's payload. */
  basePayload(): string;
  /** The steps payload, pointing at the base file `baseRef`. */
  steps(baseRef: string): string;
}

function parts(s: AppState): { key: string; json: string; meta: Record<string, unknown>; steps: Step[] } {
  if (!s.doc) throw new Error('no document');
  const over = s.past.length - RECOVERY_HISTORY_CAP;
  const start = over > 0 ? Math.ceil(over / CHUNK) * CHUNK : 0;
  const future = s.future.slice(0, RECOVERY_HISTORY_CAP);
  const { key, json } = baseOf(s.doc, s.past, start, future);
  const steps = [...s.past.slice(start), ...future].map(step);
  const meta = {
    past: s.past.length - start,
    trimmed: start > 0,
    savedMark: s.savedMark,
    fileName: s.file?.name ?? null,
    view: { page: s.currentPage, selection: s.selection, selectedArticle: s.selectedArticle },
    check: check(s.doc),
  };
  return { key, json, meta, steps };
}

export function splitSession(s: AppState): SessionSplit {
  const p = parts(s);
  return {
    baseKey: p.key,
    basePayload: () => `{"kind":"${BASE_KIND}","v":${SESSION_VERSION},"doc":${p.json}}`,
    steps: (baseRef) => `{"kind":"${SESSION_KIND}","v":${SESSION_VERSION},"meta":${JSON.stringify({ ...p.meta, baseRef })},"steps":${JSON.stringify(p.steps)}}`,
  };
}

/** The whole session in one payload (base inline): for tests and small documents. */
export function serializeSession(s: AppState): string {
  const p = parts(s);
  return `{"kind":"${SESSION_KIND}","v":${SESSION_VERSION},"meta":${JSON.stringify(p.meta)},"steps":${JSON.stringify(p.steps)},"base":${p.json}}`;
}

/** The base file a steps payload needs, if it is not inline (read it and pass it to `parseSession`). */
export function baseRefOf(payload: string): string | null {
  try {
    const ref = (JSON.parse(payload) as { meta?: { baseRef?: unknown } })?.meta?.baseRef;
    return typeof ref === 'string' ? ref : null;
  } catch {
    return null; // parseSession reports the damage
  }
}

const isStep = (e: unknown): e is Step => {
  const x = e as Step;
  return !!x && typeof x.id === 'number' && typeof x.label === 'string' && typeof x.at === 'number' && !!x.op && typeof x.op === 'object';
};

/**
 * Reads a payload back. The base document is checked like an issue file (schema and no-text-lost semantics),
 * the steps are replayed and the result checked against the counts recorded at write time. History entries get
 * fresh negative ids: this window numbers its own new entries from 1, and the saved mark must keep pointing at
 * the same step.
 * @throws SessionPayloadError `newer` for a payload of a newer build (kept, not loaded), `damaged` otherwise.
 */
export function parseSession(payload: string, basePayload?: string): SessionPayload {
  let raw: { kind?: unknown; v?: unknown; meta?: Record<string, unknown>; steps?: unknown; base?: unknown };
  try {
    raw = JSON.parse(payload) as typeof raw;
  } catch (e) {
    throw new SessionPayloadError(`the recovery data is damaged (${(e as Error).message})`, 'damaged');
  }
  if (!raw || raw.kind !== SESSION_KIND) throw new SessionPayloadError('the recovery data is not a Galley session', 'damaged');
  if (typeof raw.v !== 'number' || raw.v > SESSION_VERSION) {
    throw new SessionPayloadError(`the recovery data was written by a newer Galley (session format ${String(raw.v)}; this build reads ${SESSION_VERSION}); update Galley to restore it`, 'newer');
  }
  if (raw.base === undefined && basePayload !== undefined) {
    let b: { kind?: unknown; v?: unknown; doc?: unknown };
    try {
      b = JSON.parse(basePayload) as typeof b;
    } catch (e) {
      throw new SessionPayloadError(`the recovered base document is damaged (${(e as Error).message})`, 'damaged');
    }
    if (b?.kind !== BASE_KIND) throw new SessionPayloadError('the recovered base document is not a Galley session base', 'damaged');
    if (typeof b.v !== 'number' || b.v > SESSION_VERSION) throw new SessionPayloadError(`the recovery data was written by a newer Galley (session format ${String(b.v)}; this build reads ${SESSION_VERSION}); update Galley to restore it`, 'newer');
    raw.base = b.doc;
  }
  if (raw.base === undefined) throw new SessionPayloadError('the recovered document is missing (its base file is gone)', 'damaged');
  let doc: Issue;
  try {
    doc = validateIssue(raw.base);
  } catch (e) {
    throw new SessionPayloadError(`the recovered document is damaged: ${(e as Error).message}`, 'damaged');
  }
  const meta = raw.meta ?? {};
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  const nPast = typeof meta.past === 'number' ? meta.past : -1;
  if (!steps.every(isStep) || nPast < 0 || nPast > steps.length) throw new SessionPayloadError('the recovered undo history is damaged', 'damaged');

  const total = steps.length;
  const remap = new Map<number, number>();
  const past: HistoryEntry[] = [];
  const future: HistoryEntry[] = [];
  let cur = doc;
  let current = doc;
  try {
    steps.forEach((st, i) => {
      const r = applyOp(cur, st.op, { at: typeof st.logged === 'string' ? st.logged : new Date(st.at).toISOString() });
      const id = -(total - i);
      remap.set(st.id, id);
      const entry: HistoryEntry = { id, label: st.label, patches: r.patches, inversePatches: r.inversePatches, op: st.op, at: st.at, sealed: true, ...(st.coalesceKey ? { coalesceKey: st.coalesceKey } : {}) };
      (i < nPast ? past : future).push(entry);
      cur = r.issue;
      if (i === nPast - 1) current = cur;
    });
  } catch (e) {
    throw new SessionPayloadError(`the recovered undo history does not replay: ${(e as Error).message}`, 'damaged');
  }
  if (nPast === 0) current = doc;
  if (meta.check && JSON.stringify(check(current)) !== JSON.stringify(meta.check)) {
    throw new SessionPayloadError('the recovered document does not match what was written (replay gave different counts)', 'damaged');
  }
  const mark = typeof meta.savedMark === 'number' ? meta.savedMark : -1;
  // A mark that pointed at no step we know (the saved state was trimmed away) must never equal a live id.
  // Mark 0 is the state before the first step: still the base only when no older steps were dropped.
  const savedMark = mark === 0 && !meta.trimmed ? 0 : remap.get(mark) ?? -(total + 1);
  const v = (meta.view ?? {}) as Partial<SessionView>;
  const view: SessionView = {
    page: Number.isInteger(v.page) && v.page! >= 0 && v.page! < current.pages.length ? v.page! : 0,
    selection: Array.isArray(v.selection) ? v.selection.filter((x): x is string => typeof x === 'string') : [],
    selectedArticle: typeof v.selectedArticle === 'string' ? v.selectedArticle : null,
  };
  return { doc: current, past, future, savedMark, fileName: typeof meta.fileName === 'string' ? meta.fileName : null, view };
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
