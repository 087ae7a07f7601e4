import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The rows of a fixed-row-height list that are in view (plus `overscan` on each side), for a scroll container.
 *
 * Why not @tanstack/react-virtual here: the pool holds thousands of ids and changes on nearly every drop
 * (a fragment leaves it or comes back); the virtualizer re-measures every item whenever its count changes, an
 * O(count) pass per drop on the main thread. With one row height the window is arithmetic: O(rows in view).
 */
export function useFixedWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  slot: number,
  enabled: boolean,
  overscan = 6,
) {
  // Before layout (and in jsdom, which has none) assume a small viewport, so rows render at once.
  const [view, setView] = useState({ top: 0, height: 300 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    const read = () => {
      const top = el.scrollTop;
      const height = el.clientHeight || 300;
      setView((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      ro?.disconnect();
    };
  }, [ref, enabled]);
  const start = Math.min(count, Math.max(0, Math.floor(view.top / slot) - overscan));
  const end = Math.min(count, Math.ceil((view.top + view.height) / slot) + overscan);
  return { start, end, total: count * slot };
}
