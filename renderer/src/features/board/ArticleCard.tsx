import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '@shared/model/types';
import { REVIEW_STATUSES } from '@shared/model/schema';
import { articlePages, articleTitle } from '@shared/model/lookup';
import { useApp, useAppContext } from '../../app-context';
import { articleSwatch, swatchBackground } from '../../model/colors';
import { useAreaDropTarget } from '../dnd/use-fragment-drag';
import type { DropTarget } from '../dnd/drop-op';
import { ItemRow } from './ItemRow';
import { ReviewBadge } from '../review/ReviewBadge';
import { setReviewStatus } from '../review/review-status';
import { GhostRows } from '../suggest/GhostRows';

/** One article: number + colour swatch, title editable in place, review status, pages, and its fragments. */
export const ArticleCard = memo(function ArticleCard({ article, index }: { article: Article; index: number }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const active = useApp((s) => s.selectedArticle === article.id);
  const ref = useRef<HTMLElement>(null);
  const target = useMemo<DropTarget>(() => ({ kind: 'article', articleId: article.id }), [article.id]);
  const over = useAreaDropTarget(ref, target);
  const [editing, setEditing] = useState(false);
  const sw = articleSwatch(index);
  // Title and page labels read the issue (its fragments), but as strings: a keystroke elsewhere or in one of
  // this card's fragments re-renders the card only when its title or page list really changes; each
  // item row subscribes to its own fragment.
  const title = useApp((s) => (s.doc ? articleTitle(s.doc, article) : ''));
  const pageList = useApp((s) => (s.doc ? articlePages(s.doc, article).join(', ') : ''));
  const apply = ctx.store.getState().apply;

  return (
    <article
      ref={ref}
      className={['card', over ? 'is-over' : '', active ? 'is-active' : ''].join(' ')}
      data-testid={`article-${index + 1}`}
      data-article-id={article.id}
      aria-label={t('article.number', { n: sw.number })}
      onClick={() => ctx.store.getState().selectArticle(article.id)}
    >
      <header className="card-head">
        <span className="swatch" style={{ background: swatchBackground(sw) }} aria-hidden />
        <span className="card-num" aria-label={t('article.number', { n: sw.number })}>
          {sw.number}
        </span>
        {editing ? (
          <input
            className="title-input"
            data-testid="article-title-input"
            autoFocus
            defaultValue={article.title ?? title}
            placeholder={t('board.titlePlaceholder')}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing) return;
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              if (e.key === 'Escape') setEditing(false);
            }}
            onBlur={(e) => {
              setEditing(false);
              const v = e.target.value.trim();
              if (v !== (article.title ?? title))
                apply({ type: 'renameArticle', articleId: article.id, title: v || null });
            }}
          />
        ) : (
          <button
            type="button"
            className="card-title"
            title={t('board.renameHint')}
            data-testid="article-title"
            onClick={() => setEditing(true)}
          >
            {title || t('article.untitled', { n: sw.number })}
          </button>
        )}
        <select
          className={`status status-${article.status}`}
          aria-label={t('board.status')}
          value={article.status}
          onChange={(e) => void setReviewStatus(ctx, article.id, e.target.value as Article['status'])}
        >
          {REVIEW_STATUSES.map((st) => (
            <option key={st} value={st}>
              {t(`status.${st}`)}
            </option>
          ))}
        </select>
        {pageList && <span className="card-pages">{t('board.pages', { pages: pageList })}</span>}
        {/* Reorder articles (the export follows the board order). */}
        <button
          type="button"
          className="icon-btn"
          title={t('history.moveArticle')}
          aria-label={`${t('history.moveArticle')} ↑`}
          data-testid="article-up"
          disabled={index === 0}
          onClick={(e) => {
            e.stopPropagation();
            apply({ type: 'moveArticle', articleId: article.id, index: index - 1 });
          }}
        >
          ▲
        </button>
        <button
          type="button"
          className="icon-btn"
          title={t('history.moveArticle')}
          aria-label={`${t('history.moveArticle')} ↓`}
          data-testid="article-down"
          onClick={(e) => {
            e.stopPropagation();
            if (index < ctx.store.getState().doc!.articles.length - 1)
              apply({ type: 'moveArticle', articleId: article.id, index: index + 1 });
          }}
        >
          ▼
        </button>
        <button
          type="button"
          className="icon-btn"
          title={t('board.delete')}
          aria-label={t('board.delete')}
          onClick={(e) => {
            e.stopPropagation();
            apply({ type: 'deleteArticle', articleId: article.id });
          }}
        >
          ✕
        </button>
      </header>
      <ReviewBadge article={article} />
      <div className="card-items" role="listbox" aria-multiselectable aria-label={title}>
        {article.items.length === 0 && <p className="empty-drop">{t('board.empty')}</p>}
        {article.items.map((it, i) => (
          <ItemRow key={it.id} id={it.id} articleId={article.id} join={it.join} first={i === 0} />
        ))}
      </div>
      <GhostRows articleId={article.id} />
    </article>
  );
});
