import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { autoScrollForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import { useApp, useAppContext } from '../../app-context';
import { newArticleId } from '../../model/new-ids';
import { newArticleFromSelection } from './editorial';
import { useAreaDropTarget } from '../dnd/use-fragment-drag';
import { ArticleCard } from './ArticleCard';
import { Tray } from './Tray';
import { useItemKeys } from './use-item-keys';
import { useBoardFollow } from './use-board-follow';

const articleId = (a: { id: string }) => a.id;
import { SuggestPanel } from '../suggest/SuggestPanel';
import { GhostCards } from '../suggest/GhostRows';

function NewArticleZone() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const ref = useRef<HTMLButtonElement>(null);
  // The id is taken when the drop happens, from the issue as it is then.
  const target = useCallback(
    () => ({ kind: 'newArticle' as const, articleId: newArticleId(ctx.store.getState().doc!) }),
    [ctx.store],
  );
  const over = useAreaDropTarget(ref, target);
  return (
    <button
      ref={ref}
      type="button"
      className={`new-article ${over ? 'is-over' : ''}`}
      data-testid="new-article"
      onClick={() => newArticleFromSelection(ctx)}
    >
      {t('board.newArticleDrop')}
    </button>
  );
}

/** The article board: a card per article, the new-article zone, and the pool and discard trays. */
export function Board() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const articles = useApp((s) => s.doc?.articles);
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    return autoScrollForElements({ element: el });
  }, []);
  // Virtualized: a 100-page issue holds ~1,500 articles; only the cards in view are mounted, so a
  // change re-renders a handful of cards instead of every one. Cards have variable height: measured.
  const itemKey = useItemKeys(articles, articleId);
  const v = useVirtualizer({
    count: articles?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 220,
    overscan: 3,
    getItemKey: itemKey,
    initialRect: { width: 500, height: 900 },
    // Without layout (jsdom, a pane not laid out yet) the height reads 0: render a screenful rather than nothing.
    observeElementRect: (inst, cb) =>
      observeElementRect(inst, (r) => cb(r.height ? r : { width: r.width || 500, height: 900 })),
  });
  const paneRef = useRef<HTMLElement>(null);
  useBoardFollow(scrollRef, paneRef, articles, v);
  return (
    <section ref={paneRef} className="pane board-pane" aria-label={t('board.title')}>
      <header className="pane-head">
        <h2>{t('board.title')}</h2>
        <span className="pane-sub">{articles ? articles.length : ''}</span>
      </header>
      <SuggestPanel />
      <div
        ref={scrollRef}
        className="pane-scroll board-scroll"
        data-pane="board"
        data-testid="board"
        tabIndex={0}
        onFocus={() => store.getState().focusPane('board')}
      >
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {articles &&
            v.getVirtualItems().map((row) => (
              <div
                key={row.key}
                data-index={row.index}
                ref={v.measureElement}
                className="vrow"
                // `top`, not a transform: inside a transformed row the sticky card head was placed against the
                // row's first position and drew over the card's last rows (Chromium).
                style={{ top: row.start }}
              >
                <ArticleCard article={articles[row.index]} index={row.index} />
              </div>
            ))}
        </div>
        {articles && <GhostCards />}
        {articles && <NewArticleZone />}
      </div>
      {articles && (
        <div className="trays">
          <Tray kind="pool" />
          <Tray kind="discard" />
        </div>
      )}
    </section>
  );
}
