import { enablePatches, produceWithPatches, applyPatches, type Patch, type Draft } from 'immer';
import type { Correction, Issue } from '../model/types';
import { OpError } from '../model/lookup';
import { OpSchema, type Op } from './op-schema';
import { moveFragments } from './move-fragments';
import { mergeFragments, splitFragment } from './split-merge';
import { createArticle, deleteArticle, moveArticle, renameArticle, setJoin, setStatus } from './article-ops';
import { editText, setRole } from './fragment-ops';
import { resolveOpenEnd } from './open-end-ops';

enablePatches();

/** The result of an operation: the new issue, and the patches to redo and undo it. */
export interface Applied {
  issue: Issue;
  patches: Patch[];
  inversePatches: Patch[];
}

export interface ApplyMeta {
  /** ISO time recorded in the correction history. */
  at?: string;
  by?: string;
  /** Do not add a correction entry (used when replaying a saved history). */
  unrecorded?: boolean;
}

type Step = Exclude<Op, { type: 'batch' }>;

function run(draft: Draft<Issue>, base: Issue, op: Step): void {
  switch (op.type) {
    case 'createArticle':
      return createArticle(draft, base, op);
    case 'renameArticle':
      return renameArticle(draft, base, op);
    case 'deleteArticle':
      return deleteArticle(draft, base, op);
    case 'moveArticle':
      return moveArticle(draft, base, op);
    case 'moveFragments':
      return moveFragments(draft, base, op);
    case 'splitFragment':
      return splitFragment(draft, base, op);
    case 'mergeFragments':
      return mergeFragments(draft, base, op);
    case 'setJoin':
      return setJoin(draft, base, op);
    case 'editText':
      return editText(draft, base, op);
    case 'setRole':
      return setRole(draft, base, op);
    case 'setStatus':
      return setStatus(draft, base, op);
    case 'resolveOpenEnd':
      return resolveOpenEnd(draft, base, op);
  }
}

/** Flattens batches; "new article from selection" is a create followed by a move. */
function steps(op: Op): Step[] {
  if (op.type === 'batch') return op.ops.flatMap(steps);
  if (op.type === 'createArticle' && op.fragmentIds?.length) {
    const { fragmentIds, ...create } = op;
    return [
      create,
      { type: 'moveFragments', fragmentIds, to: { kind: 'article', articleId: op.articleId, after: null } },
    ];
  }
  return [op];
}

/**
 * Applies one editorial operation. Pure: the input issue is not modified. Throws `OpError` (with a message for
 * the proofreader) when the operation does not fit the issue; nothing is changed then.
 */
export function applyOp(issue: Issue, op: Op, meta: ApplyMeta = {}): Applied {
  let cur = issue;
  let patches: Patch[] = [];
  let inverse: Patch[] = [];
  const list = steps(op);
  for (let i = 0; i < list.length;) {
    // Consecutive text edits move no fragment, so one draft serves them all: an issue-wide Cleanup or Replace is
    // thousands of edits, and a draft per edit rebuilt the fragment index each time (minutes on 100 pages).
    let j = i + 1;
    if (list[i].type === 'editText') while (j < list.length && list[j].type === 'editText') j++;
    const base = cur;
    const group = list.slice(i, j);
    const [next, p, ip] = produceWithPatches(cur, (d) => {
      for (const s of group) run(d, base, s);
    });
    cur = next;
    patches = patches.concat(p);
    inverse = ip.concat(inverse);
    i = j;
  }
  if (!meta.unrecorded) {
    // A plain copy: the history must hold what a JSON save/load gives back (no undefined keys, no shared objects).
    const entry = {
      op: JSON.parse(JSON.stringify(op)) as Record<string, unknown>,
      at: meta.at ?? new Date().toISOString(),
      ...(meta.by ? { by: meta.by } : {}),
    };
    // A new frozen array rather than a push through the draft: immer would walk the whole (growing) history.
    const history = Object.freeze([...cur.history, deepFreeze(entry)]) as Issue['history'];
    const [next, p, ip] = produceWithPatches(cur, (d) => {
      d.history = history;
    });
    cur = next;
    patches = patches.concat(p);
    inverse = ip.concat(inverse);
  }
  return { issue: cur, patches, inversePatches: inverse };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Undo or redo: applies recorded patches. */
export function applyRecorded(issue: Issue, patches: readonly Patch[]): Issue {
  return applyPatches(issue, patches as Patch[]);
}

/**
 * Re-applies a recorded correction history to an issue (normally the freshly imported one), recording each entry
 * again with its original time and author. The result equals the document that produced the history.
 * @throws OpError when an entry is not a valid operation or no longer fits the issue.
 */
export function replayHistory(issue: Issue, history: readonly Correction[]): Issue {
  let cur = issue;
  history.forEach((c, i) => {
    const parsed = OpSchema.safeParse(c.op);
    if (!parsed.success) throw new OpError(`history entry ${i + 1} is not a valid operation`);
    cur = applyOp(cur, parsed.data, { at: c.at, ...(c.by ? { by: c.by } : {}) }).issue;
  });
  return cur;
}
