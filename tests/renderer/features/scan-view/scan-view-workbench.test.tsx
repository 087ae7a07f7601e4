import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Issue } from '@shared/model/types';
import { makeCtx, renderApp, tinyIssue } from '../../workbench-harness';
import { createFakeHost } from '../../../support/fake-host';
import { isEnabled, runCommand } from '../../../../renderer/src/commands/registry';
import { pageMarks, POOL_COLOR } from '../../../../renderer/src/features/scan-view/region-marks';
import { scanMode } from '../../../../renderer/src/features/scan-view/scan-mode';
import { OKABE_ITO } from '../../../../renderer/src/model/colors';

afterEach(cleanup);

const PIXEL = 'data:image/png;base64,iVBORw0KGgo=';

/** The tiny issue with a scan: one region per fragment, stacked down the page. */
function scannedIssue(src = PIXEL): Issue {
  const issue = tinyIssue();
  const p = issue.pages[0];
  return {
    ...issue,
    pages: [
      {
        ...p,
        size: { width: 1000, height: 1000 },
        image: { src, width: 1000, height: 1000, mime: 'image/png' },
        fragments: p.fragments.map((f, i) => ({ ...f, box: { x: 50, y: 50 + i * 150, w: 900, h: 120 } })),
      },
    ],
  };
}

function setup(issue: Issue = scannedIssue(), host = createFakeHost()) {
  const ctx = makeCtx('en', host);
  const s = ctx.store.getState();
  s.load(issue, null);
  s.apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.2', 'p1.4'] });
  s.apply({ type: 'moveFragments', fragmentIds: ['p1.5'], to: { kind: 'discard' } });
  renderApp(ctx);
  return ctx;
}

const region = (id: string) =>
  screen.getByTestId('page-scan').querySelector<HTMLElement>(`[data-fragment-id="${id}"]`)!;

describe('scan view in the workbench', () => {
  it('V toggles the page pane between the text list and the scan; Shift+V shows both', () => {
    const ctx = setup();
    const pane = screen.getByRole('region', { name: 'Page' });
    expect(pane).toHaveAttribute('data-view', 'text');
    expect(screen.queryByTestId('page-scan')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'v', code: 'KeyV' });
    expect(pane).toHaveAttribute('data-view', 'scan');
    expect(screen.getByTestId('page-scan').querySelector('img')).toHaveAttribute('src', PIXEL);
    expect(screen.getByTestId('btn-scan-view')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('btn-view-text')).toHaveAttribute('aria-pressed', 'false');
    fireEvent.keyDown(document.body, { key: 'V', code: 'KeyV', shiftKey: true });
    expect(pane).toHaveAttribute('data-view', 'both');
    expect(screen.getByTestId('page-scan')).toBeInTheDocument();
    expect(screen.getByTestId('page-pane')).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 'V', code: 'KeyV', shiftKey: true });
    expect(pane).toHaveAttribute('data-view', 'text');
    fireEvent.click(screen.getByTestId('btn-scan-both'));
    expect(pane).toHaveAttribute('data-view', 'both');
    fireEvent.click(screen.getByTestId('btn-view-text'));
    expect(pane).toHaveAttribute('data-view', 'text');
    expect(scanMode(ctx.store).getState().view).toBe('text');
  });

  it('regions carry where their fragment lives: article colour and number, dashed pool, faded discard', () => {
    const ctx = setup();
    const { colors, marks } = pageMarks(ctx.store.getState().doc!, ctx.store.getState().doc!.pages[0]);
    expect(colors['p1.2']).toBe(OKABE_ITO[0]);
    expect(marks['p1.2']).toEqual({ badge: '1' });
    expect(colors['p1.1']).toBe(POOL_COLOR);
    expect(marks['p1.1']).toEqual({ dashed: true });
    expect(marks['p1.5']).toMatchObject({ faded: true });
    act(() => {
      scanMode(ctx.store).setState({ view: 'scan' });
    });
    expect(region('p1.2')).toHaveTextContent('1');
    expect(region('p1.1').style.borderStyle).toBe('dashed');
    expect(region('p1.5').style.opacity).toBe('0.35');
  });

  it('clicking a region selects its fragment everywhere; a selection made elsewhere marks its region', () => {
    const ctx = setup();
    act(() => {
      scanMode(ctx.store).setState({ view: 'scan' });
    });
    fireEvent.click(region('p1.4'));
    const s = ctx.store.getState();
    expect(s.selection).toEqual(['p1.4']);
    expect(s.selectedArticle).toBe('a1');
    expect(region('p1.4')).toHaveAttribute('aria-pressed', 'true');
    expect(within(screen.getByTestId('board')).getByTestId('item-p1.4')).toHaveClass('is-selected');
    // Ctrl+click adds to the selection, like in the text list.
    fireEvent.click(region('p1.1'), { ctrlKey: true });
    expect(ctx.store.getState().selection).toEqual(['p1.4', 'p1.1']);
    // Selected in the board (or by keyboard): the region follows.
    act(() => {
      ctx.store.getState().select(['p1.3']);
    });
    expect(region('p1.3')).toHaveAttribute('aria-pressed', 'true');
    expect(region('p1.4')).toHaveAttribute('aria-pressed', 'false');
  });

  it('a page without a scan or regions has no scan toggle and the command is disabled', async () => {
    const ctx = makeCtx('en');
    ctx.store.getState().load(tinyIssue(), null);
    renderApp(ctx);
    expect(screen.queryByTestId('btn-scan-view')).toBeNull();
    expect(isEnabled(ctx.commands.find('view.scan')!, ctx)).toBe(false);
    await act(async () => {
      await runCommand('view.scan', ctx);
    });
    expect(screen.getByRole('region', { name: 'Page' })).toHaveAttribute('data-view', 'text');
  });

  it('a scan referenced by a path is read through the host for the saved issue file', async () => {
    const pageImage = vi.fn(async ({ src }: { issueToken: string; src: string }) => ({
      url: `data:image/png;base64,${btoa(src)}`,
    }));
    const host = createFakeHost({ 'page.image': pageImage });
    const ctx = makeCtx('en', host);
    ctx.store.getState().load(scannedIssue('scans/p1.png'), { token: 'issue-token-1', name: 'x.galley.json' });
    renderApp(ctx);
    act(() => {
      scanMode(ctx.store).setState({ view: 'scan' });
    });
    await waitFor(() =>
      expect(screen.getByTestId('page-scan').querySelector('img')).toHaveAttribute(
        'src',
        `data:image/png;base64,${btoa('scans/p1.png')}`,
      ),
    );
    expect(pageImage).toHaveBeenCalledWith({ issueToken: 'issue-token-1', src: 'scans/p1.png' });
  });
});
