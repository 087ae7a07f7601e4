import type { HostApi } from '@shared/ipc/contract';
import { findArticle, findFragment } from '@shared/model/lookup';
import type { AppStore } from '../../store/create-store';
import type { AppState } from '../../store/types';
import { selectDirty } from '../../store/selectors';
import { recallView, rememberView, splitSession, unsavedChanges } from './session-restore';
import { whenIdle } from '../../platform/when-idle';

/**
 * Autosave to a recovery file, VS Code backup style: independent of the user's own saves, every
 * unsaved change reaches `recovery.write` at most `maxWaitMs` after the edit (debounced `debounceMs` while
 * edits keep coming). The host writes it atomically into the user data folder.
 *
 * Lifecycle of one recovery id (one per opened document):
 * - a document is loaded (open, import, new) → the previous session's recovery file is discarded (the user
 *   has already confirmed leaving it) and a new id starts;
 * - the document becomes clean (saved, or undone back to the saved state) → its recovery file is discarded;
 * - a crash leaves the file for the start-up recovery dialog; a restored session `adopt`s its id, so the file
 *   stays until the restored document is saved.
 */
export interface AutosaveOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  now?: () => number;
  /** Told after each write (status bar "autosaved hh:mm:ss") or failure. */
  onWritten?: (savedAt: string) => void;
  /** Told when the recovery file is removed (saved, undone to the saved state, closed). */
  onDiscarded?: () => void;
  onError?: (e: unknown) => void;
  /** A read-only window (another one edits the issue) writes no recovery file. */
  isReadOnly?: () => boolean;
}

export interface Autosave {
  /** Writes now if there is anything unsaved (awaits the write in flight first). */
  flush(): Promise<void>;
  /** Continue an existing recovery file (after restoring it) instead of starting a new one; `baseRef` is the
   *  base-document file it used (replaced, then removed, by the next write). */
  adopt(id: string, baseRef?: string | null): void;
  recoveryId(): string | null;
  stop(): void;
}

const IDLE_TIMEOUT_MS = 250;

const registry = new WeakMap<AppStore, Autosave>();
/** The autosave running on a store, if any (the recovery dialog adopts restored ids through it). */
export function autosaveFor(store: AppStore): Autosave | undefined {
  return registry.get(store);
}

/**
 * The generation of a base file named `<rid>--base<n>` (0 for any other name). Base names are never reused
 * within a session's lineage: a reused name would be written as the new base and then removed as the old one,
 * leaving the steps file pointing at nothing. So a session that continues a restored file numbers on from it.
 */
function baseGeneration(rid: string, ref: string | null | undefined): number {
  const m = ref?.startsWith(`${rid}--base`) ? /--base(\d+)$/.exec(ref) : null;
  return m ? Number(m[1]) : 0;
}

function newRecoveryId(issueId: string, now: number): string {
  const safe = issueId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60) || 'issue';
  return `${safe}-${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A load starts a session: a new document with an empty history. Undo to the start keeps a future. */
const isLoad = (s: AppState, prev: AppState) =>
  s.doc !== prev.doc && !!s.doc && s.past.length === 0 && s.future.length === 0 && s.savedMark === 0;

export function startAutosave(store: AppStore, host: HostApi, o: AutosaveOptions = {}): Autosave {
  const debounceMs = o.debounceMs ?? 500;
  const maxWaitMs = o.maxWaitMs ?? 1000;
  const now = o.now ?? (() => Date.now());
  let id: string | null = null;
  let written = false;
  /** The base-document file the last steps file points at. */
  let base: { key: string; id: string } | null = null;
  let baseN = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let viewTimer: ReturnType<typeof setTimeout> | null = null;

  let idle: (() => void) | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    idle?.();
    idle = null;
    firstPending = 0;
  };

  const discardOne = (rid: string) => {
    void host.invoke('recovery.discard', { id: rid }).catch((e: unknown) => o.onError?.(e));
  };
  /** Removes a session's steps file and its base file. */
  const discard = (rid: string | null) => {
    if (!rid) return;
    discardOne(rid);
    if (base) discardOne(base.id);
    base = null;
    o.onDiscarded?.();
  };

  const write = async (): Promise<void> => {
    cancel();
    const s = store.getState();
    if (!s.doc || !selectDirty(s) || o.isReadOnly?.()) return;
    if (!id) id = newRecoveryId(s.doc.id, now());
    const rid = id;
    const meta = {
      changes: unsavedChanges(s),
      issueId: s.doc.id.slice(0, 200),
      ...(s.file ? { fileToken: s.file.token } : {}),
    };
    // Two files: the big base document, rewritten only when the oldest kept step changes (once per session,
    // then once per 100 steps), and the small steps file, rewritten every time. The steps file is written
    // after its base and the old base is removed after it, so a kill at any point leaves a consistent pair.
    const split = splitSession(s);
    // Another document loaded while this write was on its way: its files are stale at once. The load could not
    // discard them (they did not exist yet), so this write removes what it made, and the previous base too.
    let made: string | null = null;
    let old: string | null = null;
    const superseded = () => {
      if (id === rid) return false;
      for (const x of [rid, made, old]) if (x) discardOne(x);
      return true;
    };
    try {
      if (base?.key !== split.baseKey) {
        const bid = `${rid}--base${++baseN}`;
        await host.invoke('recovery.write', {
          id: bid,
          changes: 0,
          issueId: meta.issueId,
          title: '',
          payload: split.basePayload(),
        });
        made = bid;
        if (superseded()) return;
        old = base?.id ?? null;
        base = { key: split.baseKey, id: bid };
      }
      const r = await host.invoke('recovery.write', {
        id: rid,
        ...meta,
        title: s.doc.title.slice(0, 2000),
        payload: split.steps(base!.id),
      });
      if (superseded()) return;
      // Never the base the steps file just written names (an adopted base's name, say).
      if (old && old !== base!.id) discardOne(old);
      written = true;
      o.onWritten?.(r.savedAt);
    } catch (e) {
      o.onError?.(e);
    }
    // Saved or closed while writing: the file just written is stale.
    const after = store.getState();
    if (id === rid && (!after.doc || !selectDirty(after))) {
      discard(rid);
      written = false;
    }
  };

  const run = (): Promise<void> => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = write().finally(() => {
      inFlight = null;
      if (again) {
        again = false;
        schedule();
      }
    });
    return inFlight;
  };

  const schedule = () => {
    const t = now();
    if (!firstPending) firstPending = t;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - t));
    // The write serializes the session and posts it: run it when the renderer is idle (between keystrokes, after
    // the frame), within IDLE_TIMEOUT_MS, so it never lands inside an input's frame. Settled edits still reach the
    // file within debounce + idle timeout (≤ 0.75 s).
    timer = setTimeout(() => {
      timer = null;
      idle = whenIdle(() => {
        idle = null;
        void run();
      }, IDLE_TIMEOUT_MS);
    }, wait);
  };

  const unsub = store.subscribe((s, prev) => {
    if (isLoad(s, prev)) {
      cancel();
      if (written) discard(id);
      id = null;
      written = false;
      base = null;
      // Reopen where the proofreader left off (after the loader's own first selection).
      const doc = s.doc!;
      queueMicrotask(() => {
        const v = recallView(doc);
        const cur = store.getState();
        if (!v || cur.doc !== doc) return;
        // Through the cached indexes the first render builds anyway, not a scan of every fragment per id.
        const known = v.selection.filter((x) => !!findFragment(doc, x));
        cur.set({
          currentPage: v.page,
          selectedArticle: v.selectedArticle && findArticle(doc, v.selectedArticle) ? v.selectedArticle : null,
        });
        if (known.length) cur.select(known);
      });
      return;
    }
    if (!s.doc) {
      cancel();
      if (written) discard(id);
      written = false;
      return;
    }
    if (s.doc !== prev.doc || s.past !== prev.past || s.future !== prev.future || s.savedMark !== prev.savedMark) {
      if (selectDirty(s)) schedule();
      else {
        cancel();
        if (written) {
          discard(id);
          written = false;
        }
      }
    }
    if (
      s.currentPage !== prev.currentPage ||
      s.selection !== prev.selection ||
      s.selectedArticle !== prev.selectedArticle
    ) {
      if (viewTimer) clearTimeout(viewTimer);
      viewTimer = setTimeout(() => {
        const c = store.getState();
        if (c.doc)
          rememberView(c.doc.id, { page: c.currentPage, selection: c.selection, selectedArticle: c.selectedArticle });
      }, 300);
    }
  });

  const api: Autosave = {
    async flush() {
      if (inFlight) await inFlight;
      await run();
    },
    adopt(rid, baseRef) {
      id = rid;
      written = true;
      base = baseRef ? { key: '', id: baseRef } : null;
      // The next base gets a name after the adopted one's, whatever this window numbered before.
      baseN = Math.max(baseN, baseGeneration(rid, baseRef));
    },
    recoveryId: () => id,
    stop() {
      cancel();
      if (viewTimer) clearTimeout(viewTimer);
      unsub();
      registry.delete(store);
    },
  };
  registry.set(store, api);
  return api;
}
