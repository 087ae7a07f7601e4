import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TFunction } from 'i18next';
import type { Issue } from '@shared/model/types';
import { OpError } from '@shared/model/lookup';
import { applyOp } from '@shared/ops/apply';
import { applyPatchesShared } from './apply-patches';
import type { Op } from '@shared/ops/op-schema';
import type { AppState, FileRef, HistoryEntry, Language, NoticeAction, Pane } from './types';
import { MAX_HISTORY, canCoalesce, makeEntry, sealed, type Capture } from './history';
import { describeOp } from './describe-op';

export interface AppActions {
  /** Replaces the document (open, import, new): history starts empty and the state counts as saved. */
  load(issue: Issue, file: FileRef | null): void;
  /**
   * Applies one editorial operation: by default as one undo step of its own (`record`), or folded into the last
   * step (`merge`). Returns false (and shows the refusal) when refused.
   */
  apply(op: Op, label?: string, capture?: Exclude<Capture, 'none'>): boolean;
  /** Typing in the editor: consecutive edits of one fragment within a pause fold into one undo step. */
  typeText(fragmentId: string, text: string, now?: number): void;
  undo(): void;
  redo(): void;
  /** Closes the top entry to coalescing (another command, focus change). */
  seal(): void;
  /** Marks the given history entry id (the top when the save started) as the saved state. */
  markSaved(file: FileRef, savedAt: string, mark?: number): void;
  select(ids: string[], opts?: { anchor?: string | null; cursor?: string | null }): void;
  selectArticle(id: string | null): void;
  focusPane(p: Pane): void;
  setPage(i: number): void;
  setLanguage(l: Language): void;
  setCaret(c: AppState['caret']): void;
  set(patch: Partial<AppState>): void;
  notify(kind: 'error' | 'warning' | 'info', text: string, action?: NoticeAction): void;
}

export type AppStore = StoreApi<AppState & AppActions>;
export type FullState = AppState & AppActions;

export interface StoreDeps {
  t: TFunction;
  now?: () => number;
  language?: Language;
}

let noticeId = 1;

export function initialState(language: Language = 'zh-CN'): AppState {
  return {
    doc: null,
    past: [],
    future: [],
    savedMark: 0,
    file: null,
    savedAt: null,
    selection: [],
    anchor: null,
    cursor: null,
    selectedArticle: null,
    focusedPane: 'page',
    currentPage: 0,
    language,
    paletteOpen: false,
    helpOpen: false,
    rolePending: false,
    caret: null,
    notice: null,
    busy: false,
  };
}

/** Vanilla zustand store: usable from commands, the host bridge and tests without React. */
export function createAppStore(deps: StoreDeps): AppStore {
  const now = deps.now ?? (() => Date.now());
  return createStore<AppState & AppActions>()((set, get) => {
    const refuse = (e: unknown) => {
      const text = e instanceof OpError ? e.message : e instanceof Error ? e.message : String(e);
      get().notify('error', text);
    };
    const sealTop = (past: HistoryEntry[]) =>
      past.length ? [...past.slice(0, -1), sealed(past[past.length - 1])] : past;
    const bounded = (past: HistoryEntry[]) =>
      past.length > MAX_HISTORY ? past.slice(past.length - MAX_HISTORY) : past;

    return {
      ...initialState(deps.language),

      load(issue, file) {
        set({
          doc: issue,
          past: [],
          future: [],
          savedMark: 0,
          file,
          savedAt: null,
          selection: [],
          anchor: null,
          cursor: null,
          selectedArticle: null,
          currentPage: 0,
          caret: null,
          rolePending: false,
        });
      },

      apply(op, label, capture = 'record') {
        const { doc, past } = get();
        if (!doc) return false;
        try {
          const r = applyOp(doc, op);
          const top = past[past.length - 1];
          if (capture === 'merge' && top) {
            // One step: undo runs this change's inverse, then the step's; the recovery file replays both as a batch.
            const merged: HistoryEntry = {
              ...top,
              patches: [...top.patches, ...r.patches],
              inversePatches: [...r.inversePatches, ...top.inversePatches],
              op: { type: 'batch', ops: [top.op, op] },
              at: now(),
            };
            set({ doc: r.issue, past: [...past.slice(0, -1), merged], future: [] });
            return true;
          }
          const entry = makeEntry(r, op, label ?? describeOp(doc, r.issue, op, deps.t), now());
          set({ doc: r.issue, past: bounded([...sealTop(past), entry]), future: [] });
          return true;
        } catch (e) {
          refuse(e);
          return false;
        }
      },

      typeText(fragmentId, text, at = now()) {
        const { doc, past } = get();
        if (!doc) return;
        const key = `edit:${fragmentId}`;
        const top = past[past.length - 1];
        const op: Op = { type: 'editText', fragmentId, text };
        try {
          if (canCoalesce(top, key, at)) {
            // Re-apply from the state before the burst, so the step holds one correction with the final text.
            const before = applyPatchesShared(doc, top.inversePatches);
            const r = applyOp(before, op);
            const entry: HistoryEntry = { ...top, patches: r.patches, inversePatches: r.inversePatches, op, at };
            set({ doc: r.issue, past: [...past.slice(0, -1), entry], future: [] });
          } else {
            const r = applyOp(doc, op);
            const entry = makeEntry(r, op, describeOp(doc, r.issue, op, deps.t), at, key);
            set({ doc: r.issue, past: bounded([...sealTop(past), entry]), future: [] });
          }
        } catch (e) {
          refuse(e);
        }
      },

      undo() {
        const { doc, past, future } = get();
        const top = past[past.length - 1];
        if (!doc || !top) return;
        set({
          doc: applyPatchesShared(doc, top.inversePatches),
          past: past.slice(0, -1),
          future: [sealed(top), ...future],
        });
      },

      redo() {
        const { doc, past, future } = get();
        const next = future[0];
        if (!doc || !next) return;
        set({
          doc: applyPatchesShared(doc, next.patches),
          past: [...sealTop(past), sealed(next)],
          future: future.slice(1),
        });
      },

      seal() {
        const { past } = get();
        const top = past[past.length - 1];
        if (top && !top.sealed) set({ past: sealTop(past) });
      },

      markSaved(file, savedAt, mark) {
        const { past } = get();
        set({ file, savedAt, savedMark: mark ?? (past.length ? past[past.length - 1].id : 0), past: sealTop(past) });
      },

      select(ids, opts = {}) {
        const cursor = opts.cursor !== undefined ? opts.cursor : (ids[ids.length - 1] ?? null);
        const anchor = opts.anchor !== undefined ? opts.anchor : (ids[0] ?? null);
        set({ selection: ids, cursor, anchor, caret: null });
      },
      selectArticle(id) {
        set({ selectedArticle: id });
      },
      focusPane(p) {
        if (get().focusedPane !== p) set({ focusedPane: p });
      },
      setPage(i) {
        set({ currentPage: i });
      },
      setLanguage(l) {
        set({ language: l });
      },
      setCaret(c) {
        set({ caret: c });
      },
      set(patch) {
        set(patch);
      },
      notify(kind, text, action) {
        set({ notice: { kind, text, id: noticeId++, ...(action ? { action } : {}) } });
      },
    };
  });
}
