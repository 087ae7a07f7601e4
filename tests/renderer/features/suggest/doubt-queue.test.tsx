import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { suggest } from '@shared/suggest';
import type { Issue } from '@shared/model/types';
import type { SuggestOptions, Suggestions } from '@shared/suggest/types';
import { doubts } from '@shared/suggest/doubts';
import { placeIndex } from '@shared/model/lookup';
import { makeCtx, renderApp, sampleIssue, giveElementsASize } from '../../workbench-harness';
import { setSuggestRunner, suggestController } from '../../../../renderer/src/features/suggest/suggest-state';
import { runCommand } from '../../../../renderer/src/commands/registry';
import type { CommandContext } from '../../../../renderer/src/commands/types';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

/**
 * Accept the reading and the doubt queue in jsdom, with the real engine in-process (jsdom has no workers).
 * Expectations are read from what the engine says, not hard-coded.
 */
const calls: Array<{ options: SuggestOptions; result: Suggestions }> = [];
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
    calls.push({ options, result });
    return result;
  });
});
const opened: CommandContext[] = [];
afterEach(() => {
  for (const ctx of opened.splice(0)) suggestController(ctx.store).close();
  cleanup();
  localStorage.clear();
  calls.length = 0;
});

const ISSUE = sampleIssue();
const doc = (ctx: CommandContext) => ctx.store.getState().doc!;
const key = (k: string, code = k, extra: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(screen.getByTestId('board'), { key: k, code, ...extra });

async function suggested(lang: 'en' | 'zh-CN' = 'en'): Promise<CommandContext> {
  const ctx = makeCtx(lang);
  opened.push(ctx);
  ctx.store.getState().load(ISSUE, null);
  renderApp(ctx);
  fireEvent.click(screen.getByTestId('btn-suggest'));
  await waitFor(() => expect(screen.getByTestId('accept-reading')).toBeEnabled(), { timeout: 30_000 });
  return ctx;
}

/** Waits until the engine has read the document as it is now (the whole reading, placed fragments included). */
async function readingOfNow(ctx: CommandContext): Promise<Suggestions> {
  const c = suggestController(ctx.store);
  await waitFor(
    () => {
      const s = c.state.getState();
      expect(s.running).toBe(false);
      expect(calls.some((x) => x.options.includePlaced && engine(doc(ctx), x.options) === s.reading)).toBe(true);
    },
    { timeout: 30_000 },
  );
  return c.state.getState().reading!;
}

describe('accept the reading, then the doubt queue', { timeout: 120_000 }, () => {
  it('Ctrl+Shift+Enter places every fragment as the reading has them, ONE undo step; the status bar counts doubts', async () => {
    const ctx = await suggested();
    const s = suggestController(ctx.store).state.getState().result!;
    // The ghosts are in the board, not in a list above it.
    expect(within(screen.getByTestId('suggest-panel')).queryByTestId(/^ghost-item-/)).toBeNull();
    expect(within(screen.getByTestId('board')).getAllByTestId(/^ghost-item-/).length).toBe(114);
    // Each shaded by the confidence of its link.
    for (const it of s.articles.flatMap((a) => a.items).slice(0, 20))
      expect(screen.getByTestId(`ghost-item-${it.id}`).style.getPropertyValue('--conf')).toBe(String(it.confidence));
    key('Enter', 'Enter', { ctrlKey: true, shiftKey: true });
    expect(doc(ctx).pool).toEqual([]);
    expect(ctx.store.getState().past).toHaveLength(1);
    expect(doc(ctx).articles.map((a) => a.items.map((it) => it.id))).toEqual(
      s.articles.map((a) => a.items.map((it) => it.id)),
    );
    const reading = await readingOfNow(ctx);
    // The whole page is re-read (placed fragments included) and rated: "N doubts left".
    expect(calls.at(-1)!.options.includePlaced).toBe(true);
    const n = doubts(doc(ctx), reading, { pageIds: ['p1'] }).length;
    expect(n).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByTestId('doubts-left')).toHaveTextContent(`${n} doubts left`));
    act(() => ctx.store.getState().undo());
    expect(doc(ctx)).toEqual(ISSUE);
  });

  it('F7 walks the doubts least sure first: Enter confirms, Esc skips, J/B set the seam, 1 picks an alternative', async () => {
    const ctx = await suggested();
    await act(async () => {
      await runCommand('suggest.acceptReading', ctx);
    });
    const reading = await readingOfNow(ctx);
    const list = doubts(doc(ctx), reading, { pageIds: ['p1'] });
    key('F7');
    // The least confident decision: its fragment is selected (board and page pane follow the cursor), the seam is
    // shown large with the alternatives on both sides.
    expect(ctx.store.getState().cursor).toBe(list[0].to);
    const seam = await screen.findByTestId('doubt-seam');
    expect(within(seam).getByTestId('doubt-title')).toHaveTextContent(`Doubt 1 of ${list.length}`);
    expect(
      within(seam)
        .getAllByTestId(/^doubt-alt-/)
        .map((e) => e.getAttribute('data-fragment')),
    ).toEqual([...list[0].successors.map((a) => a.id), ...list[0].predecessors.map((a) => a.id)]);
    // Enter: confirmed, out of the queue, no change to the document; on to the next one.
    const before = doc(ctx);
    key('Enter');
    expect(doc(ctx)).toBe(before);
    // (A link and its seam are settled together: the proofreader saw both.)
    expect(suggestController(ctx.store).state.getState().settled).toContain(list[0].key);
    const settledAfterEnter = suggestController(ctx.store).state.getState().settled.length;
    expect(ctx.store.getState().cursor).toBe(list[1].to);
    await waitFor(() => expect(screen.getByTestId('doubts-left')).toHaveTextContent(`${list.length - 1} doubts`));
    // Esc: skipped, still counted.
    key('Escape');
    expect(ctx.store.getState().cursor).toBe(list[2].to);
    expect(suggestController(ctx.store).state.getState().settled).toHaveLength(settledAfterEnter);
    // Shift+F7 goes back.
    key('F7', 'F7', { shiftKey: true });
    expect(ctx.store.getState().cursor).toBe(list[1].to);
    // J / B on a link: the seam becomes a join / a break (one undo step), confirmed.
    const link = list.find((d, i) => i > 1 && d.kind === 'link' && !d.join)!;
    act(() => {
      suggestController(ctx.store).state.setState({ doubt: link.key });
      ctx.store.getState().select([link.to]);
    });
    const steps = ctx.store.getState().past.length;
    key('j', 'KeyJ');
    const joined = doc(ctx)
      .articles.flatMap((a) => a.items)
      .find((it) => it.id === link.to)!;
    expect(joined.join).toBe(true);
    expect(ctx.store.getState().past).toHaveLength(steps + 1);
    expect(suggestController(ctx.store).state.getState().fixed).toContainEqual({
      from: link.from,
      to: link.to,
      join: true,
    });
  });

  it('1 places A’s best alternative right after A, never in a new article, and the re-solve keeps it', async () => {
    const ctx = await suggested();
    await act(async () => {
      await runCommand('suggest.acceptReading', ctx);
    });
    const reading = await readingOfNow(ctx);
    const d = doubts(doc(ctx), reading, { pageIds: ['p1'] }).find(
      (x) => x.kind === 'link' && x.successors.length && x.successors[0].id !== x.to,
    )!;
    const articles = doc(ctx).articles.length;
    act(() => {
      suggestController(ctx.store).state.setState({ doubt: d.key });
      ctx.store.getState().select([d.to]);
    });
    const steps = ctx.store.getState().past.length;
    key('1', 'Digit1');
    const alt = d.successors[0];
    const at = placeIndex(doc(ctx)).get(d.from!)!;
    expect(at.kind).toBe('article');
    const art = doc(ctx).articles.find((a) => a.id === (at as { articleId: string }).articleId)!;
    expect(art.items[art.items.findIndex((it) => it.id === d.from) + 1].id).toBe(alt.id);
    expect(doc(ctx).articles).toHaveLength(articles);
    expect(ctx.store.getState().past).toHaveLength(steps + 1);
    // The re-solve: the rejected link is forbidden, the picked one fixed.
    await waitFor(
      () =>
        expect(
          calls.some(
            (x) =>
              x.options.includePlaced &&
              x.options.constraints?.fixLinks?.some((l) => l.from === d.from && l.to === alt.id) &&
              x.options.constraints?.forbidLinks?.some((l) => l.from === d.from && l.to === d.to),
          ),
        ).toBe(true),
      { timeout: 30_000 },
    );
    await readingOfNow(ctx);
    // Re-reading around it stays in the same undo step and keeps the pick.
    expect(ctx.store.getState().past).toHaveLength(steps + 1);
    const after = doc(ctx).articles.flatMap((a) => a.items.map((it, k) => [a.items[k - 1]?.id, it.id]));
    expect(after).toContainEqual([d.from, alt.id]);
    expect(doc(ctx).articles.length).toBeLessThanOrEqual(articles);
  });

  it('the keyboard walk over ghosts keeps kicker and headline in one article', async () => {
    const ctx = await suggested();
    const s = suggestController(ctx.store).state.getState().result!;
    const first = s.articles[0];
    expect(first.items[1].reasons).toContain('heading group');
    act(() => suggestController(ctx.store).setFocus(first.items[0].id));
    key('Enter');
    const a = doc(ctx).articles[0];
    expect(a.items.slice(0, 2).map((it) => it.id)).toEqual([first.items[0].id, first.items[1].id]);
  });
});
