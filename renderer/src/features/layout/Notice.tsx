import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../app-context';

/** How long an info notice stays (ms); one that offers an action stays longer, to leave time to read and choose. */
const INFO_MS = 5000;
const ACTION_MS = 15000;

/** Refused operations and host errors, shown in plain words; info notices fade after a few seconds. */
export function Notice() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const notice = useApp((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.kind !== 'info') return;
    const id = setTimeout(
      () => {
        if (store.getState().notice?.id === notice.id) store.getState().set({ notice: null });
      },
      notice.action ? ACTION_MS : INFO_MS,
    );
    return () => clearTimeout(id);
  }, [notice, store]);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'info' ? 'status' : 'alert'}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          className="notice-action"
          data-testid="notice-action"
          onClick={() => {
            notice.action!.run();
            store.getState().set({ notice: null });
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" onClick={() => store.getState().set({ notice: null })} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </div>
  );
}
