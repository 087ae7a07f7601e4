import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../../renderer/src/commands/registry';
import { selectDirty } from '../../../../renderer/src/store/selectors';
import { makeCtx, SAMPLE_TEXT } from '../../workbench-harness';
import { answer, questionStore } from '../../../../renderer/src/features/dialogs/questions';
import { exportDialog } from '../../../../renderer/src/features/export/export-state';
import type { CommandContext } from '../../../../renderer/src/commands/types';

/** Runs a command that asks in-app questions, answers them in turn with `buttons`, and returns the last one asked. */
async function answering(ctx: CommandContext, run: () => Promise<unknown>, ...buttons: number[]) {
  const done = run();
  let q;
  for (const button of buttons) {
    await vi.waitFor(() => expect(questionStore(ctx.store).getState().queue).toHaveLength(1));
    q = questionStore(ctx.store).getState().queue[0];
    answer(ctx.store, button);
  }
  await done;
  return q!;
}

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

    const ask = await answering(ctx, () => runCommand('file.import', ctx), 1, 2); // as a new issue; Cancel
    expect(ctx.store.getState().doc).toBe(doc);
    expect(ask.buttons.map((b) => (typeof b.label === 'function' ? b.label(ctx.t) : b.label))).toEqual([
      'Save',
      "Don't save",
      'Cancel',
    ]);
    expect(ask.cancel).toBe(2);
    // Asked in the app, never through the host's dialog.
    expect(ctx.host.calls.some((c) => c.channel === 'dialog.confirm')).toBe(false);

    ctx.host.answer('dialog.saveIssueAs', 'first.galley.json');
    ctx.host.answer('dialog.importPages', ['other.txt']);
    await answering(ctx, () => runCommand('file.import', ctx), 1, 0); // as a new issue; Save, then import
    expect(JSON.parse(ctx.host.files.get('first.galley.json')!).discarded).toEqual(['p1.114']);
    expect(ctx.store.getState().doc!.pages[0].fragments).toHaveLength(2);

    ctx.store.getState().apply({ type: 'moveFragments', fragmentIds: ['p1.2'], to: { kind: 'discard' } });
    await answering(ctx, () => runCommand('file.new', ctx), 1); // Don't save
    expect(ctx.store.getState().doc!.pages).toHaveLength(0);
  });

  it('a per-format export command opens the export dialog on that format', async () => {
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    await runCommand('file.export.docx', ctx);
    expect(exportDialog(ctx.store).getState()).toMatchObject({ open: true, format: 'docx' });
    expect(ctx.host.calls.some((c) => c.channel === 'dialog.exportTo' || c.channel === 'dialog.confirm')).toBe(false);
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

  it('import with an issue open: add the pages to it (same file, unsaved) or cancel', async () => {
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.files.set('p3.txt', '第三版\n\n正文。');
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    ctx.host.answer('dialog.saveIssueAs', 'day.galley.json');
    await runCommand('file.save', ctx);
    const s = () => ctx.store.getState();
    expect(selectDirty(s())).toBe(false);

    const q = await answering(ctx, () => runCommand('file.import', ctx), 2); // Cancel
    expect(q.testId).toBe('import-choice');
    expect(s().doc!.pages).toHaveLength(1);

    ctx.host.answer('dialog.importPages', ['p3.txt']);
    await answering(ctx, () => runCommand('file.import', ctx), 0); // Add to this issue
    expect(s().doc!.pages.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(s().doc!.pages[0].fragments).toHaveLength(114);
    expect(s().file?.name).toBe('day.galley.json');
    expect(selectDirty(s())).toBe(true);
    await runCommand('file.save', ctx); // to the same file, no dialog
    expect(JSON.parse(ctx.host.files.get('day.galley.json')!).pages).toHaveLength(2);
    expect(selectDirty(s())).toBe(false);
  });

  it('started on a page with its saved issue beside it: offers to open that issue', async () => {
    const { openLaunchFiles } = await import('../../../../renderer/src/features/persistence/file-commands');
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    ctx.host.answer('dialog.saveIssueAs', 'p2.galley.json');
    await runCommand('file.save', ctx);
    const open = {
      kind: 'pages' as const,
      files: [{ token: 'tok-p2.txt', name: 'p2.txt' }],
      issueBeside: { token: 'tok-p2.galley.json', name: 'p2.galley.json' },
    };
    const q = await answering(ctx, () => openLaunchFiles(ctx, open), 0);
    expect(q.testId).toBe('launch-beside');
    expect(ctx.store.getState().file?.name).toBe('p2.galley.json');
    // "Import the page again" imports it as before.
    await answering(ctx, () => openLaunchFiles(ctx, open), 1);
    expect(ctx.store.getState().file).toBeNull();
    expect(ctx.store.getState().doc!.pages[0].fragments).toHaveLength(114);
  });
});
