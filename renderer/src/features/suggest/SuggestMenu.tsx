import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../app-context';
import { runCommand } from '../../commands/registry';
import type { CommandId } from '@shared/commands/ids';

/** Toolbar "Suggest ▾": for the current page, or for the selected article. */
export function SuggestMenu() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const hasDoc = useApp((s) => !!s.doc);
  const hasArticle = useApp((s) => !!s.selectedArticle);
  const [open, setOpen] = useState(false);
  const run = (id: CommandId) => {
    setOpen(false);
    void runCommand(id, ctx);
  };
  return (
    <div className="menu-wrap suggest-menu">
      <button
        type="button"
        disabled={!hasDoc}
        data-testid="btn-suggest"
        title="Ctrl+Shift+G"
        onClick={() => run('suggest.page')}
      >
        {t('suggest.button')}
      </button>
      <button
        type="button"
        disabled={!hasDoc}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('suggest.more')}
        data-testid="btn-suggest-more"
        onClick={() => setOpen(!open)}
      >
        ▾
      </button>
      <button
        type="button"
        disabled={!hasDoc}
        className="doubt-btn"
        data-testid="btn-doubts"
        title={t('doubt.buttonTitle')}
        onClick={() => run('doubt.next')}
      >
        {t('doubt.button')}
      </button>
      {open && (
        <ul className="menu" role="menu" onMouseLeave={() => setOpen(false)}>
          <li role="menuitem" tabIndex={-1} data-testid="suggest-page" onClick={() => run('suggest.page')}>
            {t('suggest.cmd.page')}
          </li>
          <li
            role="menuitem"
            tabIndex={-1}
            aria-disabled={!hasArticle}
            data-testid="suggest-article"
            onClick={() => hasArticle && run('suggest.article')}
          >
            {t('suggest.cmd.article')}
          </li>
        </ul>
      )}
    </div>
  );
}
