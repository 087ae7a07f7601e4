import type { Patch } from 'immer';
import type { Issue } from '@shared/model/types';
import { applyRecorded } from '@shared/ops/apply';

/**
 * Undo/redo without copying the document. The operations assign whole frozen arrays at the top of the issue
 * (`articles`, `pool`, `history`), so their patches are "replace `pool` with this array"; immer's applyPatches
 * deep-clones such values (all 1,500 articles of a 100-page issue: ~150 ms per undo). The values are frozen and
 * never mutated, so a top-level replace can simply share them. Deeper patches (a fragment's text) still go
 * through immer; when both kinds touch the same key, immer applies everything in order.
 */
export function applyPatchesShared(issue: Issue, patches: readonly Patch[]): Issue {
  const isTop = (p: Patch) => p.op === 'replace' && p.path.length === 1;
  const top = patches.filter(isTop);
  if (!top.length) return applyRecorded(issue, patches);
  const deep = patches.filter((p) => !isTop(p));
  const topKeys = new Set(top.map((p) => p.path[0]));
  if (deep.some((p) => topKeys.has(p.path[0]))) return applyRecorded(issue, patches);
  const base = deep.length ? applyRecorded(issue, deep) : issue;
  const next: Record<string, unknown> = { ...base };
  for (const p of top) next[p.path[0] as string] = p.value;
  return Object.freeze(next) as unknown as Issue;
}
