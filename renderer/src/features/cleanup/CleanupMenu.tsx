import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLEANUP_RULES, type CleanupRule } from '@shared/cleanup';
import { useApp, useAppContext } from '../../app-context';
import { CLEANUP_SCOPES, openCleanup, scopeAvailable } from './cleanup-state';

/**
 * Toolbar "Cleanup ▾": pick a rule (or all), then what to clean: the selected fragments, the selected article or
 * the whole issue. Always opens the preview; nothing is applied from the menu.
 */
export function CleanupMenu() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const hasDoc = useApp((s) => !!s.doc);
  // Re-render on selection changes so the scope entries grey out correctly.
  useApp((s) => s.selection.length > 0);
  useApp((s) => s.selectedArticle);
  const [open, setOpen] = useState(false);
  const [rule, setRule] = useState<CleanupRule | 'all'>('all');
  const run = (scope: (typeof CLEANUP_SCOPES)[number]) => {
    setOpen(false);
    openCleanup(store, scope, rule === 'all' ? CLEANUP_RULES : [rule]);
  };
  const best =
    scopeAvailable(store, 'selection') && store.getState().focusedPane !== 'board'
      ? 'selection'
      : scopeAvailable(store, 'article')
        ? 'article'
        : 'issue';
  return (
    <div className="menu-wrap cleanup-menu">
      <button
        type="button"
        disabled={!hasDoc}
        data-testid="btn-cleanup"
        title={t(`editors.cleanup.cmd.${best}`)}
        onClick={() => run(best)}
      >
        {t('editors.cleanup.buttonScoped', { scope: t(`editors.cleanup.scopeShort.${best}`) })}
      </button>
      <button
        type="button"
        disabled={!hasDoc}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('editors.cleanup.more')}
        data-testid="btn-cleanup-more"
        onClick={() => setOpen(!open)}
      >
        ▾
      </button>
      {open && (
        <div className="menu editors-menu" role="menu" onMouseLeave={() => setOpen(false)}>
          <fieldset>
            <legend>{t('editors.cleanup.rules')}</legend>
            {(['all', ...CLEANUP_RULES] as const).map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name="cleanup-rule"
                  checked={rule === r}
                  onChange={() => setRule(r)}
                  data-testid={`cleanup-rule-${r}`}
                />
                {r === 'all' ? t('editors.cleanup.allRules') : t(`editors.cleanup.rule.${r}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('editors.cleanup.scopeHead')}</legend>
            {CLEANUP_SCOPES.map((s) => (
              <button
                key={s}
                type="button"
                role="menuitem"
                disabled={!scopeAvailable(store, s)}
                data-testid={`cleanup-scope-${s}`}
                onClick={() => run(s)}
              >
                {t(`editors.cleanup.scope.${s}`)}
              </button>
            ))}
          </fieldset>
        </div>
      )}
    </div>
  );
}
