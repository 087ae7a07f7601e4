import type { Issue } from '@shared/model/types';
import type { Op } from '@shared/ops/op-schema';
import { placeIndex } from '@shared/model/lookup';
import { decisionKey, doubts, type Decision } from '@shared/suggest/doubts';
import { placeAfterOp, readingOps, toggleJoinOp } from '@shared/suggest/doubt-ops';
import type { Suggestions } from '@shared/suggest/types';
import type { Command, CommandContext } from '../../commands/types';
import type { AppStore } from '../../store/create-store';
import { suggestController, type SuggestState } from './suggest-state';
import { acceptItemOp, acceptReadingOp, placementCount, withAccepted } from './decisions';
import { openSuggestions } from './suggest-commands';
import { keepBoardAnchor } from './board-anchor';
import type { CommandId } from '@shared/commands/ids';

/**
 * The doubt queue: the engine's decisions about the page under its confidence threshold (shared/suggest/doubts.ts),
 * walked least sure first. Each stop selects the decision's fragment (the board and the page pane follow the
 * cursor) and the editor pane shows the seam large (DoubtSeam). Enter confirms, 1/2/3 place one of A's other
 * successors after A, 4/5/6 put B after one of its other predecessors, J/B make the seam a join or a break, Esc
 * skips. A pick re-reads the articles it touched around the proofreader's confirmed links, in the same undo step.
 */

const cache = new WeakMap<Issue, WeakMap<Suggestions, { settled: string[]; list: Decision[] }>>();

/** The doubts left for the document as it is (memoised per document, reading and settled list). */
export function doubtList(doc: Issue | null, sg: SuggestState): Decision[] {
  const { reading, settled, scope, open } = sg;
  if (!doc || !reading || !open) return [];
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = new WeakMap()));
  const hit = m.get(reading);
  if (hit && hit.settled === settled) return hit.list;
  const list = doubts(doc, reading, {
    pageIds: scope.pageIds.length ? scope.pageIds : undefined,
    settled: new Set(settled),
  });
  m.set(reading, { settled, list });
  return list;
}

const st = (ctx: CommandContext) => ctx.store.getState();
const ctl = (ctx: CommandContext) => suggestController(ctx.store);
const sg = (ctx: CommandContext) => ctl(ctx).state.getState();
export const currentList = (ctx: CommandContext) => doubtList(st(ctx).doc, sg(ctx));

/** The decision the queue stands on (null when none, or when it was settled or changed meanwhile). */
export function currentDoubt(store: AppStore): Decision | null {
  const s = suggestController(store).state.getState();
  if (!s.doubt) return null;
  return doubtList(store.getState().doc, s).find((d) => d.key === s.doubt) ?? null;
}

/** Stops at a decision: selects its fragment, so the board and the page pane scroll to it. */
function stopAt(ctx: CommandContext, d: Decision | null): void {
  ctl(ctx).state.setState({ doubt: d?.key ?? null });
  if (!d) {
    st(ctx).notify('info', ctx.t('doubt.none'));
    return;
  }
  const s = st(ctx);
  const page = s.doc!.pages.findIndex((p) => p.fragments.some((f) => f.id === d.to));
  if (page >= 0 && page !== s.currentPage) s.setPage(page);
  s.select([d.to]);
  s.focusPane('board');
}

/** The next doubt after the current one (least sure first), skipping the ones skipped in this walk. */
export function walk(ctx: CommandContext, delta: 1 | -1): void {
  if (!sg(ctx).open) {
    openSuggestions(ctx);
    ctl(ctx).afterReading(() => walk(ctx, delta));
    return;
  }
  const list = currentList(ctx);
  if (!list.length) {
    stopAt(ctx, null);
    return;
  }
  const { doubt, skipped } = sg(ctx);
  const i = doubt ? list.findIndex((d) => d.key === doubt) : -1;
  if (delta < 0) {
    stopAt(ctx, list[(i <= 0 ? list.length : i) - 1]);
    return;
  }
  const skip = new Set(skipped);
  const after = [...list.slice(i + 1), ...list.slice(0, i + 1)].filter((d) => d.key !== doubt);
  const next = after.find((d) => !skip.has(d.key)) ?? after[0] ?? list[i] ?? null;
  stopAt(ctx, next);
}

/** What settling a decision settles: a link and its seam are one decision for the proofreader, who saw both. */
function keysOf(d: Decision): string[] {
  return d.from && (d.kind === 'link' || d.kind === 'seam')
    ? [decisionKey('link', d.from, d.to), decisionKey('seam', d.from, d.to)]
    : [d.key];
}

function settle(ctx: CommandContext, d: Decision, fix?: { from: string; to: string; join: boolean }): void {
  const s = sg(ctx);
  ctl(ctx).state.setState({
    settled: [...new Set([...s.settled, ...keysOf(d)])],
    fixed: fix ? [...s.fixed.filter((f) => f.from !== fix.from && f.to !== fix.to), fix] : s.fixed,
  });
}

/** Enter: the decision stands. A ghost placement is accepted (with what it follows and its heading group). */
export function confirmDoubt(ctx: CommandContext): boolean {
  const d = currentDoubt(ctx.store);
  const doc = st(ctx).doc;
  if (!d || !doc) return false;
  if (d.ghost && d.kind !== 'role') {
    const { result } = sg(ctx);
    const op = result ? acceptItemOp(doc, result, d.to) : null;
    if (op) st(ctx).apply(op, ctx.t('suggest.acceptedLabel', { count: placementCount(op) }), 'record');
  }
  settle(
    ctx,
    d,
    d.from && (d.kind === 'link' || d.kind === 'seam') ? { from: d.from, to: d.to, join: d.join } : undefined,
  );
  walk(ctx, 1);
  return true;
}

/** Esc: on to the next doubt; this one stays in the queue. */
export function skipDoubt(ctx: CommandContext): boolean {
  const d = currentDoubt(ctx.store);
  if (!d) return false;
  const { skipped } = sg(ctx);
  ctl(ctx).state.setState({ skipped: [...skipped, d.key] });
  walk(ctx, 1);
  return true;
}

/**
 * 1/2/3: place A's n-th alternative successor right after A (`before` false), or 4/5/6: put B right after its n-th
 * alternative predecessor (`before` true). The old link is rejected, the new one confirmed, and once the engine
 * has re-read the page around them, the articles involved are re-read in the same undo step.
 */
export function pickAlternative(ctx: CommandContext, n: number, before: boolean): boolean {
  const d = currentDoubt(ctx.store);
  const doc0 = st(ctx).doc;
  if (!d || !doc0 || d.kind === 'role') return false;
  // An article start has no A: its alternatives are the fragments B could follow.
  if (!d.from) before = true;
  const alt = (before ? d.predecessors : d.successors)[n - 1];
  if (!alt) return false;
  const a = before ? alt.id : d.from;
  const b = before ? d.to : alt.id;
  if (!a) return false;
  const { doc, ops } = withAccepted(doc0, sg(ctx).result, a);
  const place = placeAfterOp(doc, a, b, alt.join);
  if (!place && !ops.length) return false;
  const places = placeIndex(doc0);
  const touched = [a, b, d.to, d.from]
    .map((id) => (id ? places.get(id) : undefined))
    .filter((p) => p?.kind === 'article')
    .map((p) => (p as { articleId: string }).articleId);
  const op: Op = { type: 'batch', ops: place ? [...ops, place] : ops };
  if (!st(ctx).apply(op, ctx.t('doubt.pickedLabel', { n }), 'record')) return false;
  const s = sg(ctx);
  const forbid = d.from ? [...s.forbid, { from: d.from, to: d.to }] : s.forbid;
  const fix = { from: a, to: b, join: alt.join };
  ctl(ctx).state.setState({
    forbid,
    fixed: [...s.fixed.filter((f) => f.from !== a && f.to !== b), fix],
    settled: [...new Set([...s.settled, ...keysOf(d), decisionKey('link', a, b), decisionKey('seam', a, b)])],
  });
  // The re-solve around the decision: the articles the pick touched (and the one A now stands in) are re-read.
  const afterPick = st(ctx).doc!;
  const inA = placeIndex(afterPick).get(a);
  const articleIds = [...new Set([...touched, ...(inA?.kind === 'article' ? [inA.articleId] : [])])];
  ctl(ctx).afterReading((reading) => {
    const cur = st(ctx).doc;
    if (cur !== afterPick) return;
    const re = readingOps(cur, reading, {
      pageIds: sg(ctx).scope.pageIds,
      articleIds,
      keep: sg(ctx).fixed,
    });
    if (re) st(ctx).apply(re, ctx.t('doubt.pickedLabel', { n }), 'merge');
  });
  walk(ctx, 1);
  return true;
}

/** J / B: the seam before B becomes a join / a paragraph break (confirmed as such). */
export function setSeam(ctx: CommandContext, join: boolean): boolean {
  const d = currentDoubt(ctx.store);
  const doc = st(ctx).doc;
  if (!d || !doc || !d.from || d.ghost || d.kind === 'role') return false;
  const now = doc.articles.flatMap((a) => a.items).find((it) => it.id === d.to);
  if (now && now.join !== join) {
    const op = toggleJoinOp(doc, d.to);
    if (op) st(ctx).apply(op);
  }
  settle(ctx, d, { from: d.from, to: d.to, join });
  walk(ctx, 1);
  return true;
}

/** Accept the reading: every ghost placement of the scope, as ONE undo step; the view stays where it is. */
export function acceptReading(ctx: CommandContext): boolean {
  const { result } = sg(ctx);
  const doc = st(ctx).doc;
  if (!doc || !result) return false;
  const op = acceptReadingOp(doc, result);
  if (!op) {
    st(ctx).notify('info', ctx.t('suggest.nothing'));
    return false;
  }
  return keepBoardAnchor(
    () => st(ctx).apply(op, ctx.t('suggest.readingLabel', { count: placementCount(op) }), 'record'),
    st(ctx).cursor,
  );
}

const hasDoc = (ctx: CommandContext) => !!st(ctx).doc;
const onDoubt = (ctx: CommandContext) => !!currentDoubt(ctx.store);

export const doubtCommands: Command[] = [
  {
    id: 'suggest.acceptReading',
    capture: 'record',
    labelKey: 'suggest.cmd.acceptReading',
    group: 'article',
    keys: ['Ctrl+Shift+Enter'],
    enabled: (ctx) => hasDoc(ctx) && sg(ctx).open && !!sg(ctx).result,
    run: (ctx) => {
      acceptReading(ctx);
    },
  },
  {
    id: 'doubt.next',
    capture: 'record',
    labelKey: 'doubt.cmd.next',
    group: 'article',
    keys: ['F7'],
    enabled: hasDoc,
    run: (ctx) => walk(ctx, 1),
  },
  {
    id: 'doubt.prev',
    capture: 'record',
    labelKey: 'doubt.cmd.prev',
    group: 'article',
    keys: ['Shift+F7'],
    enabled: hasDoc,
    run: (ctx) => walk(ctx, -1),
  },
  {
    id: 'doubt.confirm',
    capture: 'record',
    labelKey: 'doubt.cmd.confirm',
    group: 'article',
    enabled: onDoubt,
    run: (ctx) => {
      confirmDoubt(ctx);
    },
  },
  {
    id: 'doubt.skip',
    capture: 'record',
    labelKey: 'doubt.cmd.skip',
    group: 'article',
    enabled: onDoubt,
    run: (ctx) => {
      skipDoubt(ctx);
    },
  },
  {
    id: 'doubt.join',
    capture: 'record',
    labelKey: 'doubt.cmd.join',
    group: 'article',
    enabled: (ctx) => !!currentDoubt(ctx.store)?.from,
    run: (ctx) => {
      setSeam(ctx, true);
    },
  },
  {
    id: 'doubt.break',
    capture: 'record',
    labelKey: 'doubt.cmd.break',
    group: 'article',
    enabled: (ctx) => !!currentDoubt(ctx.store)?.from,
    run: (ctx) => {
      setSeam(ctx, false);
    },
  },
  ...[1, 2, 3].flatMap((n): Command[] => [
    {
      id: `doubt.pick${n}` as CommandId,
      capture: 'record',
      labelKey: 'doubt.cmd.pick',
      labelValues: { n },
      group: 'article',
      enabled: (ctx) => {
        const d = currentDoubt(ctx.store);
        return !!d && d.kind !== 'role' && !!(d.from ? d.successors : d.predecessors)[n - 1];
      },
      run: (ctx) => {
        pickAlternative(ctx, n, false);
      },
    },
    {
      id: `doubt.before${n}` as CommandId,
      capture: 'record',
      labelKey: 'doubt.cmd.before',
      labelValues: { n: n + 3 },
      group: 'article',
      enabled: (ctx) => !!currentDoubt(ctx.store)?.predecessors[n - 1],
      run: (ctx) => {
        pickAlternative(ctx, n, true);
      },
    },
  ]),
];
