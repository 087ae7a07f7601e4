import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { autoScrollForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import { useApp, useAppContext } from '../../app-context';
import { newArticleId } from '../../commands/ids';
import { newArticleFromSelection } from '../../commands/editorial';
import { useAreaDropTarget } from '../dnd/use-fragment-drag';
import { ArticleCard } from './ArticleCard';
import { Tray } from './Tray';

function NewArticleZone() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const ref = useRef<HTMLButtonElement>(null);
  // The id is taken when the drop happens, from the issue as it is then.
  const target = useCallback(() => ({ kind: 'newArticle' as const, articleId: newArticleId(ctx.store.getState().doc!) }), [ctx.store]);
  const over = useAreaDropTarget(ref, target);
  return (
    <button ref={ref} type="button" className={`new-article ${over ? 'is-over' : ''}`} data-testid="new-article" onClick={() => newArticleFromSelection(ctx)}>
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
  return (
    <section className="pane board-pane" aria-label={t('board.title')}>
      <header className="pane-head">
        <h2>{t('board.title')}</h2>
        <span className="pane-sub">{articles ? articles.length : ''}</span>
      </header>
      <div
        ref={scrollRef}
        className="pane-scroll board-scroll"
        data-pane="board"
        data-testid="board"
        tabIndex={0}
        onFocus={() => store.getState().focusPane('board')}
      >
        {articles?.map((a, i) => <ArticleCard key={a.id} article={a} index={i} />)}
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
