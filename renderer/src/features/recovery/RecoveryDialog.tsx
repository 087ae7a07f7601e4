import { useEffect, useState } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import type { Out } from '@shared/ipc/contract';
import { useAppContext } from '../../app-context';
import { confirmDiscard } from '../persistence/file-commands';
import { autosaveFor } from '../persistence/autosave';
import { PAGE_SESSION } from '../../platform/page-session';
import { compareRecovery, isBaseFile, restoreRecovery } from './restore';
import type { RecoveryDiff } from './compare';
import '../dialogs/dialogs.css';
import './recovery.css';

type Entry = Out<'recovery.list'>[number];

function when(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale);
}

function DiffSummary({ diff }: { diff: RecoveryDiff }) {
  const { t } = useTranslation();
  const pair = (saved: number | null, now: number) => (saved === null ? String(now) : `${saved} → ${now}`);
  return (
    <dl className="recovery-diff" data-testid="recovery-diff">
      <dt>{t('recovery.diffArticles')}</dt>
      <dd>{pair(diff.articles.saved, diff.articles.recovered)}</dd>
      <dt>{t('recovery.diffPlaced')}</dt>
      <dd>{pair(diff.placed.saved, diff.placed.recovered)}</dd>
      <dt>{t('recovery.diffChanged')}</dt>
      <dd>{diff.changedFragments}</dd>
      <dt>{t('recovery.diffSteps')}</dt>
      <dd>{diff.steps}</dd>
      {diff.articles.saved === null && <dd className="recovery-note">{t('recovery.noSavedFile')}</dd>}
    </dl>
  );
}

/**
 * Crash recovery at start (docs/foundation.md, Crash recovery): lists the recovery files left by a crashed or killed session and offers
 * Restore (document and undo history), Compare (summary against the saved file) and Discard for each. A file
 * of a newer build is listed with the host's message and no Restore: it is kept untouched for that build.
 */
export function RecoveryDialog() {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [diffs, setDiffs] = useState<Record<string, RecoveryDiff>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void ctx.host
      .invoke('recovery.list', { session: PAGE_SESSION })
      .then((list) => {
        const own = autosaveFor(ctx.store)?.recoveryId();
        // Base-document files belong to a session's entry: listed, restored and discarded with it.
        // Files another open window is writing are its own: neither restored nor discarded from here.
        if (!cancelled)
          setEntries(list.filter((e) => !e.inUse && e.id !== own && !(own && e.id.startsWith(`${own}--base`))));
      })
      .catch(() => {
        if (!cancelled) setEntries([]);
      });
    return () => {
      cancelled = true;
    };
  }, [ctx]);

  const shown = entries?.filter((e) => !isBaseFile(e.id) || e.unreadable) ?? [];
  if (!entries || !shown.length) return null;
  const drop = (id: string) => setEntries(entries.filter((e) => e.id !== id && !e.id.startsWith(`${id}--base`)));
  const fail = (id: string, e: unknown) => setErrors({ ...errors, [id]: e instanceof Error ? e.message : String(e) });
  const act = async (id: string, fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      fail(id, e);
    } finally {
      setBusy(false);
    }
  };

  const restore = (id: string) =>
    act(id, async () => {
      if (!(await confirmDiscard(ctx))) return;
      await restoreRecovery(ctx, id);
      setEntries([]);
      ctx.store.getState().notify('info', t('recovery.restored'));
    });
  const compare = (id: string) =>
    act(id, async () => {
      setDiffs({ ...diffs, [id]: await compareRecovery(ctx, id) });
    });
  const discard = (id: string) =>
    act(id, async () => {
      for (const e of entries)
        if (e.id === id || e.id.startsWith(`${id}--base`)) await ctx.host.invoke('recovery.discard', { id: e.id });
      drop(id);
    });

  return (
    <Dialog.Root open onOpenChange={(open) => !open && setEntries([])}>
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        <Dialog.Content className="recovery dlg-recovery" data-testid="recovery-dialog" aria-describedby={undefined}>
          <header className="help-head">
            <Dialog.Title id="recovery-title">{t('recovery.title')}</Dialog.Title>
            <button type="button" onClick={() => setEntries([])} data-testid="recovery-later">
              {t('recovery.later')}
            </button>
          </header>
          <p>{t('recovery.intro')}</p>
          <ul className="recovery-list">
            {shown.map((e) => (
              <li key={e.id} className={e.unreadable ? 'is-unreadable' : ''} data-testid={`recovery-${e.id}`}>
                <div className="recovery-what">
                  <strong>{e.unreadable ? e.title || e.id : e.title || t('app.untitledIssue')}</strong>
                  {e.fileName && <span className="recovery-file">{e.fileName}</span>}
                  <span>{when(e.savedAt, i18n.language)}</span>
                  {!e.unreadable && (
                    <span data-testid="recovery-changes">{t('recovery.changes', { count: e.changes })}</span>
                  )}
                </div>
                {e.unreadable ? (
                  <p className="recovery-message" role="note" data-testid="recovery-unreadable">
                    {t('recovery.unreadable', { reason: e.unreadable })}
                  </p>
                ) : (
                  <div className="recovery-actions">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void restore(e.id)}
                      data-testid="recovery-restore"
                    >
                      {t('recovery.restore')}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void compare(e.id)}
                      data-testid="recovery-compare"
                    >
                      {t('recovery.compare')}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void discard(e.id)}
                      data-testid="recovery-discard"
                    >
                      {t('recovery.discard')}
                    </button>
                  </div>
                )}
                {diffs[e.id] && <DiffSummary diff={diffs[e.id]} />}
                {errors[e.id] && (
                  <p className="recovery-error" role="alert">
                    {errors[e.id]}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
