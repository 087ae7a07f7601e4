import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { findFragment } from '@shared/model/lookup';
import type { ArticleSuggestion, PlacementItem } from '@shared/suggest/types';
import { useApp, useAppContext } from '../../app-context';
import { swatchBackground, type ArticleSwatch } from '../../model/colors';
import { runCommand } from '../../commands/registry';
import { acceptArticle, acceptAllConfident, acceptItem, rejectItem } from './suggest-commands';
import { suggestController, visibleArticles } from './suggest-state';
import { ghostSwatches } from './ghosts';
import { acceptAllConfidentOp, placementCount } from './decisions';
import { reasonText } from './reason-text';
import { useSuggestKeys } from './use-suggest-keys';
import './suggest.css';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A fragment's text shortened to its two ends: where it starts and the seam where it was cut. */
function snippet(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= 46 ? chars.join('') : `${chars.slice(0, 24).join('')} … ${chars.slice(-16).join('')}`;
}

function GhostItem({ item, first, focused }: { item: PlacementItem; first: boolean; focused: boolean }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const text = useApp((s) => (s.doc ? (findFragment(s.doc, item.id)?.text ?? '') : ''));
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focused]);
  const cls = [
    'ghost-item',
    item.fixed ? 'is-fixed' : '',
    item.confident ? 'is-confident' : '',
    focused ? 'is-focused' : '',
  ].join(' ');
  if (item.fixed) {
    return (
      <li className={cls} data-testid={`ghost-fixed-${item.id}`} title={t('suggest.fixed')}>
        <span className="ghost-seam" aria-hidden>
          ▪
        </span>
        <span className="ghost-text">{snippet(text)}</span>
      </li>
    );
  }
  return (
    <li
      ref={ref}
      className={cls}
      data-testid={`ghost-item-${item.id}`}
      data-confident={item.confident}
      aria-current={focused || undefined}
      onClick={() => suggestController(ctx.store).setFocus(item.id)}
    >
      <span
        className="ghost-seam"
        title={item.join ? t('suggest.join') : first ? t('suggest.start') : t('suggest.newParagraph')}
        aria-label={item.join ? t('suggest.join') : undefined}
      >
        {item.join ? '⁝' : first ? '▸' : '¶'}
      </span>
      <span className="ghost-main">
        <span className="ghost-text">{snippet(text)}</span>
        <span className="ghost-reasons">
          {item.reasons.map((r) => (
            <span key={r} className="reason" data-testid="ghost-reason">
              {reasonText(r, t)}
            </span>
          ))}
        </span>
      </span>
      <span className="ghost-conf" title={t('suggest.confidence')}>
        {item.confident && (
          <span className="confident-mark" aria-label={t('suggest.confident')} title={t('suggest.confident')}>
            ✓
          </span>
        )}
        {pct(item.confidence)}
      </span>
      <span className="ghost-actions">
        <button
          type="button"
          data-testid={`accept-${item.id}`}
          title={t('suggest.acceptOne')}
          aria-label={t('suggest.acceptOne')}
          onClick={(e) => {
            e.stopPropagation();
            acceptItem(ctx, item.id);
          }}
        >
          ✓
        </button>
        <button
          type="button"
          data-testid={`reject-${item.id}`}
          disabled={first}
          title={t('suggest.rejectOne')}
          aria-label={t('suggest.rejectOne')}
          onClick={(e) => {
            e.stopPropagation();
            rejectItem(ctx, item.id);
          }}
        >
          ✕
        </button>
      </span>
    </li>
  );
}

function GhostArticle({
  article,
  index,
  swatch,
  focus,
}: {
  article: ArticleSuggestion;
  index: number;
  swatch: ArticleSwatch;
  focus: string | null;
}) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  // Of the proofreader's own items only the last is shown: the one the suggestion continues.
  const lastFixed = article.items.reduce((k, it, i) => (it.fixed ? i : k), -1);
  const items = article.items.slice(Math.max(0, lastFixed));
  return (
    <section
      className="ghost-article"
      data-testid={`ghost-article-${index}`}
      style={{ ['--ghost' as string]: swatch.color }}
    >
      <header>
        <span className="ghost-swatch" style={{ background: swatchBackground(swatch) }} aria-hidden />
        <span className="ghost-no">{swatch.number}</span>
        <span className="ghost-title" title={article.title}>
          {article.title}
        </span>
        <span className="ghost-kind">{article.articleId ? t('suggest.extends') : t('suggest.newArticle')}</span>
        <span className="ghost-conf" title={t('suggest.confidence')}>
          {pct(article.confidence)}
        </span>
        <button type="button" data-testid={`accept-article-${index}`} onClick={() => acceptArticle(ctx, index)}>
          {t('suggest.acceptArticle')}
        </button>
      </header>
      <ol>
        {items.map((it) => (
          <GhostItem
            key={it.id}
            item={it}
            first={!it.fixed && article.items.indexOf(it) === 0}
            focused={focus === it.id}
          />
        ))}
      </ol>
    </section>
  );
}

/** The suggestions panel on top of the board: ghost placements with reasons and confidence, accept / reject. */
export function SuggestPanel() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  useSuggestKeys();
  const c = suggestController(ctx.store);
  const open = useStore(c.state, (s) => s.open);
  const result = useStore(c.state, (s) => s.result);
  const running = useStore(c.state, (s) => s.running);
  const error = useStore(c.state, (s) => s.error);
  const focus = useStore(c.state, (s) => s.focus);
  const scopeArticle = useStore(c.state, (s) => s.scope.articleId);
  const rejected = useStore(c.state, (s) => s.forbid.length);
  const doc = useApp((s) => (open ? s.doc : null));
  const shown = useMemo(() => (result ? visibleArticles(result, scopeArticle) : []), [result, scopeArticle]);
  const swatches = useMemo(() => (doc && result ? ghostSwatches(doc, result) : []), [doc, result]);
  const confidentCount = useMemo(() => {
    if (!doc || !result) return 0;
    const scoped = scopeArticle
      ? { ...result, articles: result.articles.map((a) => (a.articleId === scopeArticle ? a : { ...a, items: [] })) }
      : result;
    const op = acceptAllConfidentOp(doc, scoped);
    return op ? placementCount(op) : 0;
  }, [doc, result, scopeArticle]);
  if (!open || !doc) return null;
  const openEnds = result?.openEnds.length ?? 0;

  return (
    <section className="suggest-panel" data-testid="suggest-panel" aria-label={t('suggest.title')}>
      <header className="suggest-head">
        <h3>{scopeArticle ? t('suggest.titleArticle') : t('suggest.title')}</h3>
        <span className="suggest-status" data-testid="suggest-status" aria-live="polite">
          {running
            ? t('suggest.running')
            : error
              ? t('suggest.error', { message: error })
              : result
                ? t('suggest.summary', { count: shown.length, ms: Math.round(result.stats.ms) })
                : ''}
        </span>
        <button
          type="button"
          className="primary"
          data-testid="accept-all"
          disabled={!confidentCount}
          onClick={() => acceptAllConfident(ctx)}
        >
          {t('suggest.acceptAll', { count: confidentCount })}
        </button>
        <button
          type="button"
          data-testid="suggest-close"
          title={t('suggest.cmd.close')}
          aria-label={t('suggest.cmd.close')}
          onClick={() => void runCommand('suggest.close', ctx)}
        >
          ×
        </button>
      </header>
      <p className="suggest-hint">
        {t('suggest.hint')}
        {rejected ? ` · ${t('suggest.rejected', { count: rejected })}` : ''}
        {openEnds ? ` · ${t('suggest.openEnds', { count: openEnds })}` : ''}
      </p>
      <div className="suggest-list">
        {result && !shown.length && !running && (
          <p className="empty-note" data-testid="suggest-empty">
            {t('suggest.none')}
          </p>
        )}
        {shown.map(({ article, index }) => (
          <GhostArticle key={index} article={article} index={index} swatch={swatches[index]} focus={focus} />
        ))}
      </div>
    </section>
  );
}
