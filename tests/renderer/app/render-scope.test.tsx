import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import type { Article, Role } from '@shared/model/types';
import { makeCtx, renderApp, sampleIssue, giveElementsASize } from '../workbench-harness';

/**
 * An edit re-renders only what it changed. Counted through two leaf components that are rendered by
 * exactly the components under test and replaced here by counting stubs: every article card renders one
 * ReviewBadge (with its article), every fragment row (page pane, board, trays) one RoleBadge.
 */
const renders = vi.hoisted(() => ({ cards: [] as string[], rows: 0, statusBar: 0 }));
vi.mock('../../../renderer/src/features/review/ReviewBadge', () => ({
  ReviewBadge: ({ article }: { article: Article }) => {
    renders.cards.push(article.id);
    return null;
  },
}));
vi.mock('../../../renderer/src/features/board/RoleBadge', () => ({
  RoleBadge: (_: { role: Role; always?: boolean }) => {
    renders.rows++;
    return null;
  },
}));
// The status bar, counted by a wrapper that renders the real one (its hooks run inside the wrapper's render).
vi.mock('../../../renderer/src/features/layout/StatusBar', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../renderer/src/features/layout/StatusBar')>();
  return {
    StatusBar: () => {
      renders.statusBar++;
      return real.StatusBar();
    },
  };
});
vi.mock('@monaco-editor/react', async () => ({ default: (await import('../monaco-stub')).MonacoStub }));
vi.mock('../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function setup() {
  const ctx = makeCtx('en');
  const s = ctx.store.getState();
  s.load(sampleIssue(), null);
  s.apply({
    type: 'createArticle',
    articleId: 'a1',
    title: '灵峰社区',
    fragmentIds: ['p1.1', 'p1.2', 'p1.3', 'p1.8', 'p1.30'],
  });
  s.apply({ type: 'createArticle', articleId: 'a2', fragmentIds: ['p1.41', 'p1.42'] });
  s.apply({ type: 'createArticle', articleId: 'a3', fragmentIds: ['p1.50'] });
  renderApp(ctx);
  renders.cards.length = 0;
  renders.rows = 0;
  renders.statusBar = 0;
  return ctx;
}

describe('render scope of an edit', () => {
  it('a keystroke re-renders the edited fragment rows only: no card, no other row', () => {
    const ctx = setup();
    expect(screen.getByTestId('item-p1.8')).toBeInTheDocument();
    act(() => {
      ctx.store.getState().typeText('p1.8', '改过的文字');
    });
    // a1 has its own title and its pages did not change: the card itself does not re-render.
    expect(renders.cards).toEqual([]);
    // The row in the card, with the new text, and no other row (the page pane's virtual list mounts no rows in
    // jsdom, which has no layout; the browser benchmark covers it).
    expect(screen.getByTestId('item-p1.8')).toHaveTextContent('改过的文字');
    expect(renders.rows).toBe(1);
  });

  it('a keystroke that leaves the audit counts and the save state as they were leaves the status bar alone', () => {
    const ctx = setup();
    act(() => {
      ctx.store.getState().typeText('p1.8', '改过的文字');
    });
    const afterFirst = renders.statusBar; // the first edit makes the document unsaved: that shows
    act(() => {
      ctx.store.getState().typeText('p1.8', '再改一次的文字');
    });
    expect(screen.getByTestId('statusbar')).toBeInTheDocument();
    expect(renders.statusBar).toBe(afterFirst);
  });

  it('a keystroke that changes a derived title re-renders that card only', () => {
    const ctx = setup();
    act(() => {
      ctx.store.getState().typeText('p1.41', '新的标题');
    });
    expect(screen.getByTestId('article-2')).toHaveTextContent('新的标题');
    expect(renders.cards).toEqual(['a2']);
  });

  it('a move re-renders the cards it touched, not the others', () => {
    const ctx = setup();
    act(() => {
      ctx.store.getState().apply({
        type: 'moveFragments',
        fragmentIds: ['p1.42'],
        to: { kind: 'article', articleId: 'a3', after: 'p1.50' },
      });
    });
    expect(screen.getByTestId('article-3').querySelectorAll('[data-fragment-id]')).toHaveLength(2);
    expect(new Set(renders.cards)).toEqual(new Set(['a2', 'a3']));
    expect(renders.cards).not.toContain('a1');
  });
});
