import { useEffect } from 'react';
import { useAppContext } from '../../app-context';
import { onAuditReady } from '../../store/deferred-audit';

/** When a deferred audit finishes, ping the store so that selectors reading the audit see the fresh report. */
export function useAuditRefresh(): void {
  const { store } = useAppContext();
  useEffect(() => onAuditReady(() => store.getState().set({})), [store]);
}
