import '@testing-library/jest-dom/vitest';
import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, screen, fireEvent, waitFor, cleanup } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { HostApi } from '@shared/ipc/contract';
import { createI18n } from '../../../../renderer/src/i18n';
import { createAppStore } from '../../../../renderer/src/store/create-store';
import { startAutosave } from '../../../../renderer/src/features/persistence/autosave';
import { AppProvider } from '../../../../renderer/src/app-context';
import { RecentFiles } from '../../../../renderer/src/features/recovery/RecentFiles';
import type { CommandContext } from '../../../../renderer/src/commands/types';
import { smallIssue } from '../../recovery-fixtures';
import { appCommands } from '../../../../renderer/src/app/commands';

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.useRealTimers();
});

function setup(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
  const i18n = createI18n('en');
  const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
  const calls: string[] = [];
  const host: HostApi = {
    invoke: (async (channel: string, input: Record<string, unknown>) => {
      calls.push(channel);
      const a = answers[channel];
      return a ? a(input) : {};
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
  const autosave = startAutosave(store, host);
  return { ctx, store, calls, autosave };
}

describe('recent files and the last position', () => {
  it('the start screen offers to reopen the last issue, which opens at its last page and selection', async () => {
    const issue = smallIssue({ pages: 3, perPage: 5 });
    const { ctx, store, autosave } = setup({
      'recent.list': () => [
        { token: 'tok-last-0001', name: 'day2.galley.json', openedAt: '2026-11-27T10:00:00.000Z' },
        { token: 'tok-older-001', name: 'day1.galley.json', openedAt: '2026-11-26T10:00:00.000Z' },
      ],
      'issue.open': ({ token }) => ({ issue, file: { token, name: 'day2.galley.json' } }),
    });
    // A previous session left off on page 3 with p3.4 selected.
    store.getState().load(issue, null);
    store.getState().setPage(2);
    store.getState().select(['p3.4']);
    await new Promise((r) => setTimeout(r, 400)); // the position is remembered after a short pause
    store.getState().set({ doc: null });

    render(
      <I18nextProvider i18n={ctx.i18n}>
        <AppProvider value={ctx}>
          <RecentFiles />
        </AppProvider>
      </I18nextProvider>,
    );
    const reopen = await screen.findByTestId('recent-reopen');
    expect(reopen).toHaveTextContent('Reopen day2.galley.json');
    expect(screen.getAllByTestId('recent-item').map((b) => b.textContent)).toEqual(['day1.galley.json']);
    fireEvent.click(reopen);
    await waitFor(() => expect(store.getState().file?.token).toBe('tok-last-0001'));
    await waitFor(() => expect(store.getState().currentPage).toBe(2));
    expect(store.getState().selection).toEqual(['p3.4']);
    autosave.stop();
  });

  it('a remembered position that no longer fits the issue is ignored', async () => {
    const { store, autosave } = setup({});
    localStorage.setItem(
      'galley.view.small-issue',
      JSON.stringify({ page: 7, selection: ['p9.9'], selectedArticle: null }),
    );
    store.getState().load(smallIssue({ pages: 2, perPage: 3 }), null);
    await Promise.resolve();
    expect(store.getState().currentPage).toBe(0);
    autosave.stop();
  });
});
