import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMAT_NAMES } from '@shared/ipc/contract';
import { useApp, useAppContext } from '../../app-context';
import { runCommand } from '../../commands/registry';
import { selectCanRedo, selectCanUndo, selectRedoLabel, selectUndoLabel } from '../../store/selectors';
import type { Language } from '../../store/types';
import { switchLanguage } from './view-commands';
import { RecentMenu } from '../recovery/RecentFiles';
import { SuggestMenu } from '../suggest/SuggestMenu';
import { CleanupMenu } from '../cleanup/CleanupMenu';
import { formatKeys } from '../palette/format-keys';
import type { CommandId } from '@shared/commands/ids';

/** The main toolbar: every button runs a registry command (the same path as keys, palette and menu). */
export function Toolbar() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const hasDoc = useApp((s) => !!s.doc);
  const canUndo = useApp(selectCanUndo);
  const canRedo = useApp(selectCanRedo);
  const undoLabel = useApp(selectUndoLabel);
  const redoLabel = useApp(selectRedoLabel);
  const hasSel = useApp((s) => s.selection.length > 0);
  const language = useApp((s) => s.language);
  const title = useApp((s) => s.doc?.title);
  const [exportOpen, setExportOpen] = useState(false);
  const run = (id: CommandId) => () => {
    void runCommand(id, ctx);
  };
  const setLang = (l: Language) => (l === language ? Promise.resolve() : switchLanguage(ctx, l));

  return (
    <header className="toolbar" role="toolbar" aria-label="Galley">
      <span className="brand">Galley</span>
      {title && (
        <span className="doc-title" data-testid="doc-title">
          {title}
        </span>
      )}
      <div className="tool-group">
        <button type="button" onClick={run('file.new')} data-testid="btn-new">
          {t('toolbar.new')}
        </button>
        <button type="button" onClick={run('file.open')} data-testid="btn-open" title="Ctrl+O">
          {t('toolbar.open')}
        </button>
        <button type="button" onClick={run('file.save')} disabled={!hasDoc} data-testid="btn-save" title="Ctrl+S">
          {t('toolbar.save')}
        </button>
        <button type="button" onClick={run('file.import')} data-testid="btn-import" title="Ctrl+I">
          {t('toolbar.import')}
        </button>
        <RecentMenu />
        <div className="menu-wrap">
          <button
            type="button"
            disabled={!hasDoc}
            aria-haspopup="menu"
            aria-expanded={exportOpen}
            onClick={() => setExportOpen(!exportOpen)}
            data-testid="btn-export"
          >
            {t('toolbar.export')} ▾
          </button>
          {exportOpen && (
            <ul className="menu" role="menu" onMouseLeave={() => setExportOpen(false)}>
              <li
                role="menuitem"
                tabIndex={-1}
                data-testid="export-dialog-open"
                title="Ctrl+E"
                onClick={() => {
                  setExportOpen(false);
                  void runCommand('file.export', ctx);
                }}
              >
                {t('editors.export.menuItem')}
              </li>
              {EXPORT_FORMAT_NAMES.map((f) => (
                <li
                  key={f}
                  role="menuitem"
                  tabIndex={-1}
                  data-testid={`export-${f}`}
                  onClick={() => {
                    setExportOpen(false);
                    void runCommand(`file.export.${f}` as CommandId, ctx);
                  }}
                >
                  {f}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="tool-group">
        <button
          type="button"
          onClick={run('edit.undo')}
          disabled={!canUndo}
          data-testid="btn-undo"
          title={undoLabel ? t('toolbar.undoWhat', { label: undoLabel }) : 'Ctrl+Z'}
        >
          ↶ {t('toolbar.undo')}
        </button>
        <button
          type="button"
          onClick={run('edit.redo')}
          disabled={!canRedo}
          data-testid="btn-redo"
          title={redoLabel ? t('toolbar.redoWhat', { label: redoLabel }) : 'Ctrl+Shift+Z'}
        >
          ↷ {t('toolbar.redo')}
        </button>
      </div>
      <div className="tool-group">
        <button
          type="button"
          onClick={run('article.newFromSelection')}
          disabled={!hasDoc}
          data-testid="btn-new-article"
          title="Ctrl+N"
        >
          {t('toolbar.newArticle')}
        </button>
        <button type="button" onClick={run('fragment.join')} disabled={!hasSel} data-testid="btn-join" title="Ctrl+J">
          {t('toolbar.join')}
        </button>
        <button
          type="button"
          onClick={run('fragment.split')}
          disabled={!hasSel}
          data-testid="btn-split"
          title="Ctrl+Enter"
        >
          {t('toolbar.split')}
        </button>
      </div>
      <div className="tool-group">
        <SuggestMenu />
      </div>
      <div className="tool-group">
        <CleanupMenu />
        <button type="button" onClick={run('find.open')} disabled={!hasDoc} data-testid="btn-find" title="Ctrl+H">
          {t('editors.find.button')}
        </button>
      </div>
      <div className="tool-group end">
        <button
          type="button"
          onClick={run('view.overview')}
          disabled={!hasDoc}
          data-testid="btn-overview"
          title={formatKeys(['Ctrl+Shift+O'])}
        >
          {t('overview.button')}
        </button>
        <button type="button" onClick={run('view.palette')} data-testid="btn-palette" title={formatKeys(['Ctrl+K'])}>
          <kbd>{formatKeys(['Ctrl+K'])}</kbd> {t('toolbar.palette')}
        </button>
        <button type="button" onClick={run('view.help')} data-testid="btn-help" title="?">
          ?
        </button>
        <span className="lang" role="group" aria-label={t('app.language')}>
          <button
            type="button"
            className={language === 'zh-CN' ? 'on' : ''}
            aria-pressed={language === 'zh-CN'}
            onClick={() => void setLang('zh-CN')}
            data-testid="lang-zh"
          >
            中文
          </button>
          <span aria-hidden>|</span>
          <button
            type="button"
            className={language === 'en' ? 'on' : ''}
            aria-pressed={language === 'en'}
            onClick={() => void setLang('en')}
            data-testid="lang-en"
          >
            EN
          </button>
        </span>
      </div>
    </header>
  );
}
