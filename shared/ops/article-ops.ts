import type { Draft } from 'immer';
import type { Issue } from '../model/types';
import { OpError, placeOf } from '../model/lookup';
import type { Op } from './op-schema';
import { insertInSourceOrder } from './containers';
import { bumpNextId } from './split-merge';

type OpOf<T extends Op['type']> = Extract<Op, { type: T }>;

function articleIndex(base: Issue, id: string): number {
  const i = base.articles.findIndex((a) => a.id === id);
  if (i < 0) throw new OpError(`article ${id} does not exist`);
  return i;
}

export function createArticle(draft: Draft<Issue>, base: Issue, op: OpOf<'createArticle'>): void {
  if (base.articles.some((a) => a.id === op.articleId)) throw new OpError(`article id ${op.articleId} is already used`);
  const index = Math.min(op.index ?? base.articles.length, base.articles.length);
  draft.articles.splice(index, 0, {
    id: op.articleId,
    ...(op.title ? { title: op.title } : {}),
    items: [],
    status: 'draft',
  });
  bumpNextId(draft, op.articleId);
}

export function renameArticle(draft: Draft<Issue>, base: Issue, op: OpOf<'renameArticle'>): void {
  const i = articleIndex(base, op.articleId);
  if (op.title === null || op.title.trim() === '') delete draft.articles[i].title;
  else draft.articles[i].title = op.title;
}

/** Deletes an article; its fragments go back to the unassigned pool (never lost). */
export function deleteArticle(draft: Draft<Issue>, base: Issue, op: OpOf<'deleteArticle'>): void {
  const i = articleIndex(base, op.articleId);
  const ids = base.articles[i].items.map((it) => it.id);
  draft.articles.splice(i, 1);
  if (ids.length) draft.pool = insertInSourceOrder(base, base.pool, ids);
}

export function moveArticle(draft: Draft<Issue>, base: Issue, op: OpOf<'moveArticle'>): void {
  const i = articleIndex(base, op.articleId);
  const [art] = draft.articles.splice(i, 1);
  draft.articles.splice(Math.min(op.index, draft.articles.length), 0, art);
}

export function setStatus(draft: Draft<Issue>, base: Issue, op: OpOf<'setStatus'>): void {
  const i = articleIndex(base, op.articleId);
  draft.articles[i].status = op.status;
  if (op.by || op.at) draft.articles[i].review = { by: op.by ?? '', at: op.at ?? '' };
}

export function setJoin(draft: Draft<Issue>, base: Issue, op: OpOf<'setJoin'>): void {
  const p = placeOf(base, op.fragmentId);
  if (!p) throw new OpError(`fragment ${op.fragmentId} does not exist`);
  if (p.kind !== 'article') throw new OpError('only fragments in an article can be joined');
  if (op.join && p.index === 0) throw new OpError('the first fragment of an article has nothing to join');
  draft.articles[articleIndex(base, p.articleId)].items[p.index].join = op.join;
}
