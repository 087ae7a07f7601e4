import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { suggest } from '@shared/suggest';
import type { Issue } from '@shared/model/types';
import type { SuggestOptions, Suggestions } from '@shared/suggest/types';
import { placeIndex } from '@shared/model/lookup';
import { makeCtx, renderApp, sampleIssue, giveElementsASize } from '../../workbench-harness';
import { setSuggestRunner, suggestController } from '../../../../renderer/src/features/suggest/suggest-state';
import { runCommand } from '../../../../renderer/src/commands/registry';
import { AppProvider } from '../../../../renderer/src/app-context';
import { GhostMark } from '../../../../renderer/src/features/suggest/GhostMark';
import type { CommandContext } from '../../../../renderer/src/commands/types';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

/**
 * The suggestions panel and its commands in jsdom, with the real engine run in-process (jsdom has no workers:
 * the runner is injected). Expectations are read from what the engine proposes, not hard-coded.
 */
const calls: Array<{ issue: Issue; options: SuggestOptions; result: Suggestions }> = [];
// The engine is deterministic: one solve per (document, options) keeps the suite fast on a shared machine.
const memo = new WeakMap<Issue, Map<string, Suggestions>>();
function engine(issue: Issue, options: SuggestOptions): Suggestions {
  const key = JSON.stringify(options);
  let m = memo.get(issue);
  if (!m) memo.set(issue, (m = new Map()));
  if (!m.has(key)) m.set(key, suggest(issue, options));
  return m.get(key)!;
}

beforeAll(() => {
  giveElementsASize();
  setSuggestRunner(() => async (issue, options) => {
    const result = engine(issue, options);
    calls.push({ issue, options, result });
    return result;
  });
});
const opened: CommandContext[] = [];
afterEach(() => {
  // A failed test must not leave a live re-run behind for the next one.
  for (const ctx of opened.splice(0)) suggestController(ctx.store).close();
  cleanup();
  localStorage.clear();
  calls.length = 0;
});

const ISSUE = sampleIssue();

async function openPanel(): Promise<{ ctx: CommandContext; s: Suggestions }> {
  const ctx = makeCtx('en');
  opened.push(ctx);
  ctx.store.getState().load(ISSUE, null);
  renderApp(ctx);
  fireEvent.click(screen.getByTestId('btn-suggest'));
  await waitFor(() => expect(screen.getByTestId('suggest-status')).toHaveTextContent(/proposed article/), {
    timeout: 20_000,
  });
  const s = suggestController(ctx.store).state.getState().result!;
  return { ctx, s };
}

const close = (ctx: CommandContext) =>
  act(() => {
    suggestController(ctx.store).close();
  });
const doc = (ctx: CommandContext) => ctx.store.getState().doc!;

// The engine runs in-process here (and again, live, after each accept): generous budgets for a loaded machine.
describe('suggestions panel', { timeout: 90_000 }, () => {
  it('shows the proposed articles as ghost placements with reasons, confidence and confident marks', async () => {
    const { ctx, s } = await openPanel();
    expect(calls[0].options.pageIds).toEqual(['p1']);
    const withItems = s.articles.filter((a) => a.items.some((it) => !it.fixed));
    expect(withItems.length).toBeGreaterThan(1);
    const first = screen.getByTestId('ghost-article-0');
    expect(first).toHaveTextContent(s.articles[0].title);
    expect(first).toHaveTextContent('new article');
    for (const it of s.articles[0].items) {
      const row = screen.getByTestId(`ghost-item-${it.id}`);
      expect(row).toHaveTextContent(`${Math.round(it.confidence * 100)}%`);
      expect(row).toHaveAttribute('data-confident', String(it.confident));
      expect(row.querySelector('.confident-mark') !== null).toBe(it.confident);
    }
    // Reasons are shown in the UI language (the engine's `ends mid-word: 建|设` → "ends mid-word: 建|设").
    const midWord = s.articles
      .flatMap((a) => a.items)
      .find((it) => it.reasons.some((r) => r.startsWith('ends mid-word: ')));
    expect(midWord).toBeDefined();
    const reason = midWord!.reasons.find((r) => r.startsWith('ends mid-word: '))!;
    expect(
      within(screen.getByTestId(`ghost-item-${midWord!.id}`))
        .getAllByTestId('ghost-reason')
        .map((e) => e.textContent),
    ).toContain(reason);
    // The confident count on the button is what "accept all" would place.
    expect(screen.getByTestId('accept-all')).toHaveTextContent(/Accept all \d+ confident/);
    // Nothing was applied by looking.
    expect(ctx.store.getState().past).toHaveLength(0);
    // The page pane marks a fragment with a pending confident suggestion with the ghost article's number;
    // a doubtful one gets no mark.
    const sure = s.articles[0].items.find((it) => it.confident)!;
    const doubtful = s.articles[0].items.find((it) => !it.confident)!;
    // (The page pane's virtualized rows need layout, which jsdom lacks: the mark is rendered on its own here
    // and seen in the page pane in the e2e spec.)
    render(
      <I18nextProvider i18n={ctx.i18n}>
        <AppProvider value={ctx}>
          <GhostMark id={sure.id} />
          <GhostMark id={doubtful.id} />
        </AppProvider>
      </I18nextProvider>,
    );
    expect(screen.getByTestId(`ghost-mark-${sure.id}`)).toHaveTextContent('1');
    expect(screen.getByTestId(`ghost-mark-${sure.id}`)).toHaveAttribute('title', 'Suggested for article 1');
    expect(screen.queryByTestId(`ghost-mark-${doubtful.id}`)).toBeNull();
    close(ctx);
    expect(screen.queryByTestId(`ghost-mark-${sure.id}`)).toBeNull();
    expect(screen.queryByTestId('suggest-panel')).toBeNull();
  });

  it('for the selected article: only its continuation is proposed and accepted', async () => {
    const ctx = makeCtx('en');
    opened.push(ctx);
    ctx.store.getState().load(ISSUE, null);
    ctx.store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2'] });
    ctx.store.getState().apply({ type: 'createArticle', articleId: 'a2', fragmentIds: ['p1.40'] });
    const before = doc(ctx);
    renderApp(ctx);
    act(() => ctx.store.getState().selectArticle('a1'));
    await act(async () => {
      await runCommand('suggest.article', ctx);
    });
    await waitFor(() => expect(screen.getByTestId('suggest-status')).toHaveTextContent(/proposed article/), {
      timeout: 20_000,
    });
    expect(screen.getByTestId('suggest-panel')).toHaveTextContent('Suggestions for the selected article');
    const r = suggestController(ctx.store).state.getState().result!;
    const own = r.articles.findIndex((a) => a.articleId === 'a1');
    expect(own).toBeGreaterThanOrEqual(0);
    // Only a1's continuation is shown, inside a1's card after its last fragment.
    expect(screen.getAllByTestId(/^ghost-article-/).map((e) => e.getAttribute('data-testid'))).toEqual([
      `ghost-article-${own}`,
    ]);
    const card = document.querySelector('[data-article-id="a1"]') as HTMLElement;
    expect(within(card).getByTestId(`ghost-article-${own}`)).toBeInTheDocument();
    expect(within(card).getByTestId('item-p1.2')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId(`accept-article-${own}`));
    const a1 = doc(ctx).articles.find((a) => a.id === 'a1')!;
    expect(a1.items.map((i) => i.id)).toEqual(r.articles[own].items.map((i) => i.id));
    expect(doc(ctx).articles.find((a) => a.id === 'a2')).toEqual(before.articles.find((a) => a.id === 'a2'));
    act(() => ctx.store.getState().undo());
    expect(doc(ctx)).toEqual(before);
  });

  it('the same panel in Chinese: labels and reasons are translated', async () => {
    const ctx = makeCtx('zh-CN');
    ctx.store.getState().load(ISSUE, null);
    renderApp(ctx);
    fireEvent.click(screen.getByTestId('btn-suggest'));
    await waitFor(() => expect(screen.getByTestId('suggest-status')).toHaveTextContent(/建议 \d+ 篇文章/), {
      timeout: 20_000,
    });
    expect(screen.getByTestId('suggest-panel')).toHaveTextContent('本版建议');
    expect(screen.getByTestId('suggest-panel')).toHaveTextContent('接受整版读法');
    expect(screen.getByTestId('board')).toHaveTextContent('词语被截断');
    close(ctx);
  });

  it('accept one decision: the fragment (and the not yet placed ones before it) as ONE undo step', async () => {
    const { ctx, s } = await openPanel();
    const art = s.articles[0];
    const target = art.items[1];
    fireEvent.click(screen.getByTestId(`accept-${target.id}`));
    const d = doc(ctx);
    expect(d.articles).toHaveLength(1);
    expect(d.articles[0].items.map((i) => i.id)).toEqual([art.items[0].id, target.id]);
    expect(d.articles[0].items[1].join).toBe(target.join);
    expect(ctx.store.getState().past).toHaveLength(1);
    expect(ctx.store.getState().past[0].label).toBe('Accept 2 suggestions');
    // Rebased at once: what was accepted is no longer a ghost; the rest of the article still is.
    await waitFor(() => expect(screen.queryByTestId(`ghost-item-${target.id}`)).toBeNull());
    expect(screen.getByTestId(`ghost-item-${art.items[2].id}`)).toBeInTheDocument();
    act(() => ctx.store.getState().undo());
    expect(doc(ctx)).toEqual(ISSUE);
    close(ctx);
  });

  it('accept article: every ghost placement of it, in order with its joins, one undo step; undo and redo', async () => {
    const { ctx, s } = await openPanel();
    const k = s.articles.findIndex((a) => a.items.length >= 4 && a.items.some((it) => !it.confident));
    const art = s.articles[k];
    fireEvent.click(screen.getByTestId(`accept-article-${k}`));
    const a = doc(ctx).articles[0];
    expect(a.items).toEqual(art.items.map((it, i) => ({ id: it.id, join: i > 0 && it.join })));
    expect(ctx.store.getState().past).toHaveLength(1);
    expect(ctx.store.getState().past[0].label).toBe(`Accept ${art.items.length} suggestions`);
    const after = doc(ctx);
    act(() => ctx.store.getState().undo());
    expect(doc(ctx)).toEqual(ISSUE);
    act(() => ctx.store.getState().redo());
    expect(doc(ctx)).toEqual(after);
    close(ctx);
  });

  it('accept all confident: only confident chains, one undo entry; undo brings the page back', async () => {
    const { ctx, s } = await openPanel();
    fireEvent.click(screen.getByTestId('accept-all'));
    expect(ctx.store.getState().past).toHaveLength(1);
    const places = placeIndex(doc(ctx));
    // Every fragment placed was a confident decision whose chain up to it is confident.
    let placed = 0;
    for (const art of s.articles) {
      let chain = true;
      for (const it of art.items) {
        chain = chain && it.confident;
        const p = places.get(it.id)!;
        expect(`${it.id} ${p.kind}`).toBe(`${it.id} ${chain ? 'article' : 'pool'}`);
        if (p.kind === 'article') placed++;
      }
    }
    expect(placed).toBeGreaterThan(5);
    expect(ctx.store.getState().past[0].label).toBe(`Accept ${placed} suggestions`);
    act(() => ctx.store.getState().undo());
    expect(doc(ctx)).toEqual(ISSUE);
    expect(ctx.store.getState().past).toHaveLength(0);
    close(ctx);
  });

  it('reject adds a forbidLinks constraint and re-solves without that link', async () => {
    const { ctx, s } = await openPanel();
    const art = s.articles.find((a) => a.items.length >= 3)!;
    const from = art.items[1].id;
    const to = art.items[2].id;
    fireEvent.click(screen.getByTestId(`reject-${to}`));
    await waitFor(() => expect(calls.length).toBe(2));
    expect(calls[1].options.constraints?.forbidLinks).toEqual([{ from, to }]);
    const linked = (r: Suggestions) =>
      r.articles.some((a) => a.items.some((it, i) => i > 0 && it.id === to && a.items[i - 1].id === from));
    expect(linked(s)).toBe(true);
    expect(linked(calls[1].result)).toBe(false);
    // The panel shows the new answer: the rejected link is gone from it.
    await waitFor(() => expect(suggestController(ctx.store).state.getState().running).toBe(false));
    expect(linked(suggestController(ctx.store).state.getState().result!)).toBe(false);
    expect(screen.getByTestId('suggest-panel')).toHaveTextContent('1 link rejected');
    expect(ctx.store.getState().past).toHaveLength(0);
    close(ctx);
  });

  it('Enter accepts the focused suggestion; Esc rejects it; Esc with the panel empty of choices closes it', async () => {
    const { ctx, s } = await openPanel();
    const c = suggestController(ctx.store);
    const focus = c.state.getState().focus!;
    // The walk starts at a confident one.
    expect(s.articles.flatMap((a) => a.items).find((it) => it.id === focus)!.confident).toBe(true);
    expect(screen.getByTestId(`ghost-item-${focus}`)).toHaveAttribute('aria-current', 'true');
    fireEvent.keyDown(screen.getByTestId('board'), { key: 'Enter', code: 'Enter' });
    expect(placeIndex(doc(ctx)).get(focus)!.kind).toBe('article');
    expect(ctx.store.getState().past).toHaveLength(1);
    // Focus moves on to a ghost that is still pending; Esc on one with a predecessor rejects that link.
    const art = s.articles.find((a) => a.items.length >= 3 && !a.items.some((it) => it.id === focus))!;
    act(() => c.setFocus(art.items[2].id));
    fireEvent.keyDown(screen.getByTestId('board'), { key: 'Escape', code: 'Escape' });
    expect(c.state.getState().forbid).toEqual([{ from: art.items[1].id, to: art.items[2].id }]);
    // Esc on a suggestion with nothing before it (it starts an article: no link to reject) closes the panel.
    act(() => c.setFocus(art.items[0].id));
    fireEvent.keyDown(screen.getByTestId('board'), { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('suggest-panel')).toBeNull());
    expect(c.state.getState().forbid).toHaveLength(1);
    act(() => c.open({ pageIds: ['p1'], articleId: null }));
    // The palette lists the suggestion commands.
    await act(async () => {
      await runCommand('view.palette', ctx);
    });
    fireEvent.change(screen.getByTestId('palette-input'), { target: { value: 'confident' } });
    expect(screen.getByTestId('palette')).toHaveTextContent('Accept all confident suggestions');
    close(ctx);
  });

  it('a newer request wins: an answer that comes back after a later one is ignored', async () => {
    const ctx = makeCtx('en');
    ctx.store.getState().load(ISSUE, null);
    const resolvers: Array<() => void> = [];
    const fake = (tag: string): Suggestions => ({
      fragments: {},
      articles: [
        {
          articleId: null,
          title: tag,
          confidence: 0.9,
          items: [{ id: 'p1.1', join: false, confidence: 0.9, confident: true, fixed: false, reasons: [] }],
        },
      ],
      openEnds: [],
      minConfidence: 0.7,
      stats: { fragments: 1, ms: 1 },
    });
    setSuggestRunner(
      () => (_issue, options) =>
        new Promise((resolve) => {
          const tag = options.constraints?.forbidLinks?.length ? 'second' : 'first';
          resolvers.push(() => resolve(fake(tag)));
        }),
    );
    try {
      const c = suggestController(ctx.store);
      act(() => c.open({ pageIds: ['p1'], articleId: null }));
      act(() => c.forbidLink('p1.1', 'p1.2'));
      await act(async () => {
        resolvers[1]();
        await Promise.resolve();
      });
      await act(async () => {
        resolvers[0]();
        await Promise.resolve();
      });
      expect(c.state.getState().result!.articles[0].title).toBe('second');
      c.close();
    } finally {
      setSuggestRunner(() => async (issue, options) => {
        const result = engine(issue, options);
        calls.push({ issue, options, result });
        return result;
      });
    }
  });
});

describe('top-3 continuations of a fragment', { timeout: 90_000 }, () => {
  it('the editor lists the candidates with reasons; 1/2/3 places one right after the fragment (one undo step)', async () => {
    const { ctx, s } = await openPanel();
    const src = ISSUE.pages[0].fragments.find((f) => f.text.endsWith('招聘会如何'))!;
    const cands = s.fragments[src.id].candidates;
    expect(cands.length).toBeGreaterThan(0);
    act(() => ctx.store.getState().select([src.id]));
    const box = await screen.findByTestId('candidates');
    cands.forEach((c, i) =>
      expect(within(box).getByTestId(`candidate-${i + 1}`)).toHaveAttribute('data-fragment', c.id),
    );
    fireEvent.keyDown(screen.getByTestId('board'), { key: '2', code: 'Digit2' });
    // The fragment was in the pool: it goes where the reading puts it (with what it follows there), and the
    // candidate right after it (joined as the engine said); no article is made up around the two of them.
    const a = doc(ctx).articles[0];
    const k = a.items.findIndex((it) => it.id === src.id);
    expect(k).toBeGreaterThan(0);
    expect(a.items[k + 1]).toEqual({ id: cands[1].id, join: cands[1].join });
    const inReading = s.articles.find((x) => x.items.some((it) => it.id === src.id))!;
    expect(a.items[0].id).toBe(inReading.items[0].id);
    expect(ctx.store.getState().past).toHaveLength(1);
    // In an article: the candidate goes right after it.
    act(() => ctx.store.getState().undo());
    act(() => {
      ctx.store.getState().apply({ type: 'createArticle', articleId: 'a9', fragmentIds: [cands[2].id, src.id] });
    });
    fireEvent.click(within(box).getByTestId('candidate-1'));
    expect(doc(ctx).articles[0].items.map((i) => i.id)).toEqual([cands[2].id, src.id, cands[0].id]);
    close(ctx);
  });
});
