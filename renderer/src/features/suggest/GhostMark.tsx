import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApp, useAppContext } from '../../app-context';
import { suggestController } from './suggest-state';
import { ghostMarks } from './ghosts';

/**
 * Page pane: a fragment with a pending confident suggestion shows the ghost article's number in its colour,
 * dashed and faded (a proposal, not a placement).
 */
export function GhostMark({ id }: { id: string }) {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const result = useStore(suggestController(store).state, (s) => s.result);
  const doc = useApp((s) => (result ? s.doc : null));
  const mark = doc && result ? ghostMarks(doc, result).get(id) : undefined;
  if (!mark || !mark.confident) return null;
  return (
    <span
      className="ghost-mark"
      data-testid={`ghost-mark-${id}`}
      style={{ borderColor: mark.swatch.color, color: mark.swatch.color }}
      title={t('suggest.ghostMark', { n: mark.swatch.number })}
    >
      {mark.swatch.number}
    </span>
  );
}
