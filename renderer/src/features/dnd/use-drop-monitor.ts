import { useEffect } from 'react';
import { monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import type { AppStore } from '../../store/create-store';
import { dropToOp, isFragmentDrag } from './drop-op';
import { targetOf } from './use-fragment-drag';

/** The one monitor of fragment drags, mounted once by the app: every drop anywhere is ONE operation (one undo step). */
export function useDropMonitor(store: AppStore): void {
  useEffect(
    () =>
      monitorForElements({
        canMonitor: ({ source }) => isFragmentDrag(source.data),
        onDrop: ({ source, location }) => {
          const top = location.current.dropTargets[0];
          const s = store.getState();
          if (!top || !s.doc || !isFragmentDrag(source.data)) return;
          const target = targetOf(top.data);
          if (!target) return;
          const op = dropToOp(s.doc, source.data.ids, target);
          if (!op) return;
          if (s.apply(op, undefined, 'record') && op.type === 'createArticle') s.selectArticle(op.articleId);
        },
      }),
    [store],
  );
}
