import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../app-context';
import { commandLabel } from '../../commands/registry';
import { formatKeys } from './format-keys';

/** `?`: every keyboard binding, grouped as in the command registry. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const open = useApp((s) => s.helpOpen);
  if (!open) return null;
  const close = () => ctx.store.getState().set({ helpOpen: false });
  const bound = ctx.commands.all.filter((c) => c.keys?.length);
  return (
    <div className="overlay" onMouseDown={close}>
      <div
        className="help"
        role="dialog"
        aria-modal
        aria-label={t('help.title')}
        data-testid="help"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <header className="help-head">
          <h2>{t('help.title')}</h2>
          <button type="button" onClick={close}>
            {t('help.close')}
          </button>
        </header>
        <p>{t('help.roleChord')}</p>
        <dl className="help-grid">
          {bound.map((c) => (
            <div key={c.id} className="help-row">
              <dt>
                <kbd>{formatKeys(c.keys!)}</kbd>
              </dt>
              <dd>{commandLabel(c, t)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
