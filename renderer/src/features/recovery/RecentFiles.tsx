import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '@shared/ipc/contract';
import { useAppContext } from '../../app-context';
import { confirmDiscard, openIssueToken } from '../persistence/file-commands';
import type { CommandContext } from '../../commands/types';

type Recent = Out<'recent.list'>;

/** The host's recent issue files, asked again whenever `refresh` changes (a save or open adds to the list). */
function useRecent(refresh: unknown): Recent {
  const { host } = useAppContext();
  const [items, setItems] = useState<Recent>([]);
  useEffect(() => {
    let cancelled = false;
    void host
      .invoke('recent.list', {})
      .then((r) => {
        if (!cancelled) setItems(r);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [host, refresh]);
  return items;
}

/** Opens a recent file; the autosave session then puts back its last page and selection. */
export async function openRecent(ctx: CommandContext, file: { token: string; name: string }): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  await openIssueToken(ctx, file);
}

function when(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(locale);
}

/** The start screen's list: "reopen the last issue" first, then the others. */
export function RecentFiles() {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const items = useRecent(0);
  if (!items.length) return null;
  const [last, ...rest] = items;
  return (
    <section className="recent-files" data-testid="recent-files" aria-label={t('recent.title')}>
      <button type="button" className="primary" data-testid="recent-reopen" onClick={() => void openRecent(ctx, last)}>
        {t('recent.reopen', { name: last.name })}
      </button>
      {rest.length > 0 && <h3>{t('recent.title')}</h3>}
      <ul>
        {rest.map((r) => (
          <li key={r.token}>
            <button type="button" data-testid="recent-item" title={r.name} onClick={() => void openRecent(ctx, r)}>
              {r.name}
            </button>
            <span className="recent-when">{when(r.openedAt, i18n.language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Toolbar drop-down "Recent ▾" (File menu in the browser host; Electron also has the OS recent documents). */
export function RecentMenu() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);
  const items = useRecent(tick);
  return (
    <div className="menu-wrap">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="btn-recent"
        onClick={() => {
          setTick(tick + 1);
          setOpen(!open);
        }}
      >
        {t('recent.menu')} ▾
      </button>
      {open && (
        <ul className="menu" role="menu" onMouseLeave={() => setOpen(false)}>
          {items.length === 0 && (
            <li role="menuitem" aria-disabled tabIndex={-1}>
              {t('recent.none')}
            </li>
          )}
          {items.map((r) => (
            <li
              key={r.token}
              role="menuitem"
              tabIndex={-1}
              data-testid="recent-menu-item"
              onClick={() => {
                setOpen(false);
                void openRecent(ctx, r);
              }}
            >
              {r.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
