import { enablePatches, produceWithPatches, applyPatches, type Patch, type Draft } from 'immer';
import type { Issue } from '../model/types';
import type { Op } from './op-schema';
import { moveFragments } from './move-fragments';
import { mergeFragments, splitFragment } from './split-merge';
import { createArticle, deleteArticle, moveArticle, renameArticle, setJoin, setStatus } from './article-ops';
import { editText, setRole } from './fragment-ops';

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
    case 'createArticle': return createArticle(draft, base, op);
    case 'renameArticle': return renameArticle(draft, base, op);
    case 'deleteArticle': return deleteArticle(draft, base, op);
    case 'moveArticle': return moveArticle(draft, base, op);
    case 'moveFragments': return moveFragments(draft, base, op);
    case 'splitFragment': return splitFragment(draft, base, op);
    case 'mergeFragments': return mergeFragments(draft, base, op);
    case 'setJoin': return setJoin(draft, base, op);
    case 'editText': return editText(draft, base, op);
    case 'setRole': return setRole(draft, base, op);
    case 'setStatus': return setStatus(draft, base, op);
  }
}

/** Flattens batches; "new article from selection" is a create followed by a move. */
function steps(op: Op): Step[] {
  if (op.type === 'batch') return op.ops.flatMap(steps);
  if (op.type === 'createArticle' && op.fragmentIds?.length) {
    const { fragmentIds, ...create } = op;
    return [create, { type: 'moveFragments', fragmentIds, to: { kind: 'article', articleId: op.articleId, after: null } }];
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
  for (const s of steps(op)) {
    const base = cur;
    const [next, p, ip] = produceWithPatches(cur, (d) => run(d, base, s));
    cur = next;
    patches = patches.concat(p);
    inverse = ip.concat(inverse);
  }
  if (!meta.unrecorded) {
    const entry = { op: op as unknown as Record<string, unknown>, at: meta.at ?? new Date().toISOString(), ...(meta.by ? { by: meta.by } : {}) };
    const [next, p, ip] = produceWithPatches(cur, (d) => { d.history.push(entry); });
    cur = next;
    patches = patches.concat(p);
    inverse = ip.concat(inverse);
  }
  return { issue: cur, patches, inversePatches: inverse };
}

/** Undo or redo: applies recorded patches. */
export function applyRecorded(issue: Issue, patches: readonly Patch[]): Issue {
  return applyPatches(issue, patches as Patch[]);
}
