import type { Draft } from 'immer';
import type { Issue } from '../model/types';
import { OpError, fragmentLocation } from '../model/lookup';
import type { Op } from './op-schema';
import { editReachesEnd } from './open-end-ops';

type OpOf<T extends Op['type']> = Extract<Op, { type: T }>;

/** Replaces a fragment's current text. The original stays untouched in the page; the diff shows the change. */
export function editText(draft: Draft<Issue>, base: Issue, op: OpOf<'editText'>): void {
  const loc = fragmentLocation(base, op.fragmentId);
  if (!loc) throw new OpError(`fragment ${op.fragmentId} does not exist`);
  if (!op.text.isWellFormed()) throw new OpError('the text contains a broken character (lone surrogate)');
  const target = draft.pages[loc.page].fragments[loc.index];
  // The proofreader settled the old end; an edit that changes that end unsettles it (see open-end-ops.ts).
  if (target.openEnd && editReachesEnd(target.text, op.text)) delete target.openEnd;
  target.text = op.text;
}

export function setRole(draft: Draft<Issue>, base: Issue, op: OpOf<'setRole'>): void {
  for (const id of op.fragmentIds) {
    const loc = fragmentLocation(base, id);
    if (!loc) throw new OpError(`fragment ${id} does not exist`);
    draft.pages[loc.page].fragments[loc.index].role = op.role;
  }
}
