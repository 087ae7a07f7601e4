import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApp, useAppContext } from '../../app-context';
import { runCommand } from '../../commands/registry';
import { acceptAllConfident } from './suggest-commands';
import { suggestController, visibleArticles } from './suggest-state';
import { acceptAllConfidentOp, acceptReadingOp, placementCount } from './decisions';
import { acceptReading, walk } from './doubt-queue';
import { useSuggestKeys } from './use-suggest-keys';
import './suggest.css';

/**
 * The suggestions bar on top of the board: the engine's status, accept the reading (every ghost placement, one undo
 * step), accept the confident ones, and the doubt queue. The ghost placements themselves are in the article cards.
 */
export function SuggestPanel() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  useSuggestKeys();
  const c = suggestController(ctx.store);
  const open = useStore(c.state, (s) => s.open);
  const result = useStore(c.state, (s) => s.result);
  const running = useStore(c.state, (s) => s.running);
  const error = useStore(c.state, (s) => s.error);
  const scopeArticle = useStore(c.state, (s) => s.scope.articleId);
  const rejected = useStore(c.state, (s) => s.forbid.length);
  const doc = useApp((s) => (open ? s.doc : null));
  const shown = useMemo(() => (result ? visibleArticles(result, scopeArticle) : []), [result, scopeArticle]);
  const confidentCount = useMemo(() => {
    if (!doc || !result) return 0;
    const scoped = scopeArticle
      ? { ...result, articles: result.articles.map((a) => (a.articleId === scopeArticle ? a : { ...a, items: [] })) }
      : result;
    const op = acceptAllConfidentOp(doc, scoped);
    return op ? placementCount(op) : 0;
  }, [doc, result, scopeArticle]);
  const readingCount = useMemo(() => {
    if (!doc || !result || scopeArticle) return 0;
    const op = acceptReadingOp(doc, result);
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
          data-testid="accept-reading"
          disabled={!readingCount}
          title={t('suggest.acceptReadingTitle')}
          onClick={() => acceptReading(ctx)}
        >
          {t('suggest.acceptReading')}
        </button>
        <button
          type="button"
          data-testid="accept-all"
          disabled={!confidentCount}
          onClick={() => acceptAllConfident(ctx)}
        >
          {t('suggest.acceptAll', { count: confidentCount })}
        </button>
        <button type="button" data-testid="doubt-next" title={t('doubt.buttonTitle')} onClick={() => walk(ctx, 1)}>
          {t('doubt.button')} ▸
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
      {/* With everything placed the doubts take over (status bar, F7): nothing to say here. */}
      {result && !shown.length && !running && doc.pool.length > 0 && (
        <p className="empty-note" data-testid="suggest-empty">
          {t('suggest.none')}
        </p>
      )}
    </section>
  );
}
