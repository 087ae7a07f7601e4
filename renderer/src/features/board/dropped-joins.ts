import { useEffect } from 'react';
import type { Issue } from '@shared/model/types';
import type { Op } from '@shared/ops/op-schema';
import { findFragment } from '@shared/model/lookup';
import { useAppContext } from '../../app-context';
import type { CommandContext } from '../../commands/types';

/** A fragment that stayed where it was but no longer continues the paragraph it continued before a move. */
export interface DroppedJoin {
  fragmentId: string;
  /** It is not the first of its article now, so it can join its new predecessor. */
  canRejoin: boolean;
}

/** How many characters of a fragment name it in the notice. */
const QUOTE_CHARS = 12;

/** The fragments a move (or a batch of moves) took somewhere, or null when the op moves nothing. */
export function movedBy(op: Op): Set<string> | null {
  if (op.type === 'moveFragments') return new Set(op.fragmentIds);
  if (op.type !== 'batch') return null;
  const all = new Set<string>();
  for (const o of op.ops) movedBy(o)?.forEach((id) => all.add(id));
  return all.size ? all : null;
}

/**
 * The joins a move dropped: fragments that did not move, were joined to their predecessor before and are not
 * now. A move takes a fragment out of its paragraph (the one after it can no longer continue it) or puts one
 * between two joined fragments (the second no longer continues the first); shared/ops/move-fragments.ts decides
 * that, this reports it.
 */
export function droppedJoins(before: Issue, after: Issue, moved: ReadonlySet<string>): DroppedJoin[] {
  const joinedBefore = new Set<string>();
  for (const a of before.articles) for (const it of a.items) if (it.join && !moved.has(it.id)) joinedBefore.add(it.id);
  if (!joinedBefore.size) return [];
  const out: DroppedJoin[] = [];
  for (const a of after.articles)
    a.items.forEach((it, i) => {
      if (joinedBefore.has(it.id) && !it.join) out.push({ fragmentId: it.id, canRejoin: i > 0 });
    });
  return out;
}

function quote(issue: Issue, id: string): string {
  const text = findFragment(issue, id)?.text.trim() ?? id;
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
}

/** Says which paragraph joins a move dropped and offers to join them again, as one undo step. */
export function reportDroppedJoins(ctx: CommandContext, before: Issue, after: Issue, moved: ReadonlySet<string>): void {
  const dropped = droppedJoins(before, after, moved);
  if (!dropped.length) return;
  const s = ctx.store.getState();
  const first = quote(after, dropped[0].fragmentId);
  const text =
    dropped.length === 1
      ? ctx.t('board.joinDropped', { text: first })
      : ctx.t('board.joinsDropped', { text: first, count: dropped.length });
  const rejoin = dropped.filter((d) => d.canRejoin);
  s.notify(
    'info',
    text,
    rejoin.length
      ? {
          label: ctx.t('board.rejoin'),
          run: () => {
            const ops: Op[] = rejoin.map((d) => ({ type: 'setJoin', fragmentId: d.fragmentId, join: true }));
            ctx.store.getState().apply(ops.length === 1 ? ops[0] : { type: 'batch', ops });
          },
        }
      : undefined,
  );
}

/**
 * Watches the history: a new step that moved fragments and dropped a join is reported (never silent). Undo and
 * redo replay steps the proofreader has already been told about.
 */
export function useDroppedJoinReport(): void {
  const ctx = useAppContext();
  useEffect(
    () =>
      ctx.store.subscribe((s, prev) => {
        if (s.past === prev.past || !s.doc || !prev.doc || s.doc === prev.doc) return;
        const top = s.past[s.past.length - 1];
        const prevTop = prev.past[prev.past.length - 1];
        // A new step (not an undo, a redo or a typing burst folding into its step).
        if (!top || top === prevTop || top.id === prevTop?.id || s.future.length) return;
        const moved = movedBy(top.op);
        if (moved) reportDroppedJoins(ctx, prev.doc, s.doc, moved);
      }),
    [ctx],
  );
}
