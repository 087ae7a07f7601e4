import type { Draft } from 'immer';
import type { Fragment, Issue, Span } from '../model/types';
import { OpError, findFragment, fragmentLocation, getFragment, originalTextOf, placeOf } from '../model/lookup';
import { insideGrapheme, insideSurrogatePair } from '../text/chars';
import { mapToOriginal } from '../text/align';
import type { Op } from './op-schema';

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
  if (!right.length) { const last = spans[spans.length - 1]; right.push({ start: last.end, end: last.end }); }
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
  if (insideGrapheme(f.text, op.offset)) throw new OpError('cannot split inside a character (a letter and its accent, or an emoji sequence)');
  const orig = originalTextOf(base, f);
  const at = mapToOriginal(orig, f.text, op.offset);
  const [left, right] = splitSpans(f.spans, at);
  const loc = fragmentLocation(base, f.id)!;
  const added: Fragment = { ...f, id: op.newId, spans: right, text: f.text.slice(op.offset) };
  const page = draft.pages[loc.page];
  page.fragments[loc.index].spans = left;
  page.fragments[loc.index].text = f.text.slice(0, op.offset);
  page.fragments.splice(loc.index + 1, 0, added);
  const place = placeOf(base, f.id)!;
  if (place.kind === 'article') {
    const ai = base.articles.findIndex((a) => a.id === place.articleId);
    draft.articles[ai].items.splice(place.index + 1, 0, { id: op.newId, join: false });
  } else if (place.kind === 'pool') {
    draft.pool.splice(place.index + 1, 0, op.newId);
  } else {
    draft.discarded.splice(place.index + 1, 0, op.newId);
  }
  bumpNextId(draft, op.newId);
}

/** Merges a fragment with the one right after it in the same container into one fragment. */
export function mergeFragments(draft: Draft<Issue>, base: Issue, op: MergeOp): void {
  const a = getFragment(base, op.fragmentId);
  const b = getFragment(base, op.nextId);
  if (a.page !== b.page) throw new OpError('fragments of different pages cannot be merged; join them into one paragraph instead');
  const pa = placeOf(base, a.id)!;
  const pb = placeOf(base, b.id)!;
  const sameContainer = pa.kind === pb.kind && (pa.kind !== 'article' || (pb.kind === 'article' && pa.articleId === pb.articleId));
  if (!sameContainer || pb.index !== pa.index + 1) throw new OpError('only a fragment and the one right after it can be merged');
  const sep = /[A-Za-z0-9,.;:!?]$/.test(a.text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '';
  const la = fragmentLocation(base, a.id)!;
  const lb = fragmentLocation(base, b.id)!;
  const page = draft.pages[la.page];
  page.fragments[la.index].text = a.text + sep + b.text;
  page.fragments[la.index].spans = [...a.spans, ...b.spans];
  page.fragments.splice(lb.index, 1);
  if (pb.kind === 'article') {
    const ai = base.articles.findIndex((x) => x.id === pb.articleId);
    draft.articles[ai].items.splice(pb.index, 1);
  } else if (pb.kind === 'pool') {
    draft.pool.splice(pb.index, 1);
  } else {
    draft.discarded.splice(pb.index, 1);
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
