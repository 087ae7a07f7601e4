import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findFragment } from '@shared/model/lookup';
import { makeCtx, renderApp } from '../../workbench-harness';
import { withArticle } from '../../review-fixtures';
import { findPanel } from '../../../../renderer/src/features/find-replace/find-state';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

afterEach(() => cleanup());

import WORDLIST_TEXT from '../../../fixtures/wordlist.tsv?raw';

const WORDLIST: string = WORDLIST_TEXT;

function openWithCtrlH() {
  fireEvent.keyDown(window, { key: 'h', code: 'KeyH', ctrlKey: true });
  return screen.getByTestId('find-panel');
}

describe('Find and replace panel', () => {
  it('Ctrl+H opens it; every hit is listed in context; Accept/Skip decide; replacing is one undo step', () => {
    const ctx = makeCtx('en');
    const { ids } = withArticle(ctx, ['为让员工更有归属感', '机器声']);
    const original = ids.map((id) => findFragment(ctx.store.getState().doc!, id)!.text);
    renderApp(ctx);
    openWithCtrlH();
    // A pattern with groups: each match's two characters swapped (so a second search no longer finds it).
    fireEvent.click(screen.getByTestId('find-regex'));
    fireEvent.change(screen.getByTestId('find-input'), { target: { value: '(社|企|员)(区|业|工)' } });
    fireEvent.change(screen.getByTestId('replace-input'), { target: { value: '$2$1' } });
    fireEvent.click(screen.getByTestId('find-run'));
    const hits = screen.getAllByTestId('find-hit');
    const all = findPanel(ctx.store).getState().hits;
    expect(hits).toHaveLength(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3);
    // Each hit in context: page, the match struck through, the replacement highlighted.
    expect(hits[0].querySelector('.snip-before del')!.textContent).toBe(all[0].match);
    expect(hits[0].querySelector('.snip-after ins')!.textContent).toBe([...all[0].match].reverse().join(''));
    expect(hits[0].querySelector('.snip-before')!.textContent).toContain(all[0].contextBefore.slice(-3) + all[0].match);
    expect(within(hits[0]).getByText(/p\. 2/)).toBeTruthy();

    // Accept the first, skip the second; "Replace accepted" applies just the first.
    fireEvent.click(within(hits[0]).getByTestId('hit-accept'));
    fireEvent.click(within(hits[1]).getByTestId('hit-skip'));
    expect(screen.getByTestId('find-replace-accepted')).toHaveTextContent('1');
    fireEvent.click(screen.getByTestId('find-replace-accepted'));
    expect(ctx.store.getState().past).toHaveLength(1);
    const f0 = findFragment(ctx.store.getState().doc!, all[0].fragmentId)!.text;
    expect(f0.slice(all[0].start, all[0].end)).toBe([...all[0].match].reverse().join(''));
    // The list is searched again: one hit fewer, the skipped one still marked skipped.
    expect(screen.getAllByTestId('find-hit')).toHaveLength(all.length - 1);
    expect(Object.values(findPanel(ctx.store).getState().decisions)).toEqual(['skipped']);

    // Accept all = every hit not skipped, as one more undo step; the skipped one is left.
    fireEvent.click(screen.getByTestId('find-accept-all'));
    expect(ctx.store.getState().past).toHaveLength(2);
    expect(screen.getAllByTestId('find-hit')).toHaveLength(1);
    expect(findPanel(ctx.store).getState().hits[0].contextAfter).toBe(all[1].contextAfter);
    expect(findPanel(ctx.store).getState().decisions[findPanel(ctx.store).getState().hits[0].id]).toBe('skipped');
    act(() => ctx.store.getState().undo());
    act(() => ctx.store.getState().undo());
    expect(ids.map((id) => findFragment(ctx.store.getState().doc!, id)!.text)).toEqual(original);
  });

  it('says how many it replaced; Ctrl+H again selects the previous query to type over', () => {
    const ctx = makeCtx('en');
    withArticle(ctx, ['为让员工更有归属感', '机器声']);
    renderApp(ctx);
    openWithCtrlH();
    fireEvent.change(screen.getByTestId('find-input'), { target: { value: '员工' } });
    fireEvent.change(screen.getByTestId('replace-input'), { target: { value: '职工' } });
    fireEvent.click(screen.getByTestId('find-run'));
    const n = findPanel(ctx.store).getState().hits.length;
    expect(n).toBeGreaterThanOrEqual(2);
    fireEvent.click(screen.getByTestId('find-accept-all'));
    expect(screen.getByTestId('find-replaced')).toHaveTextContent(`Replaced ${n} occurrences.`);
    expect(ctx.store.getState().notice?.text).toBe(`Replaced ${n} occurrences.`);
    // A new query drops the count.
    fireEvent.change(screen.getByTestId('find-input'), { target: { value: '职工' } });
    expect(screen.queryByTestId('find-replaced')).toBeNull();

    // Focus elsewhere, then Ctrl+H: the caret is back in the field with the query selected.
    const input = screen.getByTestId('find-input') as HTMLInputElement;
    screen.getByTestId('replace-input').focus();
    act(() => {
      fireEvent.keyDown(window, { key: 'h', code: 'KeyH', ctrlKey: true });
    });
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, '职工'.length]);
  });

  it('shows an invalid regular expression instead of failing', () => {
    const ctx = makeCtx('en');
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    openWithCtrlH();
    fireEvent.click(screen.getByTestId('find-regex'));
    fireEvent.change(screen.getByTestId('find-input'), { target: { value: '(人' } });
    fireEvent.click(screen.getByTestId('find-run'));
    expect(screen.getByTestId('find-error').textContent).toMatch(/./);
    expect(screen.queryAllByTestId('find-hit')).toHaveLength(0);
  });

  it('loads a word list file chosen in the panel and lists its hits; a broken list shows line-numbered problems', async () => {
    const ctx = makeCtx('zh-CN');
    const { ids } = withArticle(ctx, ['为让员工更有归属感', '机器声']);
    renderApp(ctx);
    openWithCtrlH();
    const input = screen.getByTestId('wordlist-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['人职\t入职\n坏行没有制表符\n'], 'bad.tsv')] } });
    await waitFor(() => expect(screen.getByTestId('wordlist-problems')).toHaveTextContent('第 2 行'));

    fireEvent.change(input, { target: { files: [new File([WORDLIST], 'wordlist.tsv')] } });
    await waitFor(() => expect(screen.getByTestId('wordlist-name')).toHaveTextContent('wordlist.tsv'));
    expect(screen.queryByTestId('wordlist-problems')).toBeNull();
    const hits = screen.getAllByTestId('find-hit');
    const h = findPanel(ctx.store).getState().hits;
    expect(hits).toHaveLength(h.length);
    const i = h.findIndex((x) => x.match === '人职');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(hits[i]).toHaveTextContent(/词表第 \d+ 行/);
    fireEvent.click(screen.getByTestId('find-accept-all'));
    expect(ctx.store.getState().past).toHaveLength(1);
    expect(findFragment(ctx.store.getState().doc!, ids[0])!.text).toContain('入职第一课');
  });
});
