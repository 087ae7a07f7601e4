import type { Patch } from 'immer';
import type { Issue } from '@shared/model/types';
import type { Op } from '@shared/ops/op-schema';

/** One undoable step: structure and text share this single stack (one undo stack). */
export interface HistoryEntry {
  /** Monotonic id; the saved mark points at one so that "dirty" survives undo back to the saved state. */
  id: number;
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
  op: Op;
  /** Wall-clock ms of the last change folded into this entry (typing coalesces within a pause). */
  at: number;
  /** Entries with the same key may absorb the next change (typing in one fragment). */
  coalesceKey?: string;
  /** Closed to coalescing: another command ran, or it was undone/redone. */
  sealed?: boolean;
}

export type Pane = 'page' | 'board' | 'editor';
export type Language = 'zh-CN' | 'en';

export interface FileRef {
  token: string;
  name: string;
}

/** `warning`: done, but something needs the user's attention (stays until dismissed, like an error). */
export interface Notice {
  kind: 'error' | 'warning' | 'info';
  text: string;
  id: number;
  /** One thing the user can do about it (e.g. undo what a move did by the way), as a button beside the text. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

/** The whole renderer state. `doc` changes only through `applyOp` / `applyRecorded` (see store/create-store.ts). */
export interface AppState {
  // document slice
  doc: Issue | null;
  // history slice
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Id of the top history entry when last saved (0: the state as loaded). */
  savedMark: number;
  // session / ui slice
  file: FileRef | null;
  savedAt: string | null;
  /** Selected fragment ids, in the order they were selected. */
  selection: string[];
  /** Where Shift+↑/↓ extends from. */
  anchor: string | null;
  /** The fragment the caret (keyboard focus) is on. */
  cursor: string | null;
  selectedArticle: string | null;
  focusedPane: Pane;
  currentPage: number;
  language: Language;
  paletteOpen: boolean;
  helpOpen: boolean;
  /** "R" was pressed: the next letter sets the role. */
  rolePending: boolean;
  /** Caret offset in the editor, for the split command outside the editor. */
  caret: { fragmentId: string; offset: number } | null;
  notice: Notice | null;
  busy: boolean;
}
