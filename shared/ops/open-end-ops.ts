import type { Draft } from 'immer';
import type { Fragment, Issue } from '../model/types';
import { OpError, fragmentLocation } from '../model/lookup';
import { isOpenEnd } from '../audit/audit';
import type { Op } from './op-schema';

type ResolveOp = Extract<Op, { type: 'resolveOpenEnd' }>;

/**
 * Resolves an open end (`as`: text lost here, continues elsewhere, ends here) or removes its resolution (`as: null`).
 * The resolution is stored on the fragment with who and when, so it follows the fragment through moves. Only an
 * open end can be resolved: a fragment that is joined to its successor or ends its sentence has nothing to settle.
 *
 * What happens when the fragment's end changes later (the choice documented in docs/foundation.md):
 * - a move keeps it (ignored by the audit while the fragment is not an open end, e.g. in the pool or once joined);
 * - a split keeps it on the second piece, which carries the old end; the first piece has a new end and none;
 * - a merge keeps the second fragment's (its end is the merged end); the first one's is dropped;
 * - a text edit that reaches the last character drops it (the end the proofreader judged is gone); an edit
 *   elsewhere in the text keeps it.
 */
export function resolveOpenEnd(draft: Draft<Issue>, base: Issue, op: ResolveOp): void {
  const loc = fragmentLocation(base, op.fragmentId);
  if (!loc) throw new OpError(`fragment ${op.fragmentId} does not exist`);
  const f = base.pages[loc.page].fragments[loc.index];
  const target = draft.pages[loc.page].fragments[loc.index];
  if (op.as === null) {
    if (!f.openEnd) throw new OpError(`fragment ${op.fragmentId} has no resolved open end to remove`);
    delete target.openEnd;
    return;
  }
  if (!isOpenEnd(base, op.fragmentId))
    throw new OpError(
      `fragment ${op.fragmentId} is not an open end (it ends its sentence, is joined to the next one, or is not body text in an article)`,
    );
  if (op.page !== undefined && op.as !== 'elsewhere')
    throw new OpError('a page number goes only with "continues elsewhere"');
  target.openEnd = { as: op.as, ...(op.page ? { page: op.page } : {}), by: op.by ?? '', at: op.at ?? '' };
}

/** True when changing `before` into `after` touches the last non-space character of `before`. */
export function editReachesEnd(before: string, after: string): boolean {
  const a = before.trimEnd();
  const b = after.trimEnd();
  if (a === b) return false;
  let prefix = 0;
  const max = Math.min(a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return suffix === 0;
}

/** A fragment without its open-end resolution (a new object only when it had one). */
export function withoutOpenEnd(f: Fragment): Fragment {
  if (!f.openEnd) return f;
  const { openEnd: _dropped, ...rest } = f;
  return rest;
}
