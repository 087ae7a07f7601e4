import type { Applied } from '@shared/ops/apply';
import type { Op } from '@shared/ops/op-schema';
import type { HistoryEntry } from './types';

/**
 * How a change enters the undo history, said by whoever makes it (as tldraw's history modes and Excalidraw's
 * `captureUpdate`), so that no caller has to remember to close the open step first:
 * - `record`: a step of its own; the open step (a typing burst) is closed first;
 * - `merge`: folded into the last step, which undoes and redoes as one;
 * - `none`: not recorded: the history stays as it is (undo and redo move in it; view changes leave it alone).
 */
export type Capture = 'record' | 'merge' | 'none';

/** Typing pauses longer than this start a new undo step. */
export const COALESCE_MS = 700;

let nextEntryId = 1;

export function makeEntry(applied: Applied, op: Op, label: string, now: number, coalesceKey?: string): HistoryEntry {
  return {
    id: nextEntryId++,
    label,
    patches: applied.patches,
    inversePatches: applied.inversePatches,
    op,
    at: now,
    ...(coalesceKey ? { coalesceKey } : {}),
  };
}

/** True when a new change with this key may fold into the top entry instead of opening a new one. */
export function canCoalesce(top: HistoryEntry | undefined, key: string, now: number): top is HistoryEntry {
  return !!top && !top.sealed && top.coalesceKey === key && now - top.at < COALESCE_MS;
}

export function sealed(e: HistoryEntry): HistoryEntry {
  return e.sealed ? e : { ...e, sealed: true };
}

/** Undo history is bounded so that a day of typing does not grow memory without limit. */
export const MAX_HISTORY = 2000;
