import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../../store/create-store';

/**
 * Whether this window may write the open issue. Another live window holds its lock (host: issue-lock.ts): then
 * Save goes to Save As, and autosave writes no recovery file (the first window's recovery is its own).
 */
export interface ReadOnlyState {
  readOnly: boolean;
  /** Who holds the issue (host, process, since when), as the host said. */
  lockedBy: string | null;
}

const stores = new WeakMap<AppStore, StoreApi<ReadOnlyState>>();

export function readOnlyState(store: AppStore): StoreApi<ReadOnlyState> {
  let s = stores.get(store);
  if (!s) {
    s = createStore<ReadOnlyState>()(() => ({ readOnly: false, lockedBy: null }));
    stores.set(store, s);
  }
  return s;
}

export const isReadOnly = (store: AppStore) => readOnlyState(store).getState().readOnly;
