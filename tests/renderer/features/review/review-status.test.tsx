import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeCtx, renderApp } from '../../workbench-harness';
import { withArticle } from '../../review-fixtures';
import { runCommand } from '../../../../renderer/src/commands/registry';
import { formatReviewTime, nextStatus } from '../../../../renderer/src/features/review/review-status';
import { createFakeHost } from '../../../support/fake-host';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

afterEach(() => cleanup());

describe('Review status', () => {
  it('F9 advances draft → corrected → approved, each with who (app.info userName) and when; the card shows it', async () => {
    const host = createFakeHost({
      'app.info': async () => ({ version: 't', host: 'test', locale: 'en', userName: '王编辑', platform: 't' }),
    });
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    const t0 = Date.now();
    await act(async () => {
      fireEvent.keyDown(window, { key: 'F9', code: 'F9' });
    });
    await waitFor(() => expect(ctx.store.getState().doc!.articles[0].status).toBe('corrected'));
    await act(() => runCommand('review.advance', ctx));
    const a = ctx.store.getState().doc!.articles[0];
    expect(a.status).toBe('approved');
    expect(a.review!.by).toBe('王编辑');
    const at = Date.parse(a.review!.at);
    expect(at).toBeGreaterThanOrEqual(t0 - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    // Two steps, each undoable on its own.
    expect(ctx.store.getState().past).toHaveLength(2);
    const badge = within(screen.getByTestId('article-1')).getByTestId('review-badge');
    expect(badge).toHaveTextContent(`approved by 王编辑 at ${formatReviewTime(a.review!.at)}`);
    expect(badge.getAttribute('title')).toContain(a.review!.at);
    // At the end of the order: nothing happens, the editor is told.
    await act(() => runCommand('review.advance', ctx));
    expect(ctx.store.getState().past).toHaveLength(2);
    expect(ctx.store.getState().notice?.text).toMatch(/already approved/);
    act(() => ctx.store.getState().undo());
    expect(ctx.store.getState().doc!.articles[0].status).toBe('corrected');
    // app.info is asked once per host.
    expect(host.calls.filter((c) => c.channel === 'app.info')).toHaveLength(1);
  });

  it('the status select on the card records by/at too', async () => {
    const ctx = makeCtx('zh-CN');
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    fireEvent.change(within(screen.getByTestId('article-1')).getByRole('combobox'), { target: { value: 'approved' } });
    await waitFor(() => expect(ctx.store.getState().doc!.articles[0].review?.by).toBe('tester'));
    expect(within(screen.getByTestId('article-1')).getByTestId('review-badge')).toHaveTextContent(
      /tester 于 \d\d:\d\d 已审定/,
    );
  });

  it('"What changed" shows the article against the original, insertions and deletions marked', async () => {
    const ctx = makeCtx('en');
    const { ids } = withArticle(ctx, ['机器声', '人职第一课']);
    act(() => {
      ctx.store.getState().apply({
        type: 'editText',
        fragmentId: ids[1],
        text: ctx.store
          .getState()
          .doc!.pages[0].fragments.find((f) => f.id === ids[1])!
          .text.replace('人职', '入职'),
      });
    });
    renderApp(ctx);
    fireEvent.click(within(screen.getByTestId('article-1')).getByTestId('btn-what-changed'));
    const d = screen.getByTestId('review-dialog');
    expect(within(d).getByTestId('review-summary')).toHaveTextContent('1 of 2 fragments corrected · +1 −1');
    const changed = within(d).getByTestId(`review-frag-${ids[1]}`);
    expect(changed.querySelector('del')!.textContent).toBe('人');
    expect(changed.querySelector('ins')!.textContent).toBe('入');
    expect(within(d).getByTestId(`review-frag-${ids[0]}`).className).toContain('is-unchanged');
    // Approve from the review itself.
    fireEvent.click(within(d).getByTestId('review-next'));
    await waitFor(() => expect(ctx.store.getState().doc!.articles[0].status).toBe('corrected'));
  });

  it('formats times and the order', () => {
    expect(nextStatus('draft')).toBe('corrected');
    expect(nextStatus('approved')).toBeNull();
    const now = new Date(2026, 10, 27, 18, 0);
    expect(formatReviewTime(new Date(2026, 10, 27, 10, 42).toISOString(), now)).toBe('10:42');
    expect(formatReviewTime(new Date(2026, 10, 26, 9, 5).toISOString(), now)).toBe('2026-11-26 09:05');
    expect(formatReviewTime('yesterday', now)).toBe('yesterday');
  });
});
