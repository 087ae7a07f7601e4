import type { Command, CommandContext } from '../../commands/types';
import { allSourceOrder } from '../../store/selectors';
import { issueStats, stepProblem } from './page-stats';
import { overviewState } from './overview-state';

const st = (ctx: CommandContext) => ctx.store.getState();

/** Selects a fragment and shows its page (the page pane scrolls to the cursor). */
export function goToFragment(ctx: CommandContext, id: string): void {
  const s = st(ctx);
  if (!s.doc) return;
  const page = s.doc.pages.findIndex((p) => p.fragments.some((f) => f.id === id));
  if (page >= 0 && page !== s.currentPage) s.setPage(page);
  s.select([id]);
}

/** Shift+F8: the previous unassigned fragment or open end (F8, the next one, is `problem.next`). */
export function previousProblem(ctx: CommandContext): void {
  const s = st(ctx);
  if (!s.doc) return;
  const id = stepProblem(issueStats(s.doc), allSourceOrder(s.doc), s.cursor, -1);
  if (!id) {
    s.notify('info', ctx.t('notice.noProblems'));
    return;
  }
  goToFragment(ctx, id);
}

/** Jumps to a page from the overview: its first problem if it has one, else its first fragment. */
export function goToPage(ctx: CommandContext, index: number): void {
  const s = st(ctx);
  const page = s.doc?.pages[index];
  if (!s.doc || !page) return;
  const problems = new Set(issueStats(s.doc).problems);
  const target = page.fragments.find((f) => problems.has(f.id)) ?? page.fragments[0];
  s.setPage(index);
  if (target) s.select([target.id]);
  s.focusPane('page');
}

const hasDoc = (ctx: CommandContext) => !!st(ctx).doc;

export const overviewCommands: Command[] = [
  {
    id: 'problem.previous',
    capture: 'record',
    labelKey: 'cmd.previousProblem',
    group: 'select',
    keys: ['Shift+F8'],
    run: previousProblem,
    enabled: hasDoc,
  },
  {
    id: 'view.overview',
    capture: 'record',
    labelKey: 'cmd.overview',
    group: 'view',
    keys: ['Ctrl+Shift+O'],
    enabled: hasDoc,
    run: () => overviewState.setState((o) => ({ open: !o.open })),
  },
];
