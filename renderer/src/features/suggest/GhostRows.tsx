import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { findFragment } from '@shared/model/lookup';
import type { ArticleSuggestion, PlacementItem } from '@shared/suggest/types';
import { useApp, useAppContext } from '../../app-context';
import { swatchBackground, type ArticleSwatch } from '../../model/colors';
import { acceptArticle, acceptItem, rejectItem } from './suggest-commands';
import { suggestController } from './suggest-state';
import { ghostSwatches } from './ghosts';
import { reasonText } from './reason-text';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A fragment's text shortened to its two ends: where it starts and the seam where it was cut. */
function snippet(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= 60 ? chars.join('') : `${chars.slice(0, 32).join('')} … ${chars.slice(-20).join('')}`;
}

/**
 * One ghost placement of the engine's reading, shown where it would go (inside its article card): dashed, and
 * shaded by the confidence of its link (the less sure, the paler), with accept ✓ and reject ✕.
 */
export function GhostItem({ item, first, focused }: { item: PlacementItem; first: boolean; focused: boolean }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const text = useApp((s) => (s.doc ? (findFragment(s.doc, item.id)?.text ?? '') : ''));
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focused]);
  const cls = ['ghost-item', item.confident ? 'is-confident' : '', focused ? 'is-focused' : ''].join(' ');
  return (
    <li
      ref={ref}
      className={cls}
      data-testid={`ghost-item-${item.id}`}
      data-fragment-ghost={item.id}
      data-confident={item.confident}
      data-confidence={item.confidence}
      style={{ ['--conf' as string]: String(item.confidence) }}
      aria-current={focused || undefined}
      onClick={(e) => {
        e.stopPropagation();
        suggestController(ctx.store).setFocus(item.id);
      }}
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
        {/* The reasons of the highlighted one only: a card full of chips would bury the text. */}
        <span className="ghost-reasons" hidden={!focused}>
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

function GhostList({
  article,
  index,
  focus,
  testId,
}: {
  article: ArticleSuggestion;
  index: number;
  focus: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const items = article.items.filter((it) => !it.fixed);
  return (
    <div className="ghost-block" data-testid={testId}>
      <ol>
        {items.map((it) => (
          <GhostItem key={it.id} item={it} first={article.items.indexOf(it) === 0} focused={focus === it.id} />
        ))}
      </ol>
      <div className="ghost-foot">
        <span className="ghost-conf" title={t('suggest.confidence')}>
          {pct(article.confidence)}
        </span>
        <button
          type="button"
          data-testid={`accept-article-${index}`}
          onClick={(e) => {
            e.stopPropagation();
            acceptArticle(ctx, index);
          }}
        >
          {t('suggest.acceptArticle')}
        </button>
      </div>
    </div>
  );
}

/** Inside an article card: the reading's continuation of that article, after its last placed fragment. */
export function GhostRows({ articleId }: { articleId: string }) {
  const { store } = useAppContext();
  const c = suggestController(store);
  const result = useStore(c.state, (s) => (s.open ? s.result : null));
  const focus = useStore(c.state, (s) => s.focus);
  const scopeArticle = useStore(c.state, (s) => s.scope.articleId);
  if (!result || (scopeArticle && scopeArticle !== articleId)) return null;
  const index = result.articles.findIndex((a) => a.articleId === articleId && a.items.some((it) => !it.fixed));
  if (index < 0) return null;
  return <GhostList article={result.articles[index]} index={index} focus={focus} testId={`ghost-article-${index}`} />;
}

/** After the cards: the reading's new articles, as ghost cards in the colours they will get. */
export function GhostCards() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const c = suggestController(store);
  const result = useStore(c.state, (s) => (s.open && !s.scope.articleId ? s.result : null));
  const focus = useStore(c.state, (s) => s.focus);
  const doc = useApp((s) => (result ? s.doc : null));
  const swatches = useMemo(() => (doc && result ? ghostSwatches(doc, result) : []), [doc, result]);
  if (!result || !doc) return null;
  return (
    <>
      {result.articles.map((a, index) => {
        if (a.articleId || !a.items.some((it) => !it.fixed)) return null;
        const sw: ArticleSwatch = swatches[index];
        return (
          <section
            key={index}
            className="card ghost-card"
            data-testid={`ghost-article-${index}`}
            style={{ ['--ghost' as string]: sw.color }}
            aria-label={`${t('suggest.ghostArticle')} ${sw.number}`}
          >
            <header className="card-head">
              <span className="swatch ghost-swatch" style={{ background: swatchBackground(sw) }} aria-hidden />
              <span className="card-num ghost-no">{sw.number}</span>
              <span className="ghost-title" title={a.title}>
                {a.title}
              </span>
              <span className="ghost-kind">{t('suggest.newArticle')}</span>
            </header>
            <GhostList article={a} index={index} focus={focus} />
          </section>
        );
      })}
    </>
  );
}
