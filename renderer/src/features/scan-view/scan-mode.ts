import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Page } from '@shared/model/types';
import type { AppStore } from '../../store/create-store';

/**
 * How the page pane shows the current page: the extracted text list, the scan with its regions, or both side by
 * side. A view preference, not part of the document: kept apart from the document store (never saved or undone).
 */
export type PageView = 'text' | 'scan' | 'both';

export interface ScanModeState {
  view: PageView;
}

const modes = new WeakMap<AppStore, StoreApi<ScanModeState>>();

/** The one view-mode store of an app store (created on first use). */
export function scanMode(store: AppStore): StoreApi<ScanModeState> {
  let m = modes.get(store);
  if (!m) {
    m = createStore<ScanModeState>()(() => ({ view: 'text' }));
    modes.set(store, m);
  }
  return m;
}

export function useScanMode(store: AppStore): PageView {
  return useStore(scanMode(store), (s) => s.view);
}

/** A page can be shown as a scan when it has an image or at least one fragment region. */
export function hasScan(page: Page | undefined): boolean {
  return !!page && (!!page.image || page.fragments.some((f) => f.box));
}

/** The view actually shown: a page without a scan always shows its text. */
export function effectiveView(view: PageView, page: Page | undefined): PageView {
  return hasScan(page) ? view : 'text';
}

/** `V`: text ↔ scan (from side-by-side, back to text). */
export function toggledView(view: PageView): PageView {
  return view === 'text' ? 'scan' : 'text';
}

/** `Shift+V`: side-by-side on and off. */
export function toggledBoth(view: PageView): PageView {
  return view === 'both' ? 'text' : 'both';
}
