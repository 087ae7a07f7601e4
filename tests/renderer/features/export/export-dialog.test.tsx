import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeCtx, renderApp } from '../../workbench-harness';
import { fragmentWith, withArticle } from '../../review-fixtures';
import { createFakeHost } from '../../../support/fake-host';
import { EXPORT_FORMAT_NAMES } from '@shared/ipc/contract';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

afterEach(() => cleanup());

type RunInput = {
  token: string;
  format: string;
  split?: boolean;
  inner?: string;
  approvedOnly?: boolean;
  articleIds?: string[];
  allowIncomplete?: boolean;
  replace?: boolean;
  lostTextMark?: boolean;
};

function gatedHost() {
  const runs: RunInput[] = [];
  const host = createFakeHost({
    // The real gate's shape: refuses unless allowIncomplete.
    'export.run': async (input) => {
      runs.push(input as RunInput);
      return input.allowIncomplete
        ? { ok: true, files: ['灵峰.md'], articles: 1 }
        : { ok: false, problems: ['12 fragments are not in any article', 'article 1 ends open'] };
    },
  });
  return { host, runs };
}

describe('Export dialog', () => {
  it('"Mark lost text" is on by default, offered for the publication formats only, and sent off when unticked', async () => {
    const { host, runs } = gatedHost();
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    fireEvent.click(screen.getByTestId('btn-export'));
    fireEvent.click(screen.getByTestId('export-dialog-open'));
    const d = screen.getByTestId('export-dialog');
    expect(within(d).getByTestId('export-lost-mark')).toBeChecked();
    fireEvent.change(within(d).getByTestId('export-format'), { target: { value: 'json' } });
    expect(within(d).queryByTestId('export-lost-mark')).toBeNull();
    fireEvent.change(within(d).getByTestId('export-format'), { target: { value: 'nitf' } });
    fireEvent.click(within(d).getByTestId('export-lost-mark'));
    host.answer('dialog.exportTo', 'out.xml');
    fireEvent.click(within(d).getByTestId('export-run'));
    fireEvent.click(await screen.findByTestId('export-anyway'));
    await waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]).toMatchObject({ format: 'nitf', lostTextMark: false });
  });

  it('names the problems by article title and words of text before any file is asked; "Export anyway" then asks once', async () => {
    const { host, runs } = gatedHost();
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    fireEvent.click(screen.getByTestId('btn-export'));
    fireEvent.click(screen.getByTestId('export-dialog-open'));
    const d = screen.getByTestId('export-dialog');
    // Every format is offered.
    expect([...within(d).getByTestId('export-format').querySelectorAll('option')].map((o) => o.value)).toEqual([
      ...EXPORT_FORMAT_NAMES,
    ]);
    expect(within(d).getByTestId('export-scope-issue')).toBeChecked(); // the whole issue, even with an article selected
    fireEvent.click(within(d).getByTestId('export-run'));
    const problems = await screen.findByTestId('export-problems');
    expect(problems).toHaveTextContent('The export is not complete. Export anyway, or cancel and finish first');
    expect(problems).toHaveTextContent('113 pieces of text are in no article: “本报记者蹲点北仑区灵峰社区,…”, “');
    expect(problems).toHaveTextContent(
      '“早春时节,循着轰隆隆的机器声, 记者又一…” stops mid-sentence at “…又一次走进宁波北仑区大碶街道”.',
    );
    expect(problems.textContent).not.toMatch(/p1\.\d/);
    // Nothing asked, nothing run yet.
    expect(host.calls.some((c) => c.channel === 'dialog.exportTo')).toBe(false);
    expect(runs).toHaveLength(0);

    fireEvent.click(within(d).getByTestId('export-scope-article'));
    fireEvent.click(within(d).getByTestId('export-approved'));
    fireEvent.click(within(d).getByTestId('export-run'));
    host.answer('dialog.exportTo', 'out.md');
    fireEvent.click(await screen.findByTestId('export-anyway'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ format: 'md', allowIncomplete: true, approvedOnly: true, articleIds: ['a1'] });
    const asked = host.calls.filter((c) => c.channel === 'dialog.exportTo');
    expect(asked).toHaveLength(1);
    // The suggested name carries the format's extension.
    expect((asked[0].input as { suggestedName: string }).suggestedName).toMatch(/\.md$/);
    expect(ctx.store.getState().notice?.text).toMatch(/Exported 1 file/);
  });

  it('a format the audit does not gate (json) asks for the file at once, named with its extension', async () => {
    const { host } = gatedHost();
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    fireEvent.click(screen.getByTestId('btn-export'));
    fireEvent.click(screen.getByTestId('export-dialog-open'));
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'json' } });
    host.answer('dialog.exportTo', null);
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(host.calls.some((c) => c.channel === 'dialog.exportTo')).toBe(true));
    expect(screen.queryByTestId('export-problems')).toBeNull();
    const input = host.calls.find((c) => c.channel === 'dialog.exportTo')!.input as { suggestedName: string };
    expect(input.suggestedName).toMatch(/\.json$/);
  });

  it('cancel after a refusal exports nothing; split, zip contents and NITF are passed as chosen', async () => {
    const { host, runs } = gatedHost();
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    const second = fragmentWith(ctx.store.getState().doc!, '人职第一课');
    act(() => {
      ctx.store.getState().apply({ type: 'createArticle', articleId: 'a2', fragmentIds: [second] });
    });
    renderApp(ctx);
    await act(async () => {
      fireEvent.keyDown(window, { key: 'e', code: 'KeyE', ctrlKey: true });
    });
    fireEvent.click(screen.getByTestId('export-split'));
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(screen.getByTestId('export-problems')).toBeTruthy());
    fireEvent.click(screen.getByTestId('export-cancel'));
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    expect(runs).toHaveLength(0);

    await act(async () => {
      fireEvent.keyDown(window, { key: 'e', code: 'KeyE', ctrlKey: true });
    });
    fireEvent.click(screen.getByTestId('export-split'));
    host.answer('dialog.exportTo', 'folder');
    fireEvent.click(screen.getByTestId('export-run'));
    fireEvent.click(await screen.findByTestId('export-anyway'));
    await waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]).toMatchObject({ format: 'md', split: true });
    expect(runs[0].articleIds).toBeUndefined();
    expect(host.calls.find((c) => c.channel === 'dialog.exportTo')!.input).toMatchObject({ directory: true });

    await act(async () => {
      fireEvent.keyDown(window, { key: 'e', code: 'KeyE', ctrlKey: true });
    });
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'zip' } });
    fireEvent.change(screen.getByTestId('export-inner'), { target: { value: 'docx' } });
    host.answer('dialog.exportTo', 'all.zip');
    fireEvent.click(screen.getByTestId('export-run'));
    fireEvent.click(await screen.findByTestId('export-anyway'));
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[1]).toMatchObject({ format: 'zip', inner: 'docx' });

    // Changing a choice after the warning drops the offer to export anyway.
    await act(async () => {
      fireEvent.keyDown(window, { key: 'e', code: 'KeyE', ctrlKey: true });
    });
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(screen.getByTestId('export-anyway')).toBeTruthy());
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'nitf' } });
    expect(screen.queryByTestId('export-anyway')).toBeNull();
    // NITF of two articles: one file per article, forced; of the selected article alone: one file allowed.
    fireEvent.click(screen.getByTestId('export-one'));
    fireEvent.click(screen.getByTestId('export-scope-issue'));
    expect(screen.getByTestId('export-split')).toBeChecked();
    expect(screen.getByTestId('export-split')).toBeDisabled();
    fireEvent.click(screen.getByTestId('export-scope-article'));
    expect(screen.getByTestId('export-one')).toBeChecked();
    expect(screen.getByTestId('export-one')).toBeEnabled();
  });

  it('shows a host error (e.g. a format that cannot serve the request) in the dialog', async () => {
    const host = createFakeHost({
      'export.run': async () => {
        throw new Error('nitf holds one article per file');
      },
    });
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    // File › Export… of the native menu sends `file.export`: the same dialog.
    act(() => host.emit('command.run', { id: 'file.export' }));
    await waitFor(() => expect(screen.getByTestId('export-dialog')).toBeTruthy());
    host.answer('dialog.exportTo', 'x.md');
    fireEvent.click(screen.getByTestId('export-run'));
    fireEvent.click(await screen.findByTestId('export-anyway'));
    await waitFor(() => expect(screen.getByTestId('export-error')).toHaveTextContent('one article per file'));
  });

  it('asks before replacing existing files: nothing is replaced until "Replace", which keeps "Export anyway"', async () => {
    const runs: RunInput[] = [];
    const host = createFakeHost({
      // The real host's shapes: the gate first, then the existing files, then the export.
      'export.run': async (input) => {
        runs.push(input as RunInput);
        if (!input.allowIncomplete) return { ok: false, problems: ['12 fragments are not in any article'] };
        if (!input.replace) return { ok: false, problems: ['out.md exists; replace it?'], existing: ['out.md'] };
        return { ok: true, files: ['out.md'], articles: 1 };
      },
    });
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    fireEvent.click(screen.getByTestId('btn-export'));
    fireEvent.click(screen.getByTestId('export-dialog-open'));
    host.answer('dialog.exportTo', 'out.md');
    fireEvent.click(screen.getByTestId('export-run'));
    await waitFor(() => expect(screen.getByTestId('export-anyway')).toBeTruthy());
    fireEvent.click(screen.getByTestId('export-anyway'));
    await waitFor(() => expect(screen.getByTestId('export-existing')).toHaveTextContent('out.md'));
    expect(screen.getByTestId('export-existing')).toHaveTextContent('This file exists and would be replaced');
    expect(screen.queryByTestId('export-anyway')).toBeNull();
    expect(runs).toHaveLength(1);
    expect(runs[0].replace).toBeUndefined();

    fireEvent.click(screen.getByTestId('export-replace'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ token: runs[0].token, allowIncomplete: true, replace: true });
    expect(host.calls.filter((c) => c.channel === 'dialog.exportTo')).toHaveLength(1);
    expect(ctx.store.getState().notice?.text).toMatch(/Exported 1 file/);
  });

  it('cancel at "replace?" replaces nothing', async () => {
    const runs: RunInput[] = [];
    const host = createFakeHost({
      'export.run': async (input) => {
        runs.push(input as RunInput);
        return { ok: false, problems: ['out.md exists; replace it?'], existing: ['out.md'] };
      },
    });
    const ctx = makeCtx('en', host);
    withArticle(ctx, ['机器声']);
    renderApp(ctx);
    fireEvent.click(screen.getByTestId('btn-export'));
    fireEvent.click(screen.getByTestId('export-dialog-open'));
    host.answer('dialog.exportTo', 'out.md');
    fireEvent.click(screen.getByTestId('export-run'));
    fireEvent.click(await screen.findByTestId('export-anyway'));
    await waitFor(() => expect(screen.getByTestId('export-replace')).toBeTruthy());
    fireEvent.click(screen.getByTestId('export-cancel'));
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    expect(runs.every((r) => !r.replace)).toBe(true);
  });
});
