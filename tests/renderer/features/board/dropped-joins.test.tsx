import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { Issue } from '@shared/model/types';
import { makeCtx, renderApp, sampleIssue, giveElementsASize } from '../../workbench-harness';
import { droppedJoins } from '../../../../renderer/src/features/board/dropped-joins';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const joins = (doc: Issue | null, articleId: string) =>
  doc!.articles.find((a) => a.id === articleId)!.items.map((it) => `${it.id}${it.join ? '⁝' : ''}`);

/** One paragraph p1.3 ⁝ p1.4 ⁝ p1.5 in article a1, then p1.6 starting the next one. */
function setup() {
  const ctx = makeCtx('en');
  const s = ctx.store.getState();
  s.load(sampleIssue(), null);
  s.apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.3', 'p1.4', 'p1.5', 'p1.6'] });
  s.apply({ type: 'setJoin', fragmentId: 'p1.4', join: true });
  s.apply({ type: 'setJoin', fragmentId: 'p1.5', join: true });
  s.apply({ type: 'createArticle', articleId: 'a2', fragmentIds: ['p1.41'] });
  renderApp(ctx);
  return ctx;
}

describe('a move that drops the join of the fragment after the moved one', () => {
  it('is reported with a choice to keep the paragraph joined, which is one undo step', () => {
    const ctx = setup();
    const s = () => ctx.store.getState();
    // p1.4 leaves the paragraph: p1.5 continued it and no longer can (the move op drops that join).
    act(() => {
      s().apply({ type: 'moveFragments', fragmentIds: ['p1.4'], to: { kind: 'pool' } });
    });
    expect(joins(s().doc, 'a1')).toEqual(['p1.3', 'p1.5', 'p1.6']);
    const notice = screen.getByTestId('notice');
    expect(notice).toHaveTextContent('no longer continues the paragraph');
    expect(notice).toHaveTextContent(s().doc!.pages[0].fragments[4].text.slice(0, 6));
    // Keep joined: p1.5 continues p1.3's paragraph.
    fireEvent.click(screen.getByTestId('notice-action'));
    expect(joins(s().doc, 'a1')).toEqual(['p1.3', 'p1.5⁝', 'p1.6']);
    expect(screen.queryByTestId('notice')).toBeNull();
    // Undo takes back the choice alone, then the move.
    act(() => s().undo());
    expect(joins(s().doc, 'a1')).toEqual(['p1.3', 'p1.5', 'p1.6']);
    act(() => s().undo());
    expect(joins(s().doc, 'a1')).toEqual(['p1.3', 'p1.4⁝', 'p1.5⁝', 'p1.6']);
  });

  it('is reported when fragments are put between two joined ones', () => {
    const ctx = setup();
    act(() => {
      ctx.store.getState().apply({
        type: 'moveFragments',
        fragmentIds: ['p1.41'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.3' },
      });
    });
    expect(joins(ctx.store.getState().doc, 'a1')).toEqual(['p1.3', 'p1.41', 'p1.4', 'p1.5⁝', 'p1.6']);
    expect(screen.getByTestId('notice')).toHaveTextContent('no longer continues');
  });

  it('says nothing when no join was dropped (a move of a whole paragraph, or of a fragment nothing continued)', () => {
    const ctx = setup();
    act(() => {
      ctx.store.getState().apply({ type: 'moveFragments', fragmentIds: ['p1.6'], to: { kind: 'pool' } });
    });
    expect(screen.queryByTestId('notice')).toBeNull();
    const before = ctx.store.getState().doc!;
    act(() => {
      ctx.store.getState().apply({
        type: 'moveFragments',
        fragmentIds: ['p1.3', 'p1.4', 'p1.5'],
        to: { kind: 'article', articleId: 'a2', after: 'p1.41' },
      });
    });
    expect(joins(ctx.store.getState().doc, 'a2')).toEqual(['p1.41', 'p1.3', 'p1.4⁝', 'p1.5⁝']);
    expect(droppedJoins(before, ctx.store.getState().doc!, new Set(['p1.3', 'p1.4', 'p1.5']))).toEqual([]);
    expect(screen.queryByTestId('notice')).toBeNull();
  });
});
