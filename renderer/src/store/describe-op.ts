import type { TFunction } from 'i18next';
import type { Issue } from '@shared/model/types';
import { articleTitle, findArticle } from '@shared/model/lookup';
import type { Op } from '@shared/ops/op-schema';

/** Short article name for history labels: the title cut to a few characters ("灵峰社区…"). */
export function shortTitle(issue: Issue, articleId: string, t: TFunction): string {
  const a = findArticle(issue, articleId);
  const title = a ? articleTitle(issue, a) : '';
  if (!title) return t('article.untitled', { n: issue.articles.findIndex((x) => x.id === articleId) + 1 || '?' });
  const chars = [...title];
  return chars.length > 8 ? chars.slice(0, 8).join('') + '…' : title;
}

/**
 * The undo-history label of an operation, in the current language ("Move 3 fragments to 灵峰社区…").
 * `before` is the issue the operation applies to, `after` the result (new articles have their title only there).
 */
export function describeOp(before: Issue, after: Issue, op: Op, t: TFunction): string {
  if (op.label) return op.label;
  switch (op.type) {
    case 'moveFragments': {
      const n = op.fragmentIds.length;
      if (op.to.kind === 'pool') return t('history.toPool', { count: n });
      if (op.to.kind === 'discard') return t('history.discard', { count: n });
      return t('history.move', { count: n, title: shortTitle(after, op.to.articleId, t) });
    }
    case 'createArticle':
      return op.fragmentIds?.length
        ? t('history.newArticleFrom', { count: op.fragmentIds.length })
        : t('history.newArticle');
    case 'renameArticle':
      return t('history.rename');
    case 'deleteArticle':
      return t('history.deleteArticle', { title: shortTitle(before, op.articleId, t) });
    case 'moveArticle':
      return t('history.moveArticle');
    case 'splitFragment':
      return t('history.split');
    case 'mergeFragments':
      return t('history.merge');
    case 'setJoin':
      return op.join ? t('history.join') : t('history.unjoin');
    case 'editText':
      return t('history.edit');
    case 'setRole':
      return t('history.role', { role: t(`role.${op.role}`) });
    case 'setStatus':
      return t('history.status', { status: t(`status.${op.status}`) });
    case 'resolveOpenEnd':
      return op.as ? t('history.resolveOpenEnd', { as: t(`openEnd.as.${op.as}`) }) : t('history.unresolveOpenEnd');
    case 'batch':
      return t('history.batch', { count: op.ops.length });
  }
}
