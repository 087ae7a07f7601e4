import { memo } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useTranslation } from 'react-i18next';

/** When the recovery file was last written (this window only; cleared when the document is saved or closed). */
export const autosaveStatus = createStore<{ at: string | null }>()(() => ({ at: null }));

/** One formatter (`toLocaleTimeString` builds a new one per call, ~1 ms, and the status bar re-renders on every edit). */
const timeFormat = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Status bar: "autosaved 10:47:12"; nothing while there is no recovery file. Memoized: it
 * re-renders when the stamp changes, not with the status bar on every edit. */
export const AutosaveStamp = memo(function AutosaveStamp() {
  const { t } = useTranslation();
  const at = useStore(autosaveStatus, (s) => s.at);
  if (!at) return null;
  const d = new Date(at);
  const time = Number.isNaN(d.getTime()) ? at : timeFormat.format(d);
  return (
    <span className="autosaved" data-testid="autosaved" title={t('recovery.autosavedHint')}>
      {t('recovery.autosaved', { time })}
    </span>
  );
});
