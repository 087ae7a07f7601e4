import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../../store/create-store';

/** Which article's "what changed" review is open (null: closed). */
export interface ReviewPanelState {
  articleId: string | null;
}

const panels = new WeakMap<AppStore, StoreApi<ReviewPanelState>>();

export function reviewPanel(store: AppStore): StoreApi<ReviewPanelState> {
  let p = panels.get(store);
  if (!p) {
    p = createStore<ReviewPanelState>()(() => ({ articleId: null }));
    panels.set(store, p);
  }
  return p;
}
