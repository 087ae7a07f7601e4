import { useEffect } from 'react';
import { useAppContext } from '../../app-context';
import { startAutosave } from '../persistence/autosave';
import { isReadOnly } from '../persistence/read-only';
import { autosaveStatus } from './AutosaveStamp';

/** Runs the recovery autosave for this window's store while the app is mounted. */
export function useAutosave(): void {
  const { store, host } = useAppContext();
  useEffect(() => {
    const a = startAutosave(store, host, {
      onWritten: (at) => autosaveStatus.setState({ at }),
      onDiscarded: () => autosaveStatus.setState({ at: null }),
      onError: (e) => console.warn('autosave failed', e),
      isReadOnly: () => isReadOnly(store),
    });
    return () => a.stop();
  }, [store, host]);
}
