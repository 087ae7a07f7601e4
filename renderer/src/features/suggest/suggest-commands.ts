import type { Command, CommandContext } from '../../commands/types';
import {
  acceptAllConfidentOp,
  acceptArticleOp,
  acceptItemOp,
  articleOfItem,
  placementCount,
  predecessorOf,
  withAccepted,
} from './decisions';
import { placeAfterOp } from '@shared/suggest/doubt-ops';
import { placeIndex } from '@shared/model/lookup';
import { articleScope, ghostOrder, pageScope, suggestController } from './suggest-state';
import type { Op } from '@shared/ops/op-schema';
import type { CommandId } from '@shared/commands/ids';

/**
 * Suggestions: open the panel for the page or the selected article, accept (one undo step each) or
 * reject decisions, pick one of a fragment's top-3 continuations. Enter / Esc / 1-2-3 reach these commands
 * through the panel's own key handler while it is open (features/suggest/use-suggest-keys.ts), so the
 * app-wide bindings of those keys stay as they are.
 */
const st = (ctx: CommandContext) => ctx.store.getState();
const ctl = (ctx: CommandContext) => suggestController(ctx.store);
const sg = (ctx: CommandContext) => ctl(ctx).state.getState();
const isOpen = (ctx: CommandContext) => !!st(ctx).doc && sg(ctx).open;
const hasResult = (ctx: CommandContext) => isOpen(ctx) && !!sg(ctx).result;

/** Applies an accept as ONE history entry, labelled with the number of placements. */
function applyAccepted(ctx: CommandContext, op: Op | null): boolean {
  if (!op) {
    st(ctx).notify('info', ctx.t('suggest.nothing'));
    return false;
  }
  return st(ctx).apply(op, ctx.t('suggest.acceptedLabel', { count: placementCount(op) }), 'record');
}

export function openSuggestions(ctx: CommandContext, forArticle = false): void {
  const scope = forArticle ? articleScope(ctx.store) : null;
  if (forArticle && !scope) {
    st(ctx).notify('info', ctx.t('suggest.noArticle'));
    return;
  }
  const page = pageScope(ctx.store);
  ctl(ctx).open(scope ? { ...scope, pageIds: scope.pageIds.length ? scope.pageIds : page.pageIds } : page);
}

export function acceptItem(ctx: CommandContext, id: string): boolean {
  const { result } = sg(ctx);
  const doc = st(ctx).doc;
  return !!doc && !!result && applyAccepted(ctx, acceptItemOp(doc, result, id));
}

export function acceptArticle(ctx: CommandContext, index: number): boolean {
  const { result } = sg(ctx);
  const doc = st(ctx).doc;
  return !!doc && !!result && applyAccepted(ctx, acceptArticleOp(doc, result, index));
}

export function acceptAllConfident(ctx: CommandContext): boolean {
  const { result, scope } = sg(ctx);
  const doc = st(ctx).doc;
  if (!doc || !result) return false;
  // Narrowed to one article: "all" means all of that article's confident ones.
  const scoped = scope.articleId
    ? { ...result, articles: result.articles.map((a) => (a.articleId === scope.articleId ? a : { ...a, items: [] })) }
    : result;
  return applyAccepted(ctx, acceptAllConfidentOp(doc, scoped));
}

/** Rejects the link into `id` (its suggested predecessor → it): a constraint of every re-solve. */
export function rejectItem(ctx: CommandContext, id: string): boolean {
  const { result } = sg(ctx);
  const from = result ? predecessorOf(result, id) : null;
  if (!from) return false;
  ctl(ctx).forbidLink(from, id);
  return true;
}

/** The fragment whose continuations the editor shows: the cursor, else the last selected. */
export function candidateSource(ctx: CommandContext): string | null {
  const s = st(ctx);
  return s.cursor ?? s.selection[s.selection.length - 1] ?? null;
}

/** Places candidate n (1-based) of the current fragment right after it: one undo step. */
export function pickCandidate(ctx: CommandContext, n: number): boolean {
  const doc0 = st(ctx).doc;
  const id = candidateSource(ctx);
  const cand = id ? fragmentInfo(ctx, id)?.candidates[n - 1] : undefined;
  if (!doc0 || !id || !cand) return false;
  // A fragment in the pool goes where the reading puts it first; one the reading leaves alone gets no article
  // made up around it.
  const { doc, ops } = withAccepted(doc0, sg(ctx).result, id);
  const place = placeAfterOp(doc, id, cand.id, cand.join);
  if (!place) {
    if (placeIndex(doc).get(id)?.kind !== 'article') st(ctx).notify('info', ctx.t('suggest.placeFirst'));
    return false;
  }
  return st(ctx).apply({ type: 'batch', ops: [...ops, place] }, ctx.t('suggest.pickedLabel', { n }), 'record');
}

/** What the engine says about a fragment: from the whole reading (alternatives among placed ones too) if there. */
export function fragmentInfo(ctx: CommandContext, id: string) {
  const s = sg(ctx);
  return s.reading?.fragments[id] ?? s.result?.fragments[id];
}

function moveFocus(ctx: CommandContext, delta: number): void {
  const { result, scope, focus } = sg(ctx);
  const order = ghostOrder(result, scope.articleId);
  if (!order.length) return;
  const i = focus ? order.indexOf(focus) : -1;
  ctl(ctx).setFocus(order[(i + delta + order.length) % order.length]);
}

const focused = (ctx: CommandContext) => sg(ctx).focus;

export const suggestCommands: Command[] = [
  {
    id: 'suggest.page',
    capture: 'record',
    labelKey: 'suggest.cmd.page',
    group: 'article',
    keys: ['Ctrl+Shift+G'],
    enabled: (ctx) => !!st(ctx).doc,
    run: (ctx) => openSuggestions(ctx),
  },
  {
    id: 'suggest.article',
    capture: 'record',
    labelKey: 'suggest.cmd.article',
    group: 'article',
    enabled: (ctx) => !!st(ctx).doc && !!st(ctx).selectedArticle,
    run: (ctx) => openSuggestions(ctx, true),
  },
  {
    id: 'suggest.acceptFocused',
    capture: 'record',
    labelKey: 'suggest.cmd.acceptFocused',
    group: 'article',
    enabled: (ctx) => hasResult(ctx) && !!focused(ctx),
    run: (ctx) => {
      acceptItem(ctx, focused(ctx)!);
    },
  },
  {
    id: 'suggest.rejectFocused',
    capture: 'record',
    labelKey: 'suggest.cmd.rejectFocused',
    group: 'article',
    enabled: (ctx) => hasResult(ctx) && !!focused(ctx),
    run: (ctx) => {
      if (!rejectItem(ctx, focused(ctx)!)) ctl(ctx).close();
    },
  },
  {
    id: 'suggest.acceptArticle',
    capture: 'record',
    labelKey: 'suggest.cmd.acceptArticle',
    group: 'article',
    enabled: (ctx) => hasResult(ctx) && !!focused(ctx),
    run: (ctx) => {
      acceptArticle(ctx, articleOfItem(sg(ctx).result!, focused(ctx)!));
    },
  },
  {
    id: 'suggest.acceptAll',
    capture: 'record',
    labelKey: 'suggest.cmd.acceptAll',
    group: 'article',
    enabled: hasResult,
    run: (ctx) => {
      acceptAllConfident(ctx);
    },
  },
  {
    id: 'suggest.next',
    capture: 'record',
    labelKey: 'suggest.cmd.next',
    group: 'article',
    enabled: hasResult,
    run: (ctx) => moveFocus(ctx, 1),
  },
  {
    id: 'suggest.prev',
    capture: 'record',
    labelKey: 'suggest.cmd.prev',
    group: 'article',
    enabled: hasResult,
    run: (ctx) => moveFocus(ctx, -1),
  },
  ...[1, 2, 3].map((n): Command => ({
    id: `suggest.pick${n}` as CommandId,
    capture: 'record',
    labelKey: 'suggest.cmd.pick',
    labelValues: { n },
    group: 'fragment',
    enabled: (ctx) => {
      const id = candidateSource(ctx);
      return hasResult(ctx) && !!id && !!fragmentInfo(ctx, id)?.candidates[n - 1];
    },
    run: (ctx) => {
      pickCandidate(ctx, n);
    },
  })),
  {
    id: 'suggest.close',
    capture: 'record',
    labelKey: 'suggest.cmd.close',
    group: 'article',
    enabled: isOpen,
    run: (ctx) => ctl(ctx).close(),
  },
];
