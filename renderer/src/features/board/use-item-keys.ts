import { useRef } from 'react';

/**
 * A `getItemKey` for @tanstack/react-virtual that keeps its identity while the list's ids keep their order.
 * The virtualizer re-measures every item whenever `getItemKey` is a new function; an inline closure over
 * the list made every drop re-measure all 1,500 article cards (and every keystroke all rows of the page), although
 * a drop or an edit leaves each index with the same id. A new function is made only when some index now holds
 * another id (an article created, deleted or reordered, a split or merge on the page).
 */
export function useItemKeys<T>(list: readonly T[] | undefined, idOf: (x: T) => string): (i: number) => string | number {
  const state = useRef<{ list: readonly T[] | undefined; key: (i: number) => string | number } | null>(null);
  const prev = state.current;
  if (!prev || (prev.list !== list && !sameIds(prev.list, list, idOf))) {
    const current = list;
    state.current = { list, key: (i) => (current?.[i] !== undefined ? idOf(current[i]) : i) };
  } else if (prev.list !== list) {
    // Same ids in the same order: keep the function (it answers the same keys), remember the new list.
    state.current = { list, key: prev.key };
  }
  return state.current!.key;
}

function sameIds<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, idOf: (x: T) => string): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && idOf(a[i]) !== idOf(b[i])) return false;
  return true;
}
