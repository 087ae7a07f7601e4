import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Issue } from '@shared/model/types';
import { findArticle, fragmentLocation } from '@shared/model/lookup';
import type { Suggestions } from '@shared/suggest/types';
import type { AppStore } from '../../store/create-store';
import { createWorkerRunner, type SuggestRunner } from './runner';
import { rebase } from './decisions';

/** What the suggestions panel shows. Kept apart from the document store: suggestions are never saved or undone. */
export interface SuggestState {
  open: boolean;
  /** Pages the engine works on; `articleId` narrows the panel to the suggestions extending that article. */
  scope: { pageIds: string[]; articleId: string | null };
  running: boolean;
  /** The latest answer, rebased on the document it is shown against (see decisions.ts). */
  result: Suggestions | null;
  error: string | null;
  /** Links the proofreader rejected in this session: constraints of every re-solve. */
  forbid: Array<{ from: string; to: string }>;
  /** The ghost placement Enter accepts and Esc rejects. */
  focus: string | null;
  /**
   * The engine's whole reading of the scope's pages, placed fragments included (`includePlaced`, with the
   * proofreader's confirmed and rejected links as constraints): what the doubt queue rates the document by.
   */
  reading: Suggestions | null;
  /** Decision keys the proofreader confirmed (doubts.ts): out of the queue. */
  settled: string[];
  /** Links the proofreader confirmed or picked: constraints of every re-solve. */
  fixed: Array<{ from: string; to: string; join: boolean }>;
  /** The doubt the queue stands on (its key), and the ones skipped with Esc in this walk. */
  doubt: string | null;
  skipped: string[];
}

export interface SuggestController {
  state: StoreApi<SuggestState>;
  /** Opens the panel for the given scope and solves. */
  open(scope: SuggestState['scope']): void;
  close(): void;
  /** Re-solves now (the live re-run calls it debounced after each document change). */
  refresh(): Promise<void>;
  /** Never suggest `to` right after `from` again; re-solves. */
  forbidLink(from: string, to: string): void;
  setFocus(id: string | null): void;
  /** After the next reading arrives for the document as it is now, call `then` with it (a re-solve around a pick). */
  afterReading(then: (reading: Suggestions) => void): void;
}

/** Delay between a document change and the re-solve: a burst of edits costs one run. */
export const LIVE_DEBOUNCE_MS = 350;

let runnerFactory: () => SuggestRunner = createWorkerRunner;
const controllers = new WeakMap<AppStore, SuggestController>();

/** Tests inject the in-process engine (jsdom has no workers). Affects controllers created afterwards. */
export function setSuggestRunner(factory: () => SuggestRunner): void {
  runnerFactory = factory;
}

/** The one suggestions controller of an app store (created on first use). */
export function suggestController(store: AppStore): SuggestController {
  let c = controllers.get(store);
  if (!c) {
    c = createController(store, runnerFactory());
    controllers.set(store, c);
  }
  return c;
}

/** The ghost placements that are not placed yet, first confident one first (Enter walks them). */
export function ghostOrder(s: Suggestions | null, articleId: string | null): string[] {
  if (!s) return [];
  const arts = visibleArticles(s, articleId);
  const all = arts.flatMap(({ article }) => article.items.filter((it) => !it.fixed));
  return [...all.filter((it) => it.confident), ...all.filter((it) => !it.confident)].map((it) => it.id);
}

/** The suggested articles the panel shows, with their index in `s.articles`. */
export function visibleArticles(s: Suggestions, articleId: string | null) {
  return s.articles
    .map((article, index) => ({ article, index }))
    .filter(
      ({ article }) => article.items.some((it) => !it.fixed) && (articleId === null || article.articleId === articleId),
    );
}

function createController(store: AppStore, run: SuggestRunner): SuggestController {
  const state = createStore<SuggestState>()(() => ({
    open: false,
    scope: { pageIds: [], articleId: null },
    running: false,
    result: null,
    error: null,
    forbid: [],
    focus: null,
    reading: null,
    settled: [],
    fixed: [],
    doubt: null,
    skipped: [],
  }));
  let waiting: Array<{ doc: Issue; then: (reading: Suggestions) => void }> = [];
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;
  // The raw answer and the document it was computed on: the shown result is it rebased on the current document.
  let raw: Suggestions | null = null;

  const keepFocus = (result: Suggestions | null) => {
    const { focus, scope } = state.getState();
    const order = ghostOrder(result, scope.articleId);
    return focus && order.includes(focus) ? focus : (order[0] ?? null);
  };
  const show = (doc: Issue | null) => {
    const result = raw && doc ? rebase(doc, raw) : null;
    state.setState({ result, focus: keepFocus(result) });
  };

  const refresh = async () => {
    const doc = store.getState().doc;
    const { open, scope, forbid, fixed } = state.getState();
    if (!open || !doc) return;
    const id = ++latest;
    state.setState({ running: true, error: null });
    try {
      const pageIds = scope.pageIds.filter((p) => doc.pages.some((x) => x.id === p));
      const pages = doc.pages.filter((p) => !pageIds.length || pageIds.includes(p.id));
      const pool = new Set(doc.pool);
      const ids = pages.flatMap((p) => p.fragments.map((f) => f.id));
      const anyPool = ids.some((x) => pool.has(x));
      const placed = new Set(doc.articles.flatMap((a) => a.items.map((it) => it.id)));
      const anyPlaced = ids.some((x) => placed.has(x));
      const base = { pageIds: pageIds.length ? pageIds : undefined };
      const fixLinks = fixed.map(({ from, to }) => ({ from, to }));
      // The ghost placements (placed fragments as constraints) when something is left to place; the whole reading
      // (everything re-read, alternatives among placed fragments too) when something is placed. With nothing
      // placed the two are the same solve.
      const s = anyPool || !anyPlaced ? await run(doc, { ...base, constraints: { forbidLinks: forbid } }) : null;
      if (id !== latest || !state.getState().open) return;
      const r =
        anyPlaced || fixLinks.length
          ? await run(doc, { ...base, includePlaced: true, constraints: { forbidLinks: forbid, fixLinks } })
          : s;
      // A newer request was made meanwhile (another edit, a reject): this answer is stale.
      if (id !== latest || !state.getState().open) return;
      raw = s ?? { ...r!, articles: [] };
      state.setState({ running: false, reading: r });
      show(store.getState().doc);
      const now = store.getState().doc;
      const due = waiting.filter((w) => w.doc === doc && now === doc);
      waiting = waiting.filter((w) => w.doc !== doc && w.doc === now);
      for (const w of due) w.then(r!);
    } catch (e) {
      if (id !== latest) return;
      state.setState({ running: false, error: e instanceof Error ? e.message : String(e) });
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, LIVE_DEBOUNCE_MS);
  };

  return {
    state,
    open(scope) {
      state.setState({ open: true, scope, focus: null, reading: null, doubt: null, skipped: [] });
      raw = null;
      show(null);
      unsubscribe?.();
      // Live: after each document change, show the old answer rebased at once, then re-solve (debounced).
      unsubscribe = store.subscribe((s, prev) => {
        if (s.doc === prev.doc) return;
        if (!s.doc) {
          this.close();
          return;
        }
        show(s.doc);
        schedule();
      });
      void refresh();
    },
    close() {
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clearTimeout(timer);
      latest++;
      raw = null;
      waiting = [];
      state.setState({
        open: false,
        running: false,
        result: null,
        focus: null,
        error: null,
        reading: null,
        doubt: null,
      });
    },
    refresh,
    forbidLink(from, to) {
      const { forbid } = state.getState();
      if (!forbid.some((l) => l.from === from && l.to === to)) state.setState({ forbid: [...forbid, { from, to }] });
      void refresh();
    },
    setFocus(id) {
      state.setState({ focus: id });
    },
    afterReading(then) {
      const doc = store.getState().doc;
      if (doc) waiting.push({ doc, then });
    },
  };
}

/** The scope of "Suggest for this page": the page shown in the page pane. */
export function pageScope(store: AppStore): SuggestState['scope'] {
  const s = store.getState();
  const page = s.doc?.pages[s.currentPage];
  return { pageIds: page ? [page.id] : [], articleId: null };
}

/** The scope of "Suggest for the selected article": its pages, and only its continuation. */
export function articleScope(store: AppStore): SuggestState['scope'] | null {
  const s = store.getState();
  const a = s.doc && s.selectedArticle ? findArticle(s.doc, s.selectedArticle) : undefined;
  if (!s.doc || !a) return null;
  const pages = new Set<string>();
  for (const it of a.items) {
    const at = fragmentLocation(s.doc, it.id);
    if (at) pages.add(s.doc.pages[at.page].id);
  }
  return { pageIds: [...pages], articleId: a.id };
}
