import { useEffect } from 'react';
import { useAppContext } from '../../app-context';
import { selectDirty } from '../../store/selectors';
import { askUnsaved } from '../persistence/file-commands';
import { QuestionDialog } from './QuestionDialog';
import { FilePicker } from './FilePicker';

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
    void host
      .invoke('app.info', {})
      .then((i) => {
        electron = i.host === 'electron';
      })
      .catch(() => undefined);
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
      <FilePicker />
      <QuestionDialog />
    </>
  );
}
