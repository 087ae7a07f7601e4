import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../app-context';
import { PAGE_SESSION } from '../../platform/page-session';
import { autosaveFor } from '../persistence/autosave';
import { readOnlyState } from '../persistence/read-only';
import { autosaveStatus } from '../recovery/AutosaveStamp';
import { selectDirty } from '../../store/selectors';
import { askUnsaved } from '../persistence/file-commands';
import { QuestionDialog } from './QuestionDialog';
import { FilePicker } from './FilePicker';
import { appInfo } from '../../platform/app-info';

/** How often a window tells the host it is alive (its issue lock goes stale after three missed beats). */
export const HEARTBEAT_MS = 20_000;

/** Maps the unsaved-changes answer (0 Save, 1 Don't save, 2 Cancel) to the host's close answer. */
export const CLOSE_ANSWERS = ['save', 'discard', 'cancel'] as const;

/**
 * The app's own dialogs (questions, the file picker) and the close question: the host asks the renderer
 * (`window.closeRequested`) and the user answers in the same dialog under Electron and the browser host. In the
 * browser host, closing or reloading the tab with unsaved changes also triggers the browser's leave-page warning
 * (`beforeunload`; Electron closes through the question above instead, where `beforeunload` would block the close).
 */
export function DialogsLayer() {
  const ctx = useAppContext();
  const { host, store } = ctx;
  const { t } = useTranslation();
  const fileToken = useApp((s) => s.file?.token);
  const ro = useStore(readOnlyState(store));

  // The heartbeat: keeps this window's issue lock fresh and its recovery file marked in use; releases the lock
  // when another document replaces the issue. A read-only window holds no lock.
  useEffect(() => {
    const token = ro.readOnly ? undefined : fileToken;
    const beat = () => {
      const recoveryId = autosaveFor(store)?.recoveryId() ?? undefined;
      void host
        .invoke('session.heartbeat', {
          session: PAGE_SESSION,
          ...(token ? { fileToken: token } : {}),
          ...(recoveryId ? { recoveryId } : {}),
        })
        .then((r) => {
          if (r.readOnly && token) readOnlyState(store).setState({ readOnly: true, lockedBy: r.lockedBy ?? '' });
        })
        .catch(() => undefined);
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    // A first recovery file is announced at once, not at the next beat: another window starting now must see it.
    let known = autosaveFor(store)?.recoveryId() ?? null;
    const offWritten = autosaveStatus.subscribe(() => {
      const id = autosaveFor(store)?.recoveryId() ?? null;
      if (id !== known) {
        known = id;
        beat();
      }
    });
    const release = () => {
      if (token)
        void host
          .invoke('session.heartbeat', { session: PAGE_SESSION, fileToken: token, release: true })
          .catch(() => undefined);
    };
    window.addEventListener('pagehide', release);
    return () => {
      clearInterval(timer);
      offWritten();
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [host, store, fileToken, ro.readOnly]);

  useEffect(() => {
    let asking = false;
    return host.on('window.closeRequested', () => {
      if (asking) return;
      asking = true;
      void askUnsaved(ctx)
        .then((b) => host.invoke('window.closeAnswer', { answer: CLOSE_ANSWERS[b] ?? 'cancel' }))
        .catch(() => undefined)
        .finally(() => {
          asking = false;
        });
    });
  }, [ctx, host]);

  useEffect(() => {
    let electron = false;
    void appInfo(host).then((i) => {
      electron = i?.host === 'electron';
    });
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (electron || !selectDirty(store.getState())) return;
      e.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [host, store]);

  return (
    <>
      {ro.readOnly && fileToken && (
        <div className="readonly-badge" role="status" title={ro.lockedBy ?? ''} data-testid="readonly-badge">
          {t('lock.badge')}
        </div>
      )}
      <FilePicker />
      <QuestionDialog />
    </>
  );
}
