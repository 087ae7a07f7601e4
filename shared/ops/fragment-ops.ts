import type { Draft } from 'immer';
import type { Issue } from '../model/types';
import { OpError, fragmentLocation } from '../model/lookup';
import type { Op } from './op-schema';

type OpOf<T extends Op['type']> = Extract<Op, { type: T }>;

/** Replaces a fragment's current text. The original stays untouched in the page; the diff shows the change. */
export function editText(draft: Draft<Issue>, base: Issue, op: OpOf<'editText'>): void {
  const loc = fragmentLocation(base, op.fragmentId);
  if (!loc) throw new OpError(`fragment ${op.fragmentId} does not exist`);
  if (!op.text.isWellFormed()) throw new OpError('the text contains a broken character (lone surrogate)');
  draft.pages[loc.page].fragments[loc.index].text = op.text;
}

export function setRole(draft: Draft<Issue>, base: Issue, op: OpOf<'setRole'>): void {
  for (const id of op.fragmentIds) {
    const loc = fragmentLocation(base, id);
    if (!loc) throw new OpError(`fragment ${id} does not exist`);
    draft.pages[loc.page].fragments[loc.index].role = op.role;
  }
}
