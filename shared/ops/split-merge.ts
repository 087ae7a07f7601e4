import type { Draft } from 'immer';
import type { Fragment, Issue, Span } from '../model/types';
import { OpError, findFragment, fragmentLocation, getFragment, originalTextOf, placeOf } from '../model/lookup';
import { insideGrapheme, insideSurrogatePair } from '../text/chars';
import { mapToOriginal } from '../text/align';
import type { Op } from './op-schema';
import { withoutOpenEnd } from './open-end-ops';

type SplitOp = Extract<Op, { type: 'splitFragment' }>;
type MergeOp = Extract<Op, { type: 'mergeFragments' }>;

/** Splits a list of spans at an offset into their concatenated text. Empty sides keep a zero-length anchor. */
export function splitSpans(spans: readonly Span[], at: number): [Span[], Span[]] {
  const left: Span[] = [];
  const right: Span[] = [];
  let acc = 0;
  for (const s of spans) {
    const len = s.end - s.start;
    if (acc + len <= at) left.push(s);
    else if (acc >= at) right.push(s);
    else {
      const cut = s.start + (at - acc);
      left.push({ start: s.start, end: cut });
      right.push({ start: cut, end: s.end });
    }
    acc += len;
  }
  if (!left.length) left.push({ start: spans[0].start, end: spans[0].start });
  if (!right.length) {
    const last = spans[spans.length - 1];
    right.push({ start: last.end, end: last.end });
  }
  return [left, right];
}

/**
 * Splits a fragment at a UTF-16 offset of its current text. The new fragment follows it on the page and in its
 * container (as a new paragraph). The provenance spans split at the matching place of the original, even after
 * the text was corrected.
 */
export function splitFragment(draft: Draft<Issue>, base: Issue, op: SplitOp): void {
  const f = getFragment(base, op.fragmentId);
  if (findFragment(base, op.newId)) throw new OpError(`fragment id ${op.newId} is already used`);
  if (!Number.isInteger(op.offset)) throw new OpError('a split offset must be a whole number');
  if (op.offset <= 0 || op.offset >= f.text.length) throw new OpError('a split must leave text on both sides');
  if (insideSurrogatePair(f.text, op.offset)) throw new OpError('cannot split inside a character (surrogate pair)');
  if (insideGrapheme(f.text, op.offset))
    throw new OpError('cannot split inside a character (a letter and its accent, or an emoji sequence)');
  const orig = originalTextOf(base, f);
  const at = mapToOriginal(orig, f.text, op.offset);
  const [left, right] = splitSpans(f.spans, at);
  const loc = fragmentLocation(base, f.id)!;
  const added: Fragment = { ...f, id: op.newId, spans: right, text: f.text.slice(op.offset) };
  // New arrays built from the base and assigned whole: a splice through the draft of a 20,000-entry pool would
  // read every entry through a proxy and record one patch per shifted index.
  const frs = base.pages[loc.page].fragments;
  // The first piece gets a new end: an open-end resolution stays with the second piece, which keeps the old end.
  draft.pages[loc.page].fragments = [
    ...frs.slice(0, loc.index),
    { ...withoutOpenEnd(f), spans: left, text: f.text.slice(0, op.offset) },
    added,
    ...frs.slice(loc.index + 1),
  ];
  const place = placeOf(base, f.id)!;
  // Frozen, so that immer takes them as finished values instead of walking a 20,000-id pool (see move-fragments.ts).
  const insert = <T>(list: readonly T[], x: T): T[] =>
    Object.freeze([...list.slice(0, place.index + 1), x, ...list.slice(place.index + 1)]) as T[];
  if (place.kind === 'article') {
    const ai = base.articles.findIndex((a) => a.id === place.articleId);
    draft.articles[ai].items = insert(base.articles[ai].items, Object.freeze({ id: op.newId, join: false }));
  } else if (place.kind === 'pool') {
    draft.pool = insert(base.pool, op.newId);
  } else {
    draft.discarded = insert(base.discarded, op.newId);
  }
  bumpNextId(draft, op.newId);
}

/** Merges a fragment with the one right after it in the same container into one fragment. */
export function mergeFragments(draft: Draft<Issue>, base: Issue, op: MergeOp): void {
  const a = getFragment(base, op.fragmentId);
  const b = getFragment(base, op.nextId);
  if (a.page !== b.page)
    throw new OpError('fragments of different pages cannot be merged; join them into one paragraph instead');
  const pa = placeOf(base, a.id)!;
  const pb = placeOf(base, b.id)!;
  const sameContainer =
    pa.kind === pb.kind && (pa.kind !== 'article' || (pb.kind === 'article' && pa.articleId === pb.articleId));
  if (!sameContainer || pb.index !== pa.index + 1)
    throw new OpError('only a fragment and the one right after it can be merged');
  const sep = /[A-Za-z0-9,.;:!?]$/.test(a.text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '';
  const la = fragmentLocation(base, a.id)!;
  const lb = fragmentLocation(base, b.id)!;
  // The merged end is b's end: b's open-end resolution (if any) carries over, a's is dropped.
  const merged: Fragment = {
    ...withoutOpenEnd(a),
    text: a.text + sep + b.text,
    spans: [...a.spans, ...b.spans],
    ...(b.openEnd ? { openEnd: b.openEnd } : {}),
  };
  draft.pages[la.page].fragments = base.pages[la.page].fragments.flatMap((f, i) =>
    i === lb.index ? [] : i === la.index ? [merged] : [f],
  );
  const without = <T>(list: readonly T[]): T[] =>
    Object.freeze([...list.slice(0, pb.index), ...list.slice(pb.index + 1)]) as T[];
  if (pb.kind === 'article') {
    const ai = base.articles.findIndex((x) => x.id === pb.articleId);
    draft.articles[ai].items = without(base.articles[ai].items);
  } else if (pb.kind === 'pool') {
    draft.pool = without(base.pool);
  } else {
    draft.discarded = without(base.discarded);
  }
}

/** Keeps the id counter ahead of any numeric suffix an operation used, so generated ids never collide. */
export function bumpNextId(draft: Draft<Issue>, id: string): void {
  const m = /(\d+)$/.exec(id);
  if (m) {
    const n = Number(m[1]);
    if (Number.isSafeInteger(n) && n >= draft.nextId) draft.nextId = n + 1;
  }
}
