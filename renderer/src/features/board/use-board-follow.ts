import { useEffect, useRef, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { Article } from '@shared/model/types';
import { useApp } from '../../app-context';
import { selectArticleIdOf } from '../../store/selectors';

/** Frames to wait for a card scrolled to by index to mount and be measured before its row is brought into view. */
const MOUNT_FRAMES = 12;

/**
 * The board follows the selection made anywhere but on the board itself: a click in the page pane or on the scan,
 * F8, the keys, a search hit bring the selected fragment's row into view (below the sticky card head:
 * `scroll-padding-top` of the board). A selection made with the pointer on the board never scrolls it: the row is
 * where the pointer is, and a scroll between the press and the release would put another row under the click.
 */
export function useBoardFollow(
  scrollRef: RefObject<HTMLDivElement | null>,
  paneRef: RefObject<HTMLElement | null>,
  articles: readonly Article[] | undefined,
  v: Virtualizer<HTMLDivElement, Element>,
): void {
  const cursor = useApp((s) => (s.doc ? s.cursor : null));
  const cursorArticle = useApp((s) => (s.doc && s.cursor ? selectArticleIdOf(s, s.cursor) : null));
  // Where the last press or key came from. Read when the cursor changes, which happens after the press.
  const fromBoard = useRef(false);
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      fromBoard.current = !!paneRef.current?.contains(e.target as Node);
    };
    const onKey = () => {
      fromBoard.current = false;
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [paneRef]);
  // The latest list, read when the cursor moves (an edit or a drop elsewhere makes a new list: no scroll for that).
  const latest = useRef({ articles, v });
  latest.current = { articles, v };

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !cursor || !cursorArticle || fromBoard.current) return;
    const rowOf = () => el.querySelector<HTMLElement>(`[data-fragment-id="${CSS.escape(cursor)}"]`);
    const row = rowOf();
    if (row) {
      row.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    const i = latest.current.articles?.findIndex((a) => a.id === cursorArticle) ?? -1;
    if (i < 0) return;
    latest.current.v.scrollToIndex(i, { align: 'start' });
    // A tall card's row may be below the fold once its card is at the top: bring the row itself into view.
    let frames = 0;
    let raf = requestAnimationFrame(function reveal() {
      const r = rowOf();
      if (r) r.scrollIntoView?.({ block: 'nearest' });
      else if (++frames < MOUNT_FRAMES) raf = requestAnimationFrame(reveal);
    });
    return () => cancelAnimationFrame(raf);
  }, [cursor, cursorArticle, scrollRef]);
}
