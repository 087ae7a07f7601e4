import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  CLEANUP_RULES,
  changeKey,
  cleanupOp,
  previewCleanup,
  removesLostTextTrace,
  type CleanupPreview,
  type CleanupRule,
} from '@shared/cleanup';
import type { AppStore } from '../../store/create-store';

/** What Cleanup runs over: the selected fragments, the selected article, or every article of the issue. */
export type CleanupScopeKind = 'selection' | 'article' | 'issue';
export const CLEANUP_SCOPES: readonly CleanupScopeKind[] = ['selection', 'article', 'issue'];

/** The open preview: nothing touches the document until Apply turns the ticked changes into one op. */
export interface CleanupPanelState {
  preview: CleanupPreview | null;
  scope: CleanupScopeKind;
  rules: CleanupRule[];
  /** `changeKey`s the editor unticked. */
  skipped: Set<string>;
}

const panels = new WeakMap<AppStore, StoreApi<CleanupPanelState>>();

/** The Cleanup panel state of an app store (one per window, created on first use). */
export function cleanupPanel(store: AppStore): StoreApi<CleanupPanelState> {
  let p = panels.get(store);
  if (!p) {
    p = createStore<CleanupPanelState>()(() => ({
      preview: null,
      scope: 'issue',
      rules: [...CLEANUP_RULES],
      skipped: new Set(),
    }));
    panels.set(store, p);
  }
  return p;
}

/** Whether the scope has something to clean in the current state (a selection, a selected article, a document). */
export function scopeAvailable(store: AppStore, scope: CleanupScopeKind): boolean {
  const s = store.getState();
  if (!s.doc) return false;
  if (scope === 'selection') return s.selection.length > 0;
  if (scope === 'article') return !!s.selectedArticle && s.doc.articles.some((a) => a.id === s.selectedArticle);
  return true;
}

/** Computes the preview for a scope and rules and opens the panel (even when empty: it says "nothing to clean"). */
export function openCleanup(
  store: AppStore,
  scope: CleanupScopeKind,
  rules: readonly CleanupRule[] = CLEANUP_RULES,
): CleanupPreview | null {
  const s = store.getState();
  if (!s.doc || !scopeAvailable(store, scope)) return null;
  const preview = previewCleanup(s.doc, {
    rules,
    ...(scope === 'selection' ? { fragmentIds: s.selection } : {}),
    ...(scope === 'article' ? { articleIds: [s.selectedArticle!] } : {}),
  });
  // A change that would hide the only trace of lost text starts unticked: the proofreader looks at it first.
  const skipped = new Set(
    preview.fragments.flatMap((f) =>
      f.changes.filter((c) => removesLostTextTrace(f.before, c)).map((c) => changeKey(f.fragmentId, c)),
    ),
  );
  cleanupPanel(store).setState({ preview, scope, rules: [...rules], skipped });
  return preview;
}

export function closeCleanup(store: AppStore): void {
  cleanupPanel(store).setState({ preview: null, skipped: new Set() });
}

/** Ticks or unticks one change of the preview. */
export function toggleChange(store: AppStore, fragmentId: string, start: number): void {
  const p = cleanupPanel(store);
  const skipped = new Set(p.getState().skipped);
  const k = changeKey(fragmentId, { start });
  if (skipped.has(k)) skipped.delete(k);
  else skipped.add(k);
  p.setState({ skipped });
}

/** Ticks (or unticks) every change one rule proposed. */
export function setRuleTicked(store: AppStore, rule: string, ticked: boolean): void {
  const p = cleanupPanel(store);
  const { preview } = p.getState();
  if (!preview) return;
  const skipped = new Set(p.getState().skipped);
  for (const f of preview.fragments)
    for (const c of f.changes) {
      if (c.rule !== rule) continue;
      const k = changeKey(f.fragmentId, c);
      if (ticked) skipped.delete(k);
      else skipped.add(k);
    }
  p.setState({ skipped });
}

/**
 * Applies the ticked changes as ONE undo step, labelled `label`. Returns false when refused (the document changed
 * since the preview: the refusal is shown and the panel stays open) or when nothing was ticked.
 */
export function applyCleanup(store: AppStore, label: (n: number) => string): boolean {
  const { preview, skipped } = cleanupPanel(store).getState();
  const s = store.getState();
  if (!preview || !s.doc) return false;
  let op;
  try {
    op = cleanupOp(s.doc, preview, skipped);
  } catch (e) {
    s.notify('error', e instanceof Error ? e.message : String(e));
    return false;
  }
  if (!op) {
    closeCleanup(store);
    return false;
  }
  const n = preview.changeCount - [...skipped].length;
  const ok = s.apply(op, label(n), 'record');
  if (ok) closeCleanup(store);
  return ok;
}
