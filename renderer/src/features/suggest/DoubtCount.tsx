import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApp, useAppContext } from '../../app-context';
import { suggestController } from './suggest-state';
import { doubtList } from './doubt-queue';

/**
 * Status bar: how many of the engine's doubts about the page are left while suggestions are open, and "page done"
 * once none are left and no open end is unresolved.
 */
export function DoubtCount({ openEnds }: { openEnds: number }) {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const sg = useStore(suggestController(store).state, (s) => s);
  const doc = useApp((s) => (sg.open && sg.reading ? s.doc : null));
  if (!doc || !sg.reading || sg.running) return null;
  const left = doubtList(doc, sg).length;
  const done = left === 0 && openEnds === 0;
  return (
    <span data-testid="doubts-left" className={done ? 'page-done' : 'doubts-left'}>
      {done ? t('doubt.pageDone') : t('doubt.left', { count: left })}
    </span>
  );
}
