import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fragment } from '@shared/model/types';
import { useApp, useAppContext } from '../../app-context';
import { selectArticleIndexOf, selectOpenEnds, pageOrder } from '../../store/selectors';
import { articleSwatch, swatchBackground } from '../../model/colors';
import { clickSelect } from '../selection/navigation';
import { useFragmentDraggable } from '../dnd/use-fragment-drag';
import { RoleBadge } from '../board/RoleBadge';
import { GhostMark } from '../suggest/GhostMark';

/**
 * One fragment of the page, in source order. The bar shows where it lives: the article's colour and number,
 * dashed for the pool, struck through for the discard pile. Re-renders only when its own fragment, placement or
 * selection changes.
 */
export const PageRow = memo(function PageRow({ fragment }: { fragment: Fragment }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const ref = useRef<HTMLDivElement>(null);
  const where = useApp((s) => selectArticleIndexOf(s, fragment.id));
  const selected = useApp((s) => s.selection.includes(fragment.id));
  const isCursor = useApp((s) => s.cursor === fragment.id);
  const openEnd = useApp((s) => selectOpenEnds(s).has(fragment.id));
  const dragging = useFragmentDraggable(ref, fragment.id, 'page');
  const sw = where >= 0 ? articleSwatch(where) : null;
  const cls = [
    'frag-row',
    where === -1 ? 'in-pool' : '',
    where === -2 ? 'is-discarded' : '',
    selected ? 'is-selected' : '',
    isCursor ? 'is-cursor' : '',
    dragging ? 'is-dragging' : '',
  ].join(' ');
  return (
    <div
      ref={ref}
      className={cls}
      data-testid={`page-frag-${fragment.id}`}
      data-fragment-id={fragment.id}
      role="option"
      aria-selected={selected}
      onClick={(e) => {
        const s = ctx.store.getState();
        s.focusPane('page');
        clickSelect(
          ctx,
          fragment.id,
          { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey },
          s.doc ? pageOrder(s.doc, s.currentPage) : [],
        );
      }}
    >
      <span
        className={`frag-bar ${where === -1 ? 'bar-pool' : where === -2 ? 'bar-discard' : ''}`}
        style={sw ? { background: swatchBackground(sw) } : undefined}
        aria-hidden
      />
      <span
        className="frag-where"
        title={sw ? t('page.inArticle', { n: sw.number }) : where === -1 ? t('page.pool') : t('page.discarded')}
      >
        {sw ? sw.number : where === -1 ? '┆' : '✕'}
      </span>
      <span className="frag-text">
        <GhostMark id={fragment.id} />
        <RoleBadge role={fragment.role} />
        {fragment.text}
      </span>
      <span
        className="open-end"
        title={openEnd ? t('page.openEnd') : undefined}
        aria-label={openEnd ? t('page.openEnd') : undefined}
      >
        {openEnd ? '⤳' : ''}
      </span>
    </div>
  );
});
