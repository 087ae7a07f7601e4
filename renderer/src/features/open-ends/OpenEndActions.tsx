import { useTranslation } from 'react-i18next';
import type { OpenEndResolution } from '@shared/model/types';
import { openEndHint } from '@shared/audit/open-end-hint';
import { useApp, useAppContext } from '../../app-context';
import { runCommand } from '../../commands/registry';

const CHOICES: { as: OpenEndResolution; key: string }[] = [
  { as: 'lost', key: 'Ctrl+Shift+L' },
  { as: 'elsewhere', key: 'Ctrl+Shift+E' },
  { as: 'ends', key: 'Ctrl+Shift+H' },
];

/**
 * On the selected row of an unresolved open end: the three resolutions as small buttons (the same commands as the
 * keys and the palette), so the proofreader settles it where they see it. The one the page itself suggests (a
 * closing dash, a jump line, a continuation placed on another page: `openEndHint`) is marked as proposed.
 */
export function OpenEndActions({ id }: { id: string }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const proposed = useApp((s) => (s.doc ? (openEndHint(s.doc, id)?.as ?? null) : null));
  return (
    <span className="open-end-actions" role="group" aria-label={t('page.openEnd')}>
      {CHOICES.map(({ as, key }) => (
        <button
          key={as}
          type="button"
          className={`link-btn${proposed === as ? ' is-proposed' : ''}`}
          data-testid={`open-end-${as}-${id}`}
          data-proposed={proposed === as ? 'true' : undefined}
          title={`${t(`openEnd.cmd.${as}`)} (${key})${proposed === as ? ` · ${t('openEnd.proposed')}` : ''}`}
          onClick={(e) => {
            e.stopPropagation();
            const s = ctx.store.getState();
            if (!s.selection.includes(id) || s.selection.length !== 1) s.select([id]);
            void runCommand(`openEnd.${as}`, ctx);
          }}
        >
          {t(`openEnd.as.${as}`)}
        </button>
      ))}
    </span>
  );
}
