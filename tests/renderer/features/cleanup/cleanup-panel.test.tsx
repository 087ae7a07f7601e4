import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { findFragment } from '@shared/model/lookup';
import { previewCleanup } from '@shared/cleanup';
import { makeCtx, renderApp } from '../../workbench-harness';
import { withArticle } from '../../review-fixtures';
import { runCommand } from '../../../../renderer/src/commands/registry';
import { cleanupPanel } from '../../../../renderer/src/features/cleanup/cleanup-state';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

afterEach(() => cleanup());

/** Cleanup from the toolbar on the selected article: the preview lists every change; Apply is one undo step. */
describe('Cleanup preview', () => {
  it('lists every change of the article with before → after, applies the ticked ones as one undo step, undo restores', async () => {
    const ctx = makeCtx('en');
    const { ids } = withArticle(ctx, ['机器声', '人职第一课']);
    renderApp(ctx);
    const before = ids.map((id) => findFragment(ctx.store.getState().doc!, id)!.text);
    // What the shared logic proposes for this article: the panel must list exactly that many changes.
    const expected = previewCleanup(ctx.store.getState().doc!, { articleIds: ['a1'] });
    expect(expected.changeCount).toBeGreaterThan(2);

    fireEvent.click(screen.getByTestId('btn-cleanup-more'));
    fireEvent.click(screen.getByTestId('cleanup-scope-article'));
    const panel = screen.getByTestId('cleanup-panel');
    const rows = within(panel).getAllByTestId('cleanup-change');
    expect(rows).toHaveLength(expected.changeCount);
    // The `机器声, 记者` change shows the comma before and the full-width comma after, highlighted.
    const comma = rows.find((r) => within(r).getByTestId('snip-before').textContent!.includes('机器声,'))!;
    expect(comma.querySelector('.snip-before del')!.textContent).toBe(',');
    expect(comma.querySelector('.snip-after ins')!.textContent).toBe('，');
    expect(ctx.store.getState().past).toHaveLength(0); // nothing applied by the preview

    // Untick the first change: it stays in the text.
    const first = expected.fragments[0];
    fireEvent.click(within(rows[0]).getByRole('checkbox'));
    expect(screen.getByTestId('cleanup-apply')).toHaveTextContent(String(expected.changeCount - 1));
    fireEvent.click(screen.getByTestId('cleanup-apply'));
    expect(screen.queryByTestId('cleanup-panel')).toBeNull();

    const s = ctx.store.getState();
    expect(s.past).toHaveLength(1);
    const after = findFragment(s.doc!, first.fragmentId)!.text;
    const c0 = first.changes[0];
    expect(after.slice(c0.start, c0.end)).toBe(c0.before); // the unticked change was not applied
    expect(after).not.toBe(first.before);
    expect(findFragment(s.doc!, ids[0])!.text).toContain('机器声，记者');

    act(() => s.undo());
    expect(ids.map((id) => findFragment(ctx.store.getState().doc!, id)!.text)).toEqual(before);
  });

  it('runs one rule on the selected fragments only; Cancel changes nothing; an empty preview says so', async () => {
    const ctx = makeCtx('en');
    const { ids } = withArticle(ctx, ['机器声', '人职第一课']);
    renderApp(ctx);
    act(() => ctx.store.getState().select([ids[0]]));
    fireEvent.click(screen.getByTestId('btn-cleanup-more'));
    fireEvent.click(screen.getByTestId('cleanup-rule-punctuation'));
    fireEvent.click(screen.getByTestId('cleanup-scope-selection'));
    const p = cleanupPanel(ctx.store).getState().preview!;
    expect(p.fragments.map((f) => f.fragmentId)).toEqual([ids[0]]);
    expect(new Set(p.fragments.flatMap((f) => f.changes.map((c) => c.rule)))).toEqual(new Set(['punctuation']));
    expect(screen.getAllByTestId('cleanup-change')).toHaveLength(p.changeCount);
    fireEvent.click(screen.getByTestId('cleanup-cancel'));
    expect(ctx.store.getState().past).toHaveLength(0);

    // After cleaning everything, a second run over the issue proposes nothing.
    await act(() => runCommand('cleanup.issue', ctx));
    fireEvent.click(screen.getByTestId('cleanup-apply'));
    await act(() => runCommand('cleanup.issue', ctx));
    expect(screen.getByTestId('cleanup-summary')).toHaveTextContent('Nothing to clean');
    expect(screen.getByTestId('cleanup-apply')).toBeDisabled();
  });

  it('refuses to apply a preview made before the text changed', async () => {
    const ctx = makeCtx('en');
    const { ids } = withArticle(ctx, ['机器声']);
    renderApp(ctx);
    await act(() => runCommand('cleanup.article', ctx));
    act(() => {
      ctx.store.getState().apply({ type: 'editText', fragmentId: ids[0], text: '改过了' });
    });
    fireEvent.click(screen.getByTestId('cleanup-apply'));
    expect(ctx.store.getState().notice?.text).toMatch(/changed since the preview/);
    expect(ctx.store.getState().past).toHaveLength(1);
  });

  it('groups the changes by rule with All / None, names the scope on the buttons, and flags a change that hides lost text', async () => {
    const ctx = makeCtx('en');
    const { ids } = withArticle(ctx, ['机器声', '十四行诗》诗集']);
    renderApp(ctx);
    expect(screen.getByTestId('btn-cleanup')).toHaveTextContent('Cleanup: article');
    fireEvent.click(screen.getByTestId('btn-cleanup'));
    const panel = screen.getByTestId('cleanup-panel');
    const spaces = within(panel).getByTestId('cleanup-rule-cjk-spaces');
    const punct = within(panel).getByTestId('cleanup-rule-punctuation');
    expect(within(spaces).getByText('Line-wrap spaces in Chinese text')).toBeTruthy();
    // `节目演 十四行诗》`: the space is where the line holding `《` was lost; flagged, and left unticked.
    const flagged = within(panel).getAllByTestId('cleanup-lost-trace');
    expect(flagged).toHaveLength(1);
    const row = flagged[0].closest('li')!;
    expect(row.querySelector('.snip-before')!.textContent).toContain('演␣十四行诗');
    expect(within(row).getByRole('checkbox')).not.toBeChecked();
    const total = within(panel).getAllByTestId('cleanup-change').length;
    expect(screen.getByTestId('cleanup-apply')).toHaveTextContent(`Apply ${total - 1} changes to the selected article`);

    // None / All per rule.
    fireEvent.click(within(punct).getByTestId('cleanup-rule-none'));
    for (const box of within(punct).getAllByRole('checkbox')) expect(box).not.toBeChecked();
    const nPunct = within(punct).getAllByRole('checkbox').length;
    expect(screen.getByTestId('cleanup-apply')).toHaveTextContent(`Apply ${total - 1 - nPunct} change`);
    fireEvent.click(within(spaces).getByTestId('cleanup-rule-all'));
    expect(within(row).getByRole('checkbox')).toBeChecked();
    fireEvent.click(within(punct).getByTestId('cleanup-rule-all'));
    expect(screen.getByTestId('cleanup-apply')).toHaveTextContent(`Apply ${total} changes`);
    void ids;
  });
});
