import '@testing-library/jest-dom/vitest';
import { describe, it, expect, beforeEach } from 'vitest';
import { render, screen, fireEvent, act } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { HostApi } from '@shared/ipc/contract';
import { audit } from '@shared/audit/audit';
import { createI18n } from '../../../../renderer/src/i18n';
import { createAppStore } from '../../../../renderer/src/store/create-store';
import { AppProvider } from '../../../../renderer/src/app-context';
import { IssueOverview } from '../../../../renderer/src/features/overview/IssueOverview';
import { overviewState } from '../../../../renderer/src/features/overview/overview-state';
import { issueStats } from '../../../../renderer/src/features/overview/page-stats';
import { handleKey } from '../../../../renderer/src/app/keymap';
import type { CommandContext } from '../../../../renderer/src/commands/types';
import { smallIssue } from '../../recovery-fixtures';
import { appCommands } from '../../../../renderer/src/app/commands';

const issue = () => smallIssue({ pages: 6, perPage: 20, articles: 18, perArticle: 4 });

function setup() {
  const i18n = createI18n('en');
  const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
  const host: HostApi = { invoke: (async () => ({})) as HostApi['invoke'], on: () => () => undefined };
  const ctx: CommandContext = {
    store,
    commands: appCommands,
    host,
    t: i18n.t.bind(i18n),
    i18n,
    editor: { current: null },
  };
  store.getState().load(issue(), null);
  render(
    <I18nextProvider i18n={i18n}>
      <AppProvider value={ctx}>
        <IssueOverview />
      </AppProvider>
    </I18nextProvider>,
  );
  return { store, ctx };
}

const press = (ctx: CommandContext, key: string, shift = false) =>
  act(() => {
    handleKey(new KeyboardEvent('keydown', { key, shiftKey: shift, bubbles: true }), ctx);
  });

beforeEach(() => overviewState.setState({ open: false }));

describe('issue overview', () => {
  it('per-page coverage agrees with the audit (placed, unassigned, open ends)', () => {
    const doc = issue();
    const s = issueStats(doc);
    const r = audit(doc);
    expect(s.pages.reduce((n, p) => n + p.unassigned, 0)).toBe(r.unassigned.length);
    expect(s.pages.reduce((n, p) => n + p.openEnds, 0)).toBe(r.openEnds.length);
    expect(s.pages.reduce((n, p) => n + p.placed, 0)).toBe(r.placed);
    expect(new Set(s.problems)).toEqual(new Set([...r.unassigned, ...r.openEnds]));
  });

  it('shows every page; clicking one jumps to its first problem', () => {
    const { store, ctx } = setup();
    press(ctx, 'O', true); // Shift alone does nothing
    expect(screen.queryByTestId('overview')).toBeNull();
    act(() => {
      handleKey(new KeyboardEvent('keydown', { key: 'O', ctrlKey: true, shiftKey: true }), ctx);
    });
    expect(screen.getByTestId('overview')).toBeInTheDocument();
    for (let i = 1; i <= 6; i++) expect(screen.getByTestId(`overview-page-${i}`)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('overview-page-4'));
    const s = store.getState();
    expect(s.currentPage).toBe(3);
    const first = issueStats(s.doc!).problems.find((id) => id.startsWith('p4.'));
    expect(s.selection).toEqual([first]);
    expect(screen.queryByTestId('overview')).toBeNull();
  });

  it('Shift+F8 walks problems backwards, F8 forwards, across pages', () => {
    const { store, ctx } = setup();
    const problems = issueStats(store.getState().doc!).problems;
    store.getState().select([problems[5]]);
    press(ctx, 'F8', true);
    expect(store.getState().selection).toEqual([problems[4]]);
    press(ctx, 'F8', true);
    expect(store.getState().selection).toEqual([problems[3]]);
    press(ctx, 'F8');
    expect(store.getState().selection).toEqual([problems[4]]);
    // Wraps from the first problem to the last one, and shows its page.
    store.getState().select([problems[0]]);
    press(ctx, 'F8', true);
    expect(store.getState().selection).toEqual([problems.at(-1)]);
    expect(store.getState().currentPage).toBe(5);
  });
});
