import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../app-context';
import { commandLabel, isEnabled, runCommand } from '../../commands/registry';
import { formatKeys } from './format-keys';
import type { CommandId } from '@shared/commands/ids';

/** Ctrl+K: every command with its shortcut, filtered as you type (matches the label in either language and the id). */
export function CommandPalette() {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const open = useApp((s) => s.paletteOpen);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const list = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const en = i18n.getFixedT('en');
    return ctx.commands.all
      .map((c) => ({ c, label: commandLabel(c, t), alt: commandLabel(c, en) }))
      .filter(
        ({ c, label, alt }) =>
          !needle ||
          label.toLowerCase().includes(needle) ||
          alt.toLowerCase().includes(needle) ||
          c.id.toLowerCase().includes(needle),
      );
  }, [q, t, i18n]);
  if (!open) return null;
  const close = () => {
    ctx.store.getState().set({ paletteOpen: false });
    setQ('');
    setActive(0);
  };
  const pick = (id: CommandId) => {
    close();
    void runCommand(id, ctx);
  };
  return (
    <div className="overlay" onMouseDown={close}>
      <div
        className="palette"
        role="dialog"
        aria-modal
        aria-label={t('palette.title')}
        data-testid="palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          className="palette-input"
          data-testid="palette-input"
          placeholder={t('palette.placeholder')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive(Math.min(list.length - 1, active + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive(Math.max(0, active - 1));
            } else if (e.key === 'Enter' && list[active]) {
              e.preventDefault();
              pick(list[active].c.id);
            }
          }}
        />
        <ul className="palette-list" role="listbox">
          {list.length === 0 && <li className="empty-note">{t('palette.none')}</li>}
          {list.map(({ c, label }, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === active}
              aria-disabled={!isEnabled(c, ctx)}
              className={[i === active ? 'is-active' : '', isEnabled(c, ctx) ? '' : 'is-disabled'].join(' ')}
              data-command={c.id}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(c.id)}
            >
              <span>{label}</span>
              {c.keys && <kbd>{formatKeys(c.keys)}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
