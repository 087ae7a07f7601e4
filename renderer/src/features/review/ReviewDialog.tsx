import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { articleDiff } from '@shared/export/article-diff';
import { articleOpenEnds } from '@shared/audit/audit';
import { useApp, useAppContext } from '../../app-context';
import { reviewPanel } from './review-state';
import { nextStatus, setReviewStatus } from './review-status';
import '../cleanup/editors.css';

/**
 * "What changed" in one article, for the editor who approves it: each fragment's current text against the page
 * original (character diff from the shared `articleDiff`), deletions struck through and insertions underlined;
 * unchanged fragments are listed dimmed so the reading order stays visible.
 */
export function ReviewDialog() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const { store } = ctx;
  const articleId = useStore(reviewPanel(store), (p) => p.articleId);
  const article = useApp((s) => (articleId ? s.doc?.articles.find((a) => a.id === articleId) : undefined));
  const issue = useApp((s) => (article ? s.doc : null));
  const diff = useMemo(() => (issue && article ? articleDiff(issue, article.id) : null), [issue, article]);
  const openEnds = useMemo(() => (issue && article ? articleOpenEnds(issue, article).length : 0), [issue, article]);
  const close = () => reviewPanel(store).setState({ articleId: null });

  useEffect(() => {
    if (!articleId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        reviewPanel(store).setState({ articleId: null });
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [articleId, store]);

  if (!diff || !article) return null;
  const next = nextStatus(article.status);
  return (
    <div
      className="overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        className="editors-dialog"
        role="dialog"
        aria-modal
        aria-labelledby="review-title"
        data-testid="review-dialog"
      >
        <header className="help-head">
          <h2 id="review-title">{t('editors.review.title', { title: diff.title })}</h2>
          <span className={`status status-${article.status}`}>{t(`status.${article.status}`)}</span>
        </header>
        <p className="editors-summary" data-testid="review-summary">
          {diff.fragments.length
            ? t('editors.review.summary', {
                changed: diff.changedFragments,
                total: diff.fragments.length,
                added: diff.added,
                removed: diff.removed,
              })
            : t('editors.review.noFragments')}
        </p>
        {openEnds > 0 && (
          <p className="editors-summary review-warning" role="alert" data-testid="review-open-ends">
            ⚠ {t('editors.review.openEnds', { count: openEnds })}
          </p>
        )}
        <div className="editors-list review-text">
          {diff.fragments.map((f) => (
            <p
              key={f.fragmentId}
              className={[f.changed ? '' : 'is-unchanged', f.join ? 'is-joined' : ''].join(' ')}
              data-testid={`review-frag-${f.fragmentId}`}
            >
              <span className="rule-tag">{t(`role.${f.role}`)}</span>
              {f.pieces.map((p, i) =>
                p.kind === 'equal' ? (
                  <span key={i}>{p.text}</span>
                ) : p.kind === 'added' ? (
                  <ins key={i}>{p.text}</ins>
                ) : (
                  <del key={i}>{p.text}</del>
                ),
              )}
            </p>
          ))}
        </div>
        <footer className="editors-actions">
          {next && (
            <button
              type="button"
              className="primary"
              data-testid="review-next"
              onClick={() => void setReviewStatus(ctx, article.id, next)}
            >
              {next === 'approved'
                ? t('editors.review.approve')
                : `${t('editors.review.advance')}: ${t(`status.${next}`)}`}
            </button>
          )}
          <button type="button" onClick={close} data-testid="review-close">
            {t('editors.review.close')}
          </button>
        </footer>
      </div>
    </div>
  );
}
