import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fragment } from '@shared/model/types';
import { findFragment } from '@shared/model/lookup';
import { useApp, useAppContext } from '../../app-context';
import { boardOrder, selectOpenEnds, selectResolvedOpenEnds } from '../../store/selectors';
import { clickSelect } from '../selection/navigation';
import { useFragmentDraggable, useItemDropTarget } from '../dnd/use-fragment-drag';
import { RoleBadge } from './RoleBadge';
import { OpenEndBadge } from '../open-ends/OpenEndBadge';
import { OpenEndActions } from '../open-ends/OpenEndActions';

interface Props {
  id: string;
  articleId: string;
  join: boolean;
  first: boolean;
}

/**
 * A fragment inside an article card. A joined fragment continues the previous paragraph after a seam `⁝`
 * (click it to unjoin); other rows offer a small join button. The drop line shows where a drop lands.
 */
export const ItemRow = memo(function ItemRow({ id, articleId, join, first }: Props) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const ref = useRef<HTMLDivElement>(null);
  // Its own fragment (same object until that fragment changes): a keystroke re-renders this row only.
  const fragment: Fragment | undefined = useApp((s) => (s.doc ? findFragment(s.doc, id) : undefined));
  const selected = useApp((s) => s.selection.includes(id));
  const isCursor = useApp((s) => s.cursor === id && s.focusedPane === 'board');
  const openEnd = useApp((s) => selectOpenEnds(s).has(id));
  const resolvedEnd = useApp((s) => selectResolvedOpenEnds(s).has(id));
  const dragging = useFragmentDraggable(ref, id, 'board');
  const edge = useItemDropTarget(ref, articleId, id);
  if (!fragment) return null;
  const setJoin = (j: boolean) => ctx.store.getState().apply({ type: 'setJoin', fragmentId: fragment.id, join: j });
  return (
    <div
      ref={ref}
      className={[
        'item-row',
        join ? 'is-joined' : '',
        selected ? 'is-selected' : '',
        isCursor ? 'is-cursor' : '',
        dragging ? 'is-dragging' : '',
      ].join(' ')}
      data-testid={`item-${fragment.id}`}
      data-fragment-id={fragment.id}
      data-join={join ? 'true' : 'false'}
      role="option"
      aria-selected={selected}
      onClick={(e) => {
        const s = ctx.store.getState();
        s.focusPane('board');
        clickSelect(
          ctx,
          fragment.id,
          { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey },
          s.doc ? boardOrder(s.doc) : [],
        );
      }}
    >
      {edge === 'top' && <div className="drop-line top" data-testid="drop-line" />}
      {join ? (
        <button
          type="button"
          className="seam"
          title={t('board.seam')}
          aria-label={t('board.seam')}
          data-testid={`seam-${fragment.id}`}
          onClick={(e) => {
            e.stopPropagation();
            setJoin(false);
          }}
        >
          ⁝
        </button>
      ) : (
        <span className="item-role">
          <RoleBadge role={fragment.role} always />
        </span>
      )}
      <span className="item-text">{fragment.text}</span>
      {openEnd && (
        <span className="open-end" title={t('page.openEnd')} aria-label={t('page.openEnd')}>
          ⤳
        </span>
      )}
      {resolvedEnd && fragment.openEnd && <OpenEndBadge id={fragment.id} stamp={fragment.openEnd} />}
      {openEnd && selected && <OpenEndActions id={fragment.id} />}
      {!join && !first && (
        <button
          type="button"
          className="join-btn"
          title={t('board.joinPrev')}
          aria-label={t('board.joinPrev')}
          data-testid={`join-${fragment.id}`}
          onClick={(e) => {
            e.stopPropagation();
            setJoin(true);
          }}
        >
          ⌒
        </button>
      )}
      {edge === 'bottom' && <div className="drop-line bottom" data-testid="drop-line" />}
    </div>
  );
});
