import { useTranslation } from 'react-i18next';
import type { Article } from '@shared/model/types';
import { useAppContext } from '../../app-context';
import { formatReviewTime } from './review-status';
import { reviewPanel } from './review-state';
import '../cleanup/editors.css';

/**
 * Under a board card's head: who set the review status and when ("approved by 王编辑 at 10:42"), and the button
 * to the article's "what changed" review. Nothing is shown for a draft nobody has touched.
 */
export function ReviewBadge({ article }: { article: Article }) {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const status = t(`status.${article.status}`);
  const r = article.review;
  const text = r
    ? r.by
      ? t('editors.review.by', { status, by: r.by, at: formatReviewTime(r.at) })
      : t('editors.review.byNobody', { status, at: formatReviewTime(r.at) })
    : null;
  return (
    <div className="review-line">
      {text && article.status !== 'draft' && (
        <span
          className={`review-badge status-${article.status}`}
          title={r ? `${text} (${r.at})` : undefined}
          data-testid="review-badge"
        >
          {article.status === 'approved' ? '✓ ' : ''}
          {text}
        </span>
      )}
      <button
        type="button"
        className="link-btn"
        data-testid="btn-what-changed"
        title="Shift+F9"
        onClick={(e) => {
          e.stopPropagation();
          store.getState().selectArticle(article.id);
          reviewPanel(store).setState({ articleId: article.id });
        }}
      >
        {t('editors.review.whatChanged')}
      </button>
    </div>
  );
}
