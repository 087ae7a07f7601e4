import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../renderer/src/commands/registry';
import { makeCtx, SAMPLE_TEXT } from '../workbench-harness';

vi.mock('@monaco-editor/react', async () => ({ default: (await import('../monaco-stub')).MonacoStub }));
vi.mock('../../../renderer/src/features/editor/monaco-setup', () => ({ monaco: {} }));
vi.mock('@atlaskit/pragmatic-drag-and-drop-auto-scroll/element', () => ({
  autoScrollForElements: () => () => undefined,
}));

/**
 * Open → interactive: the first fragment is selected only after the first paint of the opened document,
 * because a selection shows the editor, whose first showing loads Monaco (script and CSS that restyles the page).
 * A selection made meanwhile (the reopened view, the user) is kept.
 */
describe('selection after opening', () => {
  it('the page shows first; the first fragment is selected on the next frame', async () => {
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    const s = () => ctx.store.getState();
    expect(s().doc!.pages[0].fragments.length).toBeGreaterThan(0);
    expect(s().selection).toEqual([]); // not yet: the document paints without the editor
    await vi.waitFor(() => expect(s().selection).toEqual(['p1.1']));
  });

  it('a selection made before that frame is kept', async () => {
    const ctx = makeCtx('en');
    ctx.host.files.set('p2.txt', SAMPLE_TEXT);
    ctx.host.answer('dialog.importPages', ['p2.txt']);
    await runCommand('file.import', ctx);
    ctx.store.getState().select(['p1.3']);
    await new Promise((r) => setTimeout(r, 100));
    expect(ctx.store.getState().selection).toEqual(['p1.3']);
  });
});
