import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  FindError,
  findAll,
  findWordListHits,
  parseWordList,
  replaceOp,
  type FindHit,
  type WordListEntry,
  type WordListProblem,
} from '@shared/find-replace';
import type { AppStore } from '../../store/create-store';

/** Per-hit decision: undecided hits are applied by "Accept all" but not by "Replace accepted". */
export type HitDecision = 'accepted' | 'skipped';

/** A loaded newsroom word list (read in the renderer: `<input type=file>` → `parseWordList`). */
export interface LoadedWordList {
  name: string;
  entries: WordListEntry[];
}

export interface FindPanelState {
  open: boolean;
  find: string;
  replace: string;
  regex: boolean;
  caseSensitive: boolean;
  /** What the hits came from: the find field, or the loaded word list. */
  mode: 'find' | 'wordlist';
  hits: FindHit[];
  truncated: boolean;
  /** Whether a search ran since the last change of the query (to tell "no hits" from "not searched"). */
  searched: boolean;
  decisions: Record<string, HitDecision>;
  error: string | null;
  wordList: LoadedWordList | null;
  /** Problems of the last word list file that did not load, with their line numbers. */
  wordListProblems: WordListProblem[];
  /** How many occurrences the last replacement changed (shown until the query changes); null before any. */
  lastReplaced: number | null;
  /** Counts the openings: each one focuses the find field with its text selected, ready to type over. */
  openedAt: number;
}

const initial = (): FindPanelState => ({
  open: false,
  find: '',
  replace: '',
  regex: false,
  caseSensitive: true,
  mode: 'find',
  hits: [],
  truncated: false,
  searched: false,
  decisions: {},
  error: null,
  wordList: null,
  wordListProblems: [],
  lastReplaced: null,
  openedAt: 0,
});

const panels = new WeakMap<AppStore, StoreApi<FindPanelState>>();

/** The Find & replace panel state of an app store (one per window). */
export function findPanel(store: AppStore): StoreApi<FindPanelState> {
  let p = panels.get(store);
  if (!p) {
    p = createStore<FindPanelState>()(initial);
    panels.set(store, p);
  }
  return p;
}

export function openFind(store: AppStore, find?: string): void {
  const p = findPanel(store);
  p.setState({ open: true, openedAt: p.getState().openedAt + 1, ...(find !== undefined ? { find } : {}) });
}

export function closeFind(store: AppStore): void {
  findPanel(store).setState({ open: false });
}

/** Edits the query; the listed hits are dropped (they belong to the previous query). */
export function setQuery(
  store: AppStore,
  patch: Partial<Pick<FindPanelState, 'find' | 'replace' | 'regex' | 'caseSensitive'>>,
): void {
  findPanel(store).setState({
    ...patch,
    hits: [],
    decisions: {},
    searched: false,
    error: null,
    truncated: false,
    lastReplaced: null,
  });
}

/** Runs the find field over the articles of the issue (board order). An invalid pattern is shown, not thrown. */
export function runFind(store: AppStore): FindHit[] {
  const doc = store.getState().doc;
  const p = findPanel(store);
  const q = p.getState();
  if (!doc || !q.find) {
    p.setState({ hits: [], decisions: {}, searched: false, error: null });
    return [];
  }
  try {
    const { hits, truncated } = findAll(doc, {
      find: q.find,
      replace: q.replace,
      regex: q.regex,
      caseSensitive: q.caseSensitive,
    });
    p.setState({ mode: 'find', hits, truncated, decisions: {}, searched: true, error: null });
    return hits;
  } catch (e) {
    p.setState({
      hits: [],
      decisions: {},
      searched: false,
      error: e instanceof FindError || e instanceof Error ? e.message : String(e),
    });
    return [];
  }
}

/** Parses a word list file's text; on success keeps it and lists all its hits, else keeps the problems. */
export function loadWordList(store: AppStore, name: string, text: string): boolean {
  const r = parseWordList(text, name);
  const p = findPanel(store);
  if (!r.ok) {
    p.setState({ wordListProblems: r.problems, open: true });
    return false;
  }
  p.setState({ wordList: { name, entries: r.entries }, wordListProblems: [], open: true });
  runWordList(store);
  return true;
}

/** Lists every hit of the loaded word list, in reading order. */
export function runWordList(store: AppStore): FindHit[] {
  const doc = store.getState().doc;
  const p = findPanel(store);
  const wl = p.getState().wordList;
  if (!doc || !wl) return [];
  const { hits, truncated } = findWordListHits(doc, wl.entries);
  p.setState({ mode: 'wordlist', hits, truncated, decisions: {}, searched: true, error: null });
  return hits;
}

export function decide(store: AppStore, hitId: string, d: HitDecision): void {
  const p = findPanel(store);
  const cur = p.getState().decisions[hitId];
  const decisions = { ...p.getState().decisions };
  if (cur === d) delete decisions[hitId];
  else decisions[hitId] = d;
  p.setState({ decisions });
}

/**
 * Replaces the chosen hits as ONE undo step: `all` = every hit not skipped, else only the accepted ones. Then
 * searches again, so the list shows what is left. Returns the number replaced (0 when refused or nothing chosen).
 */
export function applyReplacements(store: AppStore, all: boolean, label: (n: number) => string): number {
  const s = store.getState();
  const p = findPanel(store);
  const { hits, decisions, mode } = p.getState();
  if (!s.doc || !hits.length) return 0;
  const chosen = new Set(
    hits.filter((h) => (all ? decisions[h.id] !== 'skipped' : decisions[h.id] === 'accepted')).map((h) => h.id),
  );
  if (!chosen.size) return 0;
  let r;
  try {
    r = replaceOp(s.doc, hits, chosen);
  } catch (e) {
    s.notify('error', e instanceof Error ? e.message : String(e));
    return 0;
  }
  if (!r.op) return 0;
  if (!s.apply(r.op, label(r.replaced), 'record')) return 0;
  p.setState({ lastReplaced: r.replaced });
  // Skipped hits stay skipped after the new search: their offsets move by what was replaced before them.
  const applied = hits.filter((h) => chosen.has(h.id) && !r.skipped.includes(h.id));
  const moved = (h: FindHit) =>
    h.start +
    applied
      .filter((a) => a.fragmentId === h.fragmentId && a.end <= h.start)
      .reduce((n, a) => n + a.replacement.length - (a.end - a.start), 0);
  const keep = new Set(hits.filter((h) => decisions[h.id] === 'skipped').map((h) => `${h.fragmentId}@${moved(h)}`));
  const fresh = mode === 'wordlist' ? runWordList(store) : runFind(store);
  p.setState({
    decisions: Object.fromEntries(
      fresh.filter((h) => keep.has(`${h.fragmentId}@${h.start}`)).map((h) => [h.id, 'skipped' as const]),
    ),
  });
  return r.replaced;
}
