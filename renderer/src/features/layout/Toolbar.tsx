import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../app-context';
import { commandLabel, runCommand } from '../../commands/registry';
import type { CommandContext } from '../../commands/types';
import { selectRedoLabel, selectUndoLabel } from '../../store/selectors';
import type { Language } from '../../store/types';
import { formatKeys } from '../palette/format-keys';
import { switchLanguage } from './view-commands';
import { TOOLBAR_GROUPS, TOOLBAR_ITEMS, type ToolbarCommand } from './toolbar-items';

/** Whether each command button of the toolbar can run now, as one string (re-render only when one flips). */
function enabledFlags(ctx: CommandContext): string {
  return TOOLBAR_ITEMS.map((it) => {
    if (it.kind !== 'command') return '-';
    const cmd = ctx.commands.find(it.command);
    return !cmd || (cmd.enabled && !cmd.enabled(ctx)) ? '0' : '1';
  }).join('');
}

function CommandButton({ item, enabled, label }: { item: ToolbarCommand; enabled: boolean; label: string }) {
  const ctx = useAppContext();
  const cmd = ctx.commands.find(item.command);
  const keys = cmd?.keys?.length ? ` (${formatKeys(cmd.keys.slice(0, 1))})` : '';
  return (
    <button
      type="button"
      className="tool-icon"
      onClick={() => void runCommand(item.command, ctx)}
      disabled={!enabled}
      data-testid={item.testId}
      aria-label={label}
      title={label + keys}
    >
      <span className={`codicon codicon-${item.icon}`} aria-hidden />
    </button>
  );
}

/**
 * The main toolbar, one row down to 1280 px: icon buttons for registry commands (the same path as keys, palette and
 * menu; the palette lists them with their labels) and the drop-down menus, as listed in toolbar-items.tsx.
 */
export function Toolbar() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const flags = useApp(() => enabledFlags(ctx));
  const undoLabel = useApp(selectUndoLabel);
  const redoLabel = useApp(selectRedoLabel);
  const language = useApp((s) => s.language);
  const title = useApp((s) => s.doc?.title);
  const setLang = (l: Language) => (l === language ? Promise.resolve() : switchLanguage(ctx, l));
  const labelOf = (item: ToolbarCommand): string => {
    if (item.command === 'edit.undo' && undoLabel) return t('toolbar.undoWhat', { label: undoLabel });
    if (item.command === 'edit.redo' && redoLabel) return t('toolbar.redoWhat', { label: redoLabel });
    const cmd = ctx.commands.find(item.command);
    return cmd ? commandLabel(cmd, t) : item.command;
  };

  return (
    <header className="toolbar" role="toolbar" aria-label="Galley">
      <span className="brand">Galley</span>
      {title && (
        <span className="doc-title" data-testid="doc-title" title={title}>
          {title}
        </span>
      )}
      {TOOLBAR_GROUPS.map((group) => (
        <div className={`tool-group${group === 'view' ? ' end' : ''}`} key={group} data-group={group}>
          {TOOLBAR_ITEMS.map((item, i) =>
            item.group !== group ? null : item.kind === 'command' ? (
              <CommandButton key={item.command} item={item} enabled={flags[i] === '1'} label={labelOf(item)} />
            ) : (
              <Fragment key={item.key}>
                <item.Component />
              </Fragment>
            ),
          )}
          {group === 'view' && (
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
          )}
        </div>
      ))}
    </header>
  );
}
