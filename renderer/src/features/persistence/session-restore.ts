import type { Issue } from '@shared/model/types';
import { applyOp, applyRecorded } from '@shared/ops/apply';
import {
  basePayloadText,
  readSessionPayload,
  sessionCheck as check,
  stepsPayloadText,
  SessionPayloadError,
  type SessionStep as Step,
} from '@shared/issue-file/session-payload';
import type { AppState, HistoryEntry } from '../../store/types';

export {
  baseRefOf,
  SESSION_KIND,
  SESSION_VERSION,
  BASE_KIND,
  SessionPayloadError,
} from '@shared/issue-file/session-payload';

/**
 * The recovery payload (its layout: shared/issue-file/session-payload.ts) from the window's state and back: the
 * document, its undo/redo history and where the proofreader was.
 *
 * The history is stored as its operations, not as immer patches: operations on a 20,000-fragment issue replace
 * whole frozen arrays (articles, pool), so one step's patches weigh ~1 MB and 30 steps made a 35 MB payload.
 * Instead the payload holds the document as it was before the oldest kept step (`base`) and the steps'
 * operations; restoring replays them with `applyOp`, which rebuilds identical patches. `base` is serialized
 * once and reused while the oldest kept step stays the same, so a write costs a string concatenation.
 */

/** Undo steps kept in the recovery file (the window may hold more); dropped in chunks of 100 so that the base
 *  document is re-serialized once per 100 steps, not on every write. */
export const RECOVERY_HISTORY_CAP = 300;
const CHUNK = 100;

export interface SessionView {
  page: number;
  selection: string[];
  selectedArticle: string | null;
}

export interface SessionPayload {
  doc: Issue;
  past: HistoryEntry[];
  future: HistoryEntry[];
  savedMark: number;
  fileName: string | null;
  view: SessionView;
}

/** Number of history steps between the saved state and now (what "unsaved changes" counts). */
export function unsavedChanges(s: Pick<AppState, 'past' | 'savedMark'>): number {
  if (s.savedMark === 0) return s.past.length;
  const i = s.past.findIndex((e) => e.id === s.savedMark);
  return i >= 0 ? s.past.length - 1 - i : s.past.length;
}

/** One-slot cache: the base document before step `key` and its JSON. */
let baseCache: { key: string; base: Issue; json: string } | null = null;

let uncached = 0;
function baseOf(
  doc: Issue,
  past: HistoryEntry[],
  start: number,
  future: HistoryEntry[],
): { key: string; json: string } {
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
  return {
    id: e.id,
    label: e.label,
    op: e.op,
    at: e.at,
    ...(logged ? { logged } : {}),
    ...(e.coalesceKey ? { coalesceKey: e.coalesceKey } : {}),
  };
};

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
    basePayload: () => basePayloadText(p.json),
    steps: (baseRef) => stepsPayloadText({ ...p.meta, baseRef }, p.steps),
  };
}

/** The whole session in one payload (base inline): for tests and small documents. */
export function serializeSession(s: AppState): string {
  const p = parts(s);
  return stepsPayloadText(p.meta, p.steps, p.json);
}

/**
 * Reads a payload back. The base document is checked like an issue file (schema and no-text-lost semantics),
 * the steps are replayed and the result checked against the counts recorded at write time. History entries get
 * fresh negative ids: this window numbers its own new entries from 1, and the saved mark must keep pointing at
 * the same step.
 * @throws SessionPayloadError `newer` for a payload of a newer build (kept, not loaded), `damaged` otherwise.
 */
export function parseSession(payload: string, basePayload?: string): SessionPayload {
  const { base: doc, meta, steps, past: nPast } = readSessionPayload(payload, basePayload);

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
      const entry: HistoryEntry = {
        id,
        label: st.label,
        patches: r.patches,
        inversePatches: r.inversePatches,
        op: st.op,
        at: st.at,
        sealed: true,
        ...(st.coalesceKey ? { coalesceKey: st.coalesceKey } : {}),
      };
      (i < nPast ? past : future).push(entry);
      cur = r.issue;
      if (i === nPast - 1) current = cur;
    });
  } catch (e) {
    throw new SessionPayloadError(`the recovered undo history does not replay: ${(e as Error).message}`, 'damaged');
  }
  if (nPast === 0) current = doc;
  if (meta.check && JSON.stringify(check(current)) !== JSON.stringify(meta.check)) {
    throw new SessionPayloadError(
      'the recovered document does not match what was written (replay gave different counts)',
      'damaged',
    );
  }
  const mark = typeof meta.savedMark === 'number' ? meta.savedMark : -1;
  // A mark that pointed at no step we know (the saved state was trimmed away) must never equal a live id.
  // Mark 0 is the state before the first step: still the base only when no older steps were dropped.
  const savedMark = mark === 0 && !meta.trimmed ? 0 : (remap.get(mark) ?? -(total + 1));
  const v = (meta.view ?? {}) as Partial<SessionView>;
  const view: SessionView = {
    page: Number.isInteger(v.page) && v.page! >= 0 && v.page! < current.pages.length ? v.page! : 0,
    selection: Array.isArray(v.selection) ? v.selection.filter((x): x is string => typeof x === 'string') : [],
    selectedArticle: typeof v.selectedArticle === 'string' ? v.selectedArticle : null,
  };
  return {
    doc: current,
    past,
    future,
    savedMark,
    fileName: typeof meta.fileName === 'string' ? meta.fileName : null,
    view,
  };
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
    return {
      page: v.page!,
      selection: Array.isArray(v.selection) ? v.selection.filter((x) => typeof x === 'string') : [],
      selectedArticle: typeof v.selectedArticle === 'string' ? v.selectedArticle : null,
    };
  } catch {
    return null;
  }
}
