import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMAT_NAMES } from '@shared/ipc/contract';
import type { CommandId } from '@shared/commands/ids';
import { useApp, useAppContext } from '../../app-context';
import { runCommand } from '../../commands/registry';

/** Toolbar "Export ▾": the export dialog, or one format straight away. */
export function ExportMenu() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const hasDoc = useApp((s) => !!s.doc);
  const [open, setOpen] = useState(false);
  const run = (id: CommandId) => {
    setOpen(false);
    void runCommand(id, ctx);
  };
  return (
    <div className="menu-wrap">
      <button
        type="button"
        className="tool-icon"
        disabled={!hasDoc}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('toolbar.export')}
        title={t('toolbar.export')}
        onClick={() => setOpen(!open)}
        data-testid="btn-export"
      >
        <span className="codicon codicon-export" aria-hidden />
        <span className="caret" aria-hidden>
          ▾
        </span>
      </button>
      {open && (
        <ul className="menu" role="menu" onMouseLeave={() => setOpen(false)}>
          <li
            role="menuitem"
            tabIndex={-1}
            data-testid="export-dialog-open"
            title="Ctrl+E"
            onClick={() => run('file.export')}
          >
            {t('editors.export.menuItem')}
          </li>
          {EXPORT_FORMAT_NAMES.map((f) => (
            <li
              key={f}
              role="menuitem"
              tabIndex={-1}
              data-testid={`export-${f}`}
              onClick={() => run(`file.export.${f}` as CommandId)}
            >
              {f}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
