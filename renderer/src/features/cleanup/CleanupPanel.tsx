import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { changeKey, type CleanupRule } from '@shared/cleanup';
import { useAppContext } from '../../app-context';
import { articleIndexById } from '../../store/selectors';
import { applyCleanup, cleanupPanel, closeCleanup, toggleChange } from './cleanup-state';
import { snippetOf } from './snippet';
import { ChangeSnippet } from './ChangeSnippet';
import './editors.css';

/** The Cleanup preview: every proposed change with a tick box; Apply = one undo step, Cancel = nothing changes. */
export function CleanupPanel() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const panel = cleanupPanel(store);
  const preview = useStore(panel, (p) => p.preview);
  const scope = useStore(panel, (p) => p.scope);
  const skipped = useStore(panel, (p) => p.skipped);
  const issue = preview ? store.getState().doc : null;
  const ticked = preview ? preview.changeCount - skipped.size : 0;

  useEffect(() => {
    if (!preview) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        closeCleanup(store);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [preview, store]);

  const places = useMemo(() => {
    const m = new Map<string, string>();
    if (!issue || !preview) return m;
    for (const f of preview.fragments) {
      if (!f.articleId) {
        m.set(f.fragmentId, t('editors.cleanup.pool'));
        continue;
      }
      const a = issue.articles.find((x) => x.id === f.articleId);
      // The number, not the title: the title is read from the first fragment and would repeat the text below.
      m.set(f.fragmentId, a ? t('article.number', { n: articleIndexById(issue, a.id) + 1 }) : '');
    }
    return m;
  }, [issue, preview, t]);

  if (!preview) return null;
  const apply = () => applyCleanup(store, (count) => t('editors.cleanup.label', { count }));
  return (
    <div
      className="overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) closeCleanup(store);
      }}
    >
      <div
        className="editors-dialog"
        role="dialog"
        aria-modal
        aria-labelledby="cleanup-title"
        data-testid="cleanup-panel"
      >
        <header className="help-head">
          <h2 id="cleanup-title">{t('editors.cleanup.title', { scope: t(`editors.cleanup.scope.${scope}`) })}</h2>
        </header>
        <p className="editors-summary" data-testid="cleanup-summary">
          {preview.changeCount
            ? t('editors.cleanup.summary', { count: preview.changeCount, fragments: preview.fragments.length })
            : t('editors.cleanup.nothing')}
        </p>
        <div className="editors-list">
          {preview.fragments.map((f) => (
            <section key={f.fragmentId} className="editors-group" data-testid={`cleanup-frag-${f.fragmentId}`}>
              <h3>
                {t('editors.cleanup.where', { page: f.page, place: places.get(f.fragmentId) ?? '', id: f.fragmentId })}
              </h3>
              <ul>
                {f.changes.map((c) => {
                  const k = changeKey(f.fragmentId, c);
                  return (
                    <li key={k} className={skipped.has(k) ? 'is-skipped' : ''} data-testid="cleanup-change">
                      <label>
                        <input
                          type="checkbox"
                          checked={!skipped.has(k)}
                          onChange={() => toggleChange(store, f.fragmentId, c.start)}
                        />
                        <ChangeSnippet s={snippetOf(f.before, c.start, c.end, c.after)} />
                        <span className="rule-tag">
                          {t(`editors.cleanup.rule.${c.rule as CleanupRule}`, { defaultValue: c.rule })}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
        <footer className="editors-actions">
          <button type="button" className="primary" disabled={!ticked} onClick={apply} data-testid="cleanup-apply">
            {t('editors.cleanup.apply', { count: ticked })}
          </button>
          <button type="button" onClick={() => closeCleanup(store)} data-testid="cleanup-cancel">
            {t('editors.cleanup.cancel')}
          </button>
        </footer>
      </div>
    </div>
  );
}
