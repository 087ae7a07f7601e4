import '@testing-library/jest-dom/vitest';
import { describe, it, expect } from 'vitest';
import { render, screen, within, fireEvent, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { HostApi } from '@shared/ipc/contract';
import { createI18n } from '../../../../renderer/src/i18n';
import { createAppStore } from '../../../../renderer/src/store/create-store';
import { serializeSession } from '../../../../renderer/src/features/persistence/session-restore';
import { AppProvider } from '../../../../renderer/src/app-context';
import { RecoveryDialog } from '../../../../renderer/src/features/recovery/RecoveryDialog';
import type { CommandContext } from '../../../../renderer/src/commands/types';
import { smallIssue } from '../../recovery-fixtures';
import { appCommands } from '../../../../renderer/src/app/commands';

const NEWER =
  'written by a newer Galley (recovery format 2; this build reads 1). Update Galley to restore it; the file is kept';

function setup(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
  const i18n = createI18n('en');
  const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
  const calls: string[] = [];
  const host: HostApi = {
    invoke: (async (channel: string, input: Record<string, unknown>) => {
      calls.push(`${channel}:${String(input?.id ?? '')}`);
      const a = answers[channel];
      if (!a) throw new Error(`unexpected ${channel}`);
      return a(input);
    }) as HostApi['invoke'],
    on: () => () => undefined,
  };
  const ctx: CommandContext = {
    store,
    commands: appCommands,
    host,
    t: i18n.t.bind(i18n),
    i18n,
    editor: { current: null },
  };
  render(
    <I18nextProvider i18n={i18n}>
      <AppProvider value={ctx}>
        <RecoveryDialog />
      </AppProvider>
    </I18nextProvider>,
  );
  return { store, calls };
}

/** A recovery payload as a crashed window would have written it: two moves, the last one undone (a redo step). */
function crashedSession(): string {
  const i18n = createI18n('en');
  const s = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
  s.getState().load(smallIssue({ pages: 2, perPage: 6 }), null);
  s.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
  s.getState().apply({
    type: 'moveFragments',
    fragmentIds: ['p1.2'],
    to: { kind: 'article', articleId: 'a1', after: 'p1.1' },
  });
  s.getState().apply({ type: 'moveFragments', fragmentIds: ['p2.1'], to: { kind: 'discard' } });
  s.getState().undo();
  s.getState().set({ currentPage: 1 });
  s.getState().select(['p2.3']);
  return serializeSession(s.getState());
}

describe('crash recovery dialog', () => {
  it("shows a newer build's recovery file with a clear message, offers no Restore, and never deletes it", async () => {
    const { calls } = setup({
      'recovery.list': () => [
        {
          id: 'future',
          issueId: '',
          title: 'future.galley-recovery.json',
          savedAt: '2031-01-01T00:00:00.000Z',
          changes: 0,
          unreadable: NEWER,
        },
      ],
    });
    const item = await screen.findByTestId('recovery-future');
    expect(within(item).getByTestId('recovery-unreadable')).toHaveTextContent(
      /Not loaded: written by a newer Galley .* the file is kept/,
    );
    expect(within(item).queryByTestId('recovery-restore')).toBeNull();
    expect(within(item).queryByTestId('recovery-discard')).toBeNull();
    fireEvent.click(screen.getByTestId('recovery-later'));
    expect(screen.queryByTestId('recovery-dialog')).toBeNull();
    expect(calls).toEqual(['recovery.list:']);
  });

  it('Restore gives back the document, its undo and redo history, page and selection', async () => {
    const payload = crashedSession();
    const { store } = setup({
      'recovery.list': () => [
        { id: 'r1', issueId: 'small-issue', title: '京报', savedAt: '2026-11-27T10:00:00.000Z', changes: 2 },
      ],
      'recovery.read': () => ({ payload }),
    });
    const item = await screen.findByTestId('recovery-r1');
    expect(item).toHaveTextContent('2 unsaved changes');
    fireEvent.click(within(item).getByTestId('recovery-restore'));
    await waitFor(() => expect(store.getState().doc).not.toBeNull());
    const s = store.getState();
    expect(s.doc!.articles[0].items.map((it) => it.id)).toEqual(['p1.1', 'p1.2']);
    expect(s.past).toHaveLength(2);
    expect(s.future).toHaveLength(1);
    expect(s.currentPage).toBe(1);
    expect(s.selection).toEqual(['p2.3']);
    expect(screen.queryByTestId('recovery-dialog')).toBeNull();
    // The history works on the restored document: redo, then undo everything.
    s.redo();
    expect(store.getState().doc!.discarded).toEqual(['p2.1']);
    for (let i = 0; i < 3; i++) store.getState().undo();
    expect(store.getState().doc!.articles).toEqual([]);
  });

  it('Compare summarizes against the saved file', async () => {
    const payload = crashedSession();
    const saved = smallIssue({ pages: 2, perPage: 6 });
    setup({
      'recovery.list': () => [
        {
          id: 'r1',
          issueId: 'small-issue',
          title: '京报',
          savedAt: '2026-11-27T10:00:00.000Z',
          changes: 2,
          fileName: 'x.galley.json',
        },
      ],
      'recovery.read': () => ({ payload, file: { token: 'tok-12345678', name: 'x.galley.json' } }),
      'issue.open': () => ({ issue: saved, file: { token: 'tok-12345678', name: 'x.galley.json' } }),
    });
    fireEvent.click(await screen.findByTestId('recovery-compare'));
    const diff = await screen.findByTestId('recovery-diff');
    expect(diff).toHaveTextContent('Articles (saved → recovered)0 → 1');
    expect(diff).toHaveTextContent('Placed fragments0 → 2');
    expect(diff).toHaveTextContent('Changed fragments2');
  });
});
