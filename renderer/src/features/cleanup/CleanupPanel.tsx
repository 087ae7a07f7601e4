import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import {
  changeKey,
  removesLostTextTrace,
  type CleanupRule,
  type FragmentCleanup,
  type TextChange,
} from '@shared/cleanup';
import { useAppContext } from '../../app-context';
import { articleIndexById } from '../../store/selectors';
import { applyCleanup, cleanupPanel, closeCleanup, setRuleTicked, toggleChange } from './cleanup-state';
import { snippetOf } from './snippet';
import { ChangeSnippet } from './ChangeSnippet';
import './editors.css';

/**
 * The Cleanup preview: the proposed changes grouped by rule, each group with All / None, every change with a tick
 * box; a change that would remove the only trace of lost text is flagged and starts unticked. The Apply button
 * names the scope. Apply = one undo step, Cancel = nothing changes.
 */
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

  const groups = useMemo(() => {
    const m = new Map<string, { f: FragmentCleanup; c: TextChange }[]>();
    for (const f of preview?.fragments ?? [])
      for (const c of f.changes) m.set(c.rule, [...(m.get(c.rule) ?? []), { f, c }]);
    return [...m];
  }, [preview]);

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
          {groups.map(([rule, items]) => {
            const on = items.filter(({ f, c }) => !skipped.has(changeKey(f.fragmentId, c))).length;
            return (
              <section key={rule} className="editors-group" data-testid={`cleanup-rule-${rule}`}>
                <h3 className="cleanup-rule-head">
                  <span>
                    {t(`editors.cleanup.rule.${rule as CleanupRule}`, { defaultValue: rule })}{' '}
                    <span className="muted">
                      ({on}/{items.length})
                    </span>
                  </span>
                  <button type="button" onClick={() => setRuleTicked(store, rule, true)} data-testid="cleanup-rule-all">
                    {t('editors.cleanup.all')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setRuleTicked(store, rule, false)}
                    data-testid="cleanup-rule-none"
                  >
                    {t('editors.cleanup.none')}
                  </button>
                </h3>
                <ul>
                  {items.map(({ f, c }) => {
                    const k = changeKey(f.fragmentId, c);
                    const trace = removesLostTextTrace(f.before, c);
                    return (
                      <li
                        key={k}
                        className={`${skipped.has(k) ? 'is-skipped' : ''}${trace ? ' is-lost-trace' : ''}`}
                        data-testid="cleanup-change"
                      >
                        <label>
                          <input
                            type="checkbox"
                            checked={!skipped.has(k)}
                            onChange={() => toggleChange(store, f.fragmentId, c.start)}
                          />
                          <ChangeSnippet s={snippetOf(f.before, c.start, c.end, c.after)} />
                          <span className="rule-tag">
                            {t('editors.cleanup.where', {
                              page: f.page,
                              place: places.get(f.fragmentId) ?? '',
                              id: f.fragmentId,
                            })}
                          </span>
                          {trace && (
                            <span className="lost-trace" role="note" data-testid="cleanup-lost-trace">
                              {t('editors.cleanup.lostTrace')}
                            </span>
                          )}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
        <footer className="editors-actions">
          <button type="button" className="primary" disabled={!ticked} onClick={apply} data-testid="cleanup-apply">
            {t('editors.cleanup.applyScoped', { count: ticked, scope: t(`editors.cleanup.scope.${scope}`) })}
          </button>
          <button type="button" onClick={() => closeCleanup(store)} data-testid="cleanup-cancel">
            {t('editors.cleanup.cancel')}
          </button>
        </footer>
      </div>
    </div>
  );
}
