import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../../store/create-store';
import type { Text } from './questions';

/**
 * What the in-app file picker is asked for (a host without file dialogs: the browser host). `open`/`import` pick
 * existing files (`import` several); `save` a file name in a folder; `folder` a folder (new or existing) by name.
 */
export interface PickRequest {
  mode: 'open' | 'import' | 'save' | 'folder';
  title: Text;
  /** Extensions shown by default, lower case without the dot (`galley.json`, `txt`); "all files" shows the rest. */
  extensions: readonly string[];
  /** What the type filter is called ("Galley issue", "Page files"). */
  filterLabel: Text;
  /** The name a `save`/`folder` pick starts with. */
  suggestedName?: string;
  /** `save`: ask before choosing an existing file (Save As). Exports ask themselves, when the host reports it. */
  confirmReplace?: boolean;
}

interface PickerState {
  request: (PickRequest & { resolve(paths: string[] | null): void }) | null;
}

const stores = new WeakMap<AppStore, StoreApi<PickerState>>();

export function pickerStore(store: AppStore): StoreApi<PickerState> {
  let p = stores.get(store);
  if (!p) {
    p = createStore<PickerState>()(() => ({ request: null }));
    stores.set(store, p);
  }
  return p;
}

/** Shows the picker; resolves paths relative to the launch folder (`/` separators), or null when cancelled. */
export function pick(store: AppStore, request: PickRequest): Promise<string[] | null> {
  const p = pickerStore(store);
  p.getState().request?.resolve(null);
  return new Promise((resolve) => p.setState({ request: { ...request, resolve } }));
}

export function finishPick(store: AppStore, paths: string[] | null): void {
  const p = pickerStore(store);
  const r = p.getState().request;
  p.setState({ request: null });
  r?.resolve(paths);
}

/** Whether a file name matches one of the extensions (`a.galley.json` matches `galley.json` and `json`). */
export function matchesType(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((e) => lower.endsWith(`.${e}`));
}

/** `dir/name` with `/` separators, for a name typed in a folder of the listing. */
export function joinRel(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** The parent of a folder of the listing ('' is the launch folder). */
export function parentDir(dir: string): string {
  const i = dir.lastIndexOf('/');
  return i < 0 ? '' : dir.slice(0, i);
}
