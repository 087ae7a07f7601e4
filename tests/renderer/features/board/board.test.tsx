import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findFragment } from '@shared/model/lookup';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { makeCtx, renderApp, sampleIssue, giveElementsASize } from '../../workbench-harness';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
// jsdom does not scroll: edge auto-scroll has nothing to do (and would warn about every pane).
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function setupBoard(language: 'en' | 'zh-CN' = 'en') {
  const ctx = makeCtx(language);
  const s = ctx.store.getState();
  s.load(sampleIssue(), null);
  s.apply({
    type: 'createArticle',
    articleId: 'a1',
    title: '灵峰社区',
    fragmentIds: ['p1.1', 'p1.2', 'p1.3', 'p1.8', 'p1.30'],
  });
  s.apply({ type: 'setJoin', fragmentId: 'p1.30', join: true });
  s.apply({ type: 'createArticle', articleId: 'a2', fragmentIds: ['p1.41'] });
  s.apply({ type: 'moveFragments', fragmentIds: ['p1.114'], to: { kind: 'discard' } });
  const view = renderApp(ctx);
  return { ctx, view };
}

describe('article board', () => {
  it('shows a card per article with number, title, role badges, a seam for joined fragments and open ends', () => {
    setupBoard('en');
    const card = screen.getByTestId('article-1');
    expect(within(card).getByTestId('article-title')).toHaveTextContent('灵峰社区');
    expect(card).toHaveTextContent(/^.*1/);
    expect([...card.querySelectorAll('[data-fragment-id]')].map((o) => o.getAttribute('data-fragment-id'))).toEqual([
      'p1.1',
      'p1.2',
      'p1.3',
      'p1.8',
      'p1.30',
    ]);
    expect(within(card).getAllByText('Headline')).toHaveLength(2);
    // p1.30 continues p1.8's paragraph: a seam instead of a badge, and p1.8 is no longer an open end.
    expect(within(card).getByTestId('seam-p1.30')).toHaveTextContent('⁝');
    expect(within(screen.getByTestId('item-p1.8')).queryByText('⤳')).toBeNull();
    // p1.3 ends `…大碶街道` with no continuation: marked ⤳.
    expect(within(screen.getByTestId('item-p1.3')).getByText('⤳')).toBeInTheDocument();
    // The second card derives its title from the headline.
    expect(within(screen.getByTestId('article-2')).getByTestId('article-title')).toHaveTextContent(
      '在诗乡,吟诗赛诗迎亚运',
    );
    // Trays: pool and discard pile with counts.
    expect(screen.getByTestId('tray-pool')).toHaveTextContent('Unassigned (107)');
    expect(screen.getByTestId('tray-discard')).toHaveTextContent('Discarded (1)');
  });

  it('the status bar reports coverage from the audit', () => {
    setupBoard('en');
    expect(screen.getByTestId('coverage')).toHaveTextContent('7 of 114 fragments placed · 107 unassigned · 1 open end');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes');
  });

  // (The page pane's own highlight of a board selection is checked in the e2e specs: jsdom has no layout for
  // its virtualized list.)
  it('clicking the seam unjoins (one undo step); clicking a row selects it', () => {
    const { ctx } = setupBoard('en');
    fireEvent.click(screen.getByTestId('seam-p1.30'));
    expect(ctx.store.getState().doc!.articles[0].items.at(-1)).toEqual({ id: 'p1.30', join: false });
    expect(ctx.store.getState().past.at(-1)!.label).toBe('Unjoin paragraphs');
    fireEvent.click(screen.getByTestId('item-p1.2'));
    expect(screen.getByTestId('item-p1.2')).toHaveAttribute('aria-selected', 'true');
    expect(ctx.store.getState().selection).toEqual(['p1.2']);
    expect(ctx.store.getState().selectedArticle).toBe('a1');
  });

  it('selecting a fragment of another page (board, F8) brings that page up in the page pane', async () => {
    const ctx = makeCtx('en');
    const two = createIssue(
      [
        pageFromPlainText('# 第一版\n\n正文一。', { pageId: 'p1', label: '1', encoding: 'utf-8' }),
        pageFromPlainText('# 第二版\n\n正文二,未完', { pageId: 'p2', label: '2', encoding: 'utf-8' }),
      ],
      { id: 'two', title: '两版' },
    );
    ctx.store.getState().load(two, null);
    ctx.store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p2.2'] });
    renderApp(ctx);
    expect(ctx.store.getState().currentPage).toBe(0);
    fireEvent.click(screen.getByTestId('item-p2.2'));
    await waitFor(() => expect(ctx.store.getState().currentPage).toBe(1));
    expect(screen.getByTestId('page-select')).toHaveValue('1');
  });

  it('reorders articles from the card header (one undo step); the first cannot go up', () => {
    const { ctx } = setupBoard('en');
    expect(within(screen.getByTestId('article-1')).getByTestId('article-up')).toBeDisabled();
    fireEvent.click(within(screen.getByTestId('article-1')).getByTestId('article-down'));
    expect(ctx.store.getState().doc!.articles.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(within(screen.getByTestId('article-1')).getByTestId('article-title')).toHaveTextContent('在诗乡');
    expect(ctx.store.getState().past.at(-1)!.label).toBe('Reorder articles');
    act(() => {
      ctx.store.getState().undo();
    });
    expect(ctx.store.getState().doc!.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('renames an article in place', () => {
    const { ctx } = setupBoard('en');
    fireEvent.click(within(screen.getByTestId('article-2')).getByTestId('article-title'));
    const input = screen.getByTestId('article-title-input');
    fireEvent.change(input, { target: { value: '诗歌节' } });
    fireEvent.blur(input);
    expect(ctx.store.getState().doc!.articles[1].title).toBe('诗歌节');
  });

  it('the editor edits the selected fragment; the diff shows the correction; undo restores it', async () => {
    const { ctx } = setupBoard('en');
    act(() => {
      ctx.store.getState().select(['p1.37']);
    });
    const editor = await screen.findByTestId('monaco-stub', {}, { timeout: 15_000 }); // lazy chunk: slow on a busy machine
    const text = findFragment(ctx.store.getState().doc!, 'p1.37')!.text;
    expect((editor as HTMLTextAreaElement).value).toBe(text);
    fireEvent.change(editor, { target: { value: text.replace('人职', '入职') } });
    expect(findFragment(ctx.store.getState().doc!, 'p1.37')!.text).toContain('入职第一课');
    await waitFor(() => expect(screen.getByTestId('fragment-diff').querySelector('ins')).toHaveTextContent('入'));
    expect(screen.getByTestId('fragment-diff').querySelector('del')).toHaveTextContent('人');
    act(() => {
      ctx.store.getState().undo();
    });
    expect((screen.getByTestId('monaco-stub') as HTMLTextAreaElement).value).toBe(text);
  });

  it('a drop re-renders only what changed: untouched cards keep their elements', () => {
    const { ctx } = setupBoard('en');
    const card2 = screen.getByTestId('article-2');
    const row = screen.getByTestId('item-p1.41');
    act(() => {
      ctx.store.getState().apply({
        type: 'moveFragments',
        fragmentIds: ['p1.9'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.30' },
      });
    });
    expect(screen.getByTestId('article-2')).toBe(card2);
    expect(screen.getByTestId('item-p1.41')).toBe(row);
    expect(screen.getByTestId('article-1').querySelectorAll('[data-fragment-id]')).toHaveLength(6);
  });
});

describe('i18n', () => {
  it('switches every visible string between 中文 and English at once, and remembers the choice', async () => {
    const { ctx } = setupBoard('zh-CN');
    expect(screen.getByTestId('btn-save')).toHaveAccessibleName('保存');
    expect(screen.getByTestId('coverage')).toHaveTextContent('已归位 7 / 114 个片段 · 107 个未归属 · 1 处断句');
    expect(screen.getByTestId('tray-pool')).toHaveTextContent('未归属 (107)');
    await act(async () => {
      fireEvent.click(screen.getByTestId('lang-en'));
    });
    expect(screen.getByTestId('btn-save')).toHaveAccessibleName('Save');
    expect(screen.getByTestId('coverage')).toHaveTextContent('7 of 114 fragments placed');
    expect(ctx.store.getState().language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('galley.language')).toBe('en');
    await act(async () => {
      fireEvent.click(screen.getByTestId('lang-zh'));
    });
    expect(screen.getByTestId('btn-save')).toHaveAccessibleName('保存');
  });

  it('both resource files have the same keys (plural forms aside)', async () => {
    const en = (await import('../../../../renderer/src/i18n/en.json')).default;
    const zh = (await import('../../../../renderer/src/i18n/zh-CN.json')).default;
    const flat = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object'
          ? flat(v as object, `${p}${k}.`)
          : [`${p}${k}`.replace(/_(one|other|few|many|zero|two)$/, '')],
      );
    expect([...new Set(flat(zh))].sort()).toEqual([...new Set(flat(en))].sort());
  });

  it('picks the default language from navigator.language', async () => {
    const { pickLanguage } = await import('../../../../renderer/src/i18n');
    expect(pickLanguage('zh-CN')).toBe('zh-CN');
    expect(pickLanguage('zh-TW')).toBe('zh-CN');
    expect(pickLanguage('en-US')).toBe('en');
    expect(pickLanguage('de')).toBe('en');
  });
});
