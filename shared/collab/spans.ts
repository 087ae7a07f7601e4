import type { Span } from '../model/types';

/** Total original length a list of spans covers. */
export function spansLength(spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) n += s.end - s.start;
  return n;
}

/**
 * The part [from, to) of a root's spans, in the root's own coordinates (its spans end to end). An empty part keeps
 * a zero-length anchor at its place, as a split does (shared/ops/split-merge.ts).
 */
export function sliceSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  let acc = 0;
  for (const s of spans) {
    const len = s.end - s.start;
    const a = Math.max(from, acc);
    const b = Math.min(to, acc + len);
    if (b > a) out.push({ start: s.start + (a - acc), end: s.start + (b - acc) });
    acc += len;
  }
  if (out.length) return out;
  acc = 0;
  for (const s of spans) {
    const len = s.end - s.start;
    if (from < acc + len) return [{ start: s.start + Math.max(0, from - acc), end: s.start + Math.max(0, from - acc) }];
    acc += len;
  }
  const last = spans[spans.length - 1];
  return [{ start: last.end, end: last.end }];
}

/** Spans of a fragment made of several pieces: empty anchors are dropped once some piece covers text. */
export function joinSpans(parts: readonly Span[][]): Span[] {
  const all = parts.flat();
  const full = all.filter((s) => s.end > s.start);
  return full.length ? full : all.slice(0, 1);
}
