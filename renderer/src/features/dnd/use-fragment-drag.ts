import { useEffect, useState, type RefObject } from 'react';
import { draggable, dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { setCustomNativeDragPreview } from '@atlaskit/pragmatic-drag-and-drop/element/set-custom-native-drag-preview';
import { pointerOutsideOfPreview } from '@atlaskit/pragmatic-drag-and-drop/element/pointer-outside-of-preview';
import { attachClosestEdge, extractClosestEdge } from '@atlaskit/pragmatic-drag-and-drop-hitbox/closest-edge';
import { useAppContext } from '../../app-context';
import { orderedSelection } from '../../store/selectors';
import { isFragmentDrag, type DropTarget, type FragmentDragData } from './drop-op';

/**
 * Makes a fragment row draggable. Dragging a selected row carries the whole selection (in reading order);
 * dragging an unselected row selects it first.
 */
export function useFragmentDraggable(
  ref: RefObject<HTMLElement | null>,
  id: string,
  source: 'page' | 'board',
): boolean {
  const { store, t } = useAppContext();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return draggable({
      element: el,
      getInitialData: (): FragmentDragData => {
        const s = store.getState();
        if (!s.doc || !s.selection.includes(id)) return { type: 'galley-fragments', ids: [id] };
        return { type: 'galley-fragments', ids: orderedSelection(s, source === 'board' ? 'board' : 'source') };
      },
      // Several fragments travel as one badge ("3 fragments"), not as the picture of one row.
      onGenerateDragPreview: ({ nativeSetDragImage, source: src }) => {
        const ids = isFragmentDrag(src.data) ? src.data.ids : [];
        if (ids.length < 2) return;
        setCustomNativeDragPreview({
          nativeSetDragImage,
          getOffset: pointerOutsideOfPreview({ x: '12px', y: '8px' }),
          render: ({ container }) => {
            const badge = document.createElement('div');
            badge.className = 'drag-badge';
            badge.textContent = t('board.fragments', { count: ids.length });
            container.append(badge);
          },
        });
      },
      onDragStart: () => {
        const s = store.getState();
        if (!s.selection.includes(id)) s.select([id]);
        setDragging(true);
      },
      onDrop: () => setDragging(false),
    });
  }, [ref, id, source, store, t]);
  return dragging;
}

/** A row inside an article: the drop line shows above or below it, whichever edge is closer to the pointer. */
export function useItemDropTarget(
  ref: RefObject<HTMLElement | null>,
  articleId: string,
  itemId: string,
): 'top' | 'bottom' | null {
  const [edge, setEdge] = useState<'top' | 'bottom' | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return dropTargetForElements({
      element: el,
      canDrop: ({ source }) => isFragmentDrag(source.data),
      getData: ({ input, element }) =>
        attachClosestEdge(
          { target: { kind: 'item', articleId, itemId, edge: 'bottom' } },
          { input, element, allowedEdges: ['top', 'bottom'] },
        ),
      onDrag: ({ self }) => {
        const e = extractClosestEdge(self.data);
        setEdge(e === 'top' || e === 'bottom' ? e : null);
      },
      onDragLeave: () => setEdge(null),
      onDrop: () => setEdge(null),
    });
  }, [ref, articleId, itemId]);
  return edge;
}

/** A whole area (article card, pool, discard pile, new-article zone) as one drop target. */
export function useAreaDropTarget(
  ref: RefObject<HTMLElement | null>,
  target: DropTarget | (() => DropTarget),
): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    return combine(
      dropTargetForElements({
        element: el,
        canDrop: ({ source }) => isFragmentDrag(source.data),
        getData: () => ({ target: typeof target === 'function' ? target() : target }),
        // Only highlight when no inner row target is under the pointer.
        onDrag: ({ location, self }) => setOver(location.current.dropTargets[0]?.element === self.element),
        onDragLeave: () => setOver(false),
        onDrop: () => setOver(false),
      }),
    );
  }, [ref, target]);
  return over;
}

/** Reads the drop target data that `getData` attached (with the closest edge for rows). */
export function targetOf(data: Record<string | symbol, unknown>): DropTarget | null {
  const t = data.target as DropTarget | undefined;
  if (!t) return null;
  if (t.kind === 'item') {
    const e = extractClosestEdge(data);
    return { ...t, edge: e === 'top' ? 'top' : 'bottom' };
  }
  return t;
}
