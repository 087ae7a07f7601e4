import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../../renderer/src/commands/registry';
import { selectDirty } from '../../../../renderer/src/store/selectors';
import { createFakeHost } from '../../../support/fake-host';
import { makeCtx, SAMPLE_TEXT } from '../../workbench-harness';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../../monaco-stub')).MonacoStub }));
vi.mock('../../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

/** Files through the host contract (fake host over `dispatch`): tokens only, never paths. */
describe('file commands', () => {
  it('import → save as → the file holds the document; Save again reuses the token without a dialog', async () => {
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    const s = () => ctx.store.getState();
    expect(s().doc!.pages[0].fragments).toHaveLength(114);
    await vi.waitFor(() => expect(s().selection).toEqual(['p1.1'])); // selected after the first paint
    s().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
    expect(selectDirty(s())).toBe(true);
    ctx.host.answer('dialog.saveIssueAs', 'day.galley.json');
    await runCommand('file.save', ctx);
    expect(selectDirty(s())).toBe(false);
    expect(s().file?.name).toBe('day.galley.json');
    expect(JSON.parse(ctx.host.files.get('day.galley.json')!).articles[0].items).toEqual([{ id: 'p1.1', join: false }]);
    s().apply({ type: 'setJoin', fragmentId: 'p1.1', join: false });
    await runCommand('file.save', ctx); // no dialog answer queued: it would throw if asked
    expect(ctx.host.calls.filter((c) => c.channel === 'dialog.saveIssueAs')).toHaveLength(1);
    expect(JSON.stringify(ctx.host.calls)).not.toMatch(/\/tmp|\\\\/);
  });

  it("unsaved changes: Cancel keeps the document, Don't save replaces it, Save saves first", async () => {
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.files.set('other.txt', '另一版\n\n正文。');
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    ctx.store.getState().apply({ type: 'moveFragments', fragmentIds: ['p1.114'], to: { kind: 'discard' } });
    const doc = ctx.store.getState().doc;

    ctx.host.answer('dialog.confirm', 2); // Cancel
    await runCommand('file.import', ctx);
    expect(ctx.store.getState().doc).toBe(doc);
    const ask = ctx.host.calls.find((c) => c.channel === 'dialog.confirm')!.input as {
      message: string;
      buttons: string[];
    };
    expect(ask.buttons).toEqual(['Save', "Don't save", 'Cancel']);

    ctx.host.answer('dialog.confirm', 0); // Save, then import
    ctx.host.answer('dialog.saveIssueAs', 'first.galley.json');
    ctx.host.answer('dialog.importPages', ['other.txt']);
    await runCommand('file.import', ctx);
    expect(JSON.parse(ctx.host.files.get('first.galley.json')!).discarded).toEqual(['p1.114']);
    expect(ctx.store.getState().doc!.pages[0].fragments).toHaveLength(2);

    ctx.store.getState().apply({ type: 'moveFragments', fragmentIds: ['p1.2'], to: { kind: 'discard' } });
    ctx.host.answer('dialog.confirm', 1); // Don't save
    await runCommand('file.new', ctx);
    expect(ctx.store.getState().doc!.pages).toHaveLength(0);
  });

  it('export: gating problems ask before exporting anyway (allowIncomplete only after yes)', async () => {
    const runs: { allowIncomplete?: boolean }[] = [];
    const host = createFakeHost({
      'export.run': async (input) => {
        runs.push({ allowIncomplete: input.allowIncomplete });
        return input.allowIncomplete
          ? { ok: true, files: ['a.md', 'b.md'], articles: 2 }
          : { ok: false, problems: ['107 fragments are not placed'] };
      },
    });
    const ctx = makeCtx('en', host);
    host.files.set('p2.txt', SAMPLE_TEXT);
    host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);

    host.answer('dialog.exportTo', 'out.md');
    host.answer('dialog.confirm', 1); // Cancel
    await runCommand('file.export.md', ctx);
    expect(runs).toEqual([{ allowIncomplete: undefined }]);
    const ask = host.calls.filter((c) => c.channel === 'dialog.confirm').at(-1)!.input as { detail: string };
    expect(ask.detail).toContain('107 fragments are not placed');

    host.answer('dialog.exportTo', 'out.md');
    host.answer('dialog.confirm', 0); // Export anyway
    await runCommand('file.export.md', ctx);
    expect(runs.slice(1)).toEqual([{ allowIncomplete: undefined }, { allowIncomplete: true }]);
    expect(ctx.store.getState().notice?.text).toBe('Exported 2 files to out.md.');
  });

  it('a native menu command (`command.run` from the host) runs the registry command', async () => {
    const { renderApp } = await import('../../workbench-harness');
    const { act, cleanup } = await import('@testing-library/react');
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    ctx.store.getState().apply({ type: 'moveFragments', fragmentIds: ['p1.1'], to: { kind: 'discard' } });
    renderApp(ctx);
    await act(async () => {
      ctx.host.emit('command.run', { id: 'edit.undo' });
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(ctx.store.getState().doc!.discarded).toEqual([]);
    await act(async () => {
      ctx.host.emit('command.run', { id: 'edit.redo' });
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(ctx.store.getState().doc!.discarded).toEqual(['p1.1']);
    cleanup();
  });
});
