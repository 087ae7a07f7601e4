import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { parseIssue } from '@shared/issue-file/parse-issue';
import { findFragment } from '@shared/model/lookup';
import { makeCtx, renderApp } from '../../workbench-harness';
import { runCommand } from '../../../../renderer/src/commands/registry';
import { appCommands } from '../../../../renderer/src/app/commands';
import { createFakeHost } from '../../../support/fake-host';
import type { CommandContext } from '../../../../renderer/src/commands/types';

import ARRANGED from '../../../fixtures/open-ends/zhejiang-p2-arranged.galley.json?raw';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

afterEach(() => cleanup());

/** The sample page arranged into its nine articles (10 open ends), loaded, with `id` selected. */
function load(ctx: CommandContext, id: string) {
  ctx.store.getState().load(parseIssue(ARRANGED as string), null);
  ctx.store.getState().select([id]);
}
const stamp = (ctx: CommandContext, id: string) => findFragment(ctx.store.getState().doc!, id)!.openEnd;
const press = (key: string, code: string) =>
  act(async () => {
    fireEvent.keyDown(window, { key, code, ctrlKey: true, shiftKey: true });
  });

describe('resolving open ends on the board', () => {
  // Article 2 (在诗乡…): in jsdom (no layout) the virtualized board leaves the first of these nine cards unmounted.
  it('Ctrl+Shift+L marks the selected open end as text lost: badge on the card, status bar count, undo', async () => {
    const host = createFakeHost({
      'app.info': async () => ({ version: 't', host: 'test', locale: 'en', userName: '王编辑', platform: 't' }),
    });
    const ctx = makeCtx('en', host);
    load(ctx, 'p1.42');
    renderApp(ctx);
    expect(screen.getByTestId('coverage')).toHaveTextContent('10 open ends');
    expect(screen.queryByTestId('open-end-badge-p1.42')).toBeNull();
    await press('L', 'KeyL');
    await waitFor(() => expect(stamp(ctx, 'p1.42')?.as).toBe('lost'));
    expect(stamp(ctx, 'p1.42')!.by).toBe('王编辑');
    const badge = within(screen.getByTestId('article-2')).getByTestId('open-end-badge-p1.42');
    expect(badge).toHaveTextContent('text lost');
    expect(badge.getAttribute('title')).toMatch(/resolved by 王编辑/);
    expect(screen.getByTestId('coverage')).toHaveTextContent('9 open ends (1 resolved)');
    expect(ctx.store.getState().past.at(-1)!.label).toBe('Open end: text lost');
    act(() => ctx.store.getState().undo());
    expect(screen.queryByTestId('open-end-badge-p1.42')).toBeNull();
    expect(screen.getByTestId('coverage')).toHaveTextContent('10 open ends');
  });

  it('ends here, continues elsewhere and unresolve, from the keys and the palette; zh-CN badges', async () => {
    const ctx = makeCtx('zh-CN');
    load(ctx, 'p1.101');
    renderApp(ctx);
    expect(appCommands.forShortcut('Ctrl+Shift+H')).toBe('openEnd.ends');
    await press('H', 'KeyH');
    await waitFor(() => expect(screen.getByTestId('open-end-badge-p1.101')).toHaveTextContent('到此结束'));
    act(() => ctx.store.getState().select(['p1.60']));
    await press('E', 'KeyE');
    await waitFor(() => expect(screen.getByTestId('open-end-badge-p1.60')).toHaveTextContent('转至他版'));
    await press('Backspace', 'Backspace');
    await waitFor(() => expect(screen.queryByTestId('open-end-badge-p1.60')).toBeNull());
    expect(stamp(ctx, 'p1.60')).toBeUndefined();
    // The palette lists the commands in the user's language.
    await act(async () => {
      await runCommand('view.palette', ctx);
    });
    fireEvent.change(screen.getByTestId('palette-input'), { target: { value: '断句' } });
    expect(screen.getByTestId('palette')).toHaveTextContent('断句：此处文字缺失');
    expect(screen.getByTestId('palette')).toHaveTextContent('断句：到此结束');
  });

  it('the selected open end offers the three resolutions as buttons on its row', async () => {
    const ctx = makeCtx('en');
    load(ctx, 'p1.60');
    renderApp(ctx);
    expect(screen.queryByTestId('open-end-lost-p1.42')).toBeNull(); // not selected: no buttons
    const btn = screen.getByTestId('open-end-lost-p1.60');
    expect(btn).toHaveTextContent('text lost');
    await act(async () => {
      fireEvent.click(btn);
    });
    await waitFor(() => expect(screen.getByTestId('open-end-badge-p1.60')).toHaveTextContent('text lost'));
    expect(screen.queryByTestId('open-end-lost-p1.60')).toBeNull(); // resolved: the badge replaces the buttons
    // A paragraph closed by a dash: "ends here" is marked as what the page suggests; nothing is proposed for p1.60.
    act(() => ctx.store.getState().select(['p1.101']));
    expect(screen.getByTestId('open-end-ends-p1.101')).toHaveAttribute('data-proposed', 'true');
    expect(screen.getByTestId('open-end-ends-p1.101').getAttribute('title')).toMatch(/suggested by the page/);
    expect(screen.getByTestId('open-end-lost-p1.101')).not.toHaveAttribute('data-proposed');
  });

  it('a fragment that is not an open end is refused with a notice, nothing recorded', async () => {
    const ctx = makeCtx('en');
    load(ctx, 'p1.1');
    const before = ctx.store.getState().past.length;
    await act(async () => {
      await runCommand('openEnd.lost', ctx);
    });
    expect(ctx.store.getState().past).toHaveLength(before);
    expect(ctx.store.getState().notice?.text).toMatch(/not an open end/);
  });
});

describe('Approve warns about unresolved open ends', () => {
  it('the review dialog says how many are unresolved, approving warns; none once all are resolved', async () => {
    const ctx = makeCtx('en');
    load(ctx, 'p1.78');
    renderApp(ctx);
    // Article 7 (富阳…) has two open ends: p1.78 and p1.79.
    const card = screen.getByTestId('article-7');
    fireEvent.click(within(card).getByTestId('btn-what-changed'));
    expect(screen.getByTestId('review-open-ends')).toHaveTextContent('2 open ends of this article are not resolved');
    const articleId = ctx.store.getState().doc!.articles[6].id;
    fireEvent.change(within(card).getByRole('combobox'), { target: { value: 'approved' } });
    await waitFor(() => expect(ctx.store.getState().doc!.articles[6].status).toBe('approved'));
    expect(ctx.store.getState().notice).toMatchObject({
      kind: 'warning',
      text: 'Approved with 2 unresolved open ends.',
    });
    act(() => ctx.store.getState().set({ notice: null }));

    await act(async () => {
      await runCommand('openEnd.lost', ctx);
    });
    act(() => ctx.store.getState().select(['p1.79']));
    await act(async () => {
      await runCommand('openEnd.lost', ctx);
    });
    expect(screen.queryByTestId('review-open-ends')).toBeNull();
    fireEvent.change(within(card).getByRole('combobox'), { target: { value: 'corrected' } });
    fireEvent.change(within(card).getByRole('combobox'), { target: { value: 'approved' } });
    await waitFor(() =>
      expect(ctx.store.getState().past.at(-1)!.op).toMatchObject({ type: 'setStatus', articleId, status: 'approved' }),
    );
    expect(ctx.store.getState().notice).toBeNull();
  });
});
