import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useItemKeys } from '../../../../renderer/src/features/board/use-item-keys';

/** The virtualizers re-measure every row when `getItemKey` changes identity: it must change only when an
 * index holds another id. */
describe('useItemKeys', () => {
  const idOf = (x: { id: string }) => x.id;
  it('keeps its identity while the ids keep their order, and answers the ids', () => {
    const a = [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }];
    const { result, rerender } = renderHook(({ list }) => useItemKeys(list, idOf), { initialProps: { list: a } });
    const first = result.current;
    expect([0, 1, 2].map(first)).toEqual(['a1', 'a2', 'a3']);
    // New array and new objects (an edit inside an article), same ids in the same order: the same function.
    rerender({ list: [{ id: 'a1' }, { ...a[1] }, a[2]] });
    expect(result.current).toBe(first);
    // A reorder: a new function with the new keys.
    rerender({ list: [a[1], a[0], a[2]] });
    expect(result.current).not.toBe(first);
    expect([0, 1, 2].map(result.current)).toEqual(['a2', 'a1', 'a3']);
    // One more item: new function.
    const before = result.current;
    rerender({ list: [a[1], a[0], a[2], { id: 'a4' }] });
    expect(result.current).not.toBe(before);
    expect(result.current(3)).toBe('a4');
    expect(result.current(9)).toBe(9);
  });
});
