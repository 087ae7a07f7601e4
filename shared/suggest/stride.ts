import type { FragFeatures } from './features';
import { assignSuccessors } from './assignment';

/** What the stride stage needs of the engine's parameters. */
export interface StrideParams {
  joinThreshold: number;
  stride: number;
  strideWindow: number;
}

/**
 * Line-by-line interleaving (narrow columns side by side come out one printed line at a time, row by
 * row): inside such a band every line continues `k` positions further on, k being the number of columns. One
 * pair's text rarely proves its link, but the band's links agree on one offset. So: take the best assignment of
 * the join scores, let each fragment's neighbours (±window in source order) vote on their links' offsets, and
 * add `stride × share of votes` to the joins with a locally agreed offset; repeat once with the improved links.
 * Mutates JS in place and returns the final vote shares (the paragraph-break links between units use them too).
 */
export function strideConsistency(
  n: number,
  JS: Float64Array,
  F: FragFeatures[],
  params: StrideParams,
): { share: (i: number, offset: number) => number; succ: Int32Array } {
  const base = JS.slice();
  let shares: Array<Map<number, number> | null> = [];
  let cur: { succ: Int32Array } = { succ: new Int32Array(n).fill(-1) };
  for (let round = 0; round < 2; round++) {
    cur = assignSuccessors(n, (i, j) => JS[i * n + j], params.joinThreshold);
    shares = offsetVotes(n, cur.succ, F, params.strideWindow);
    JS.set(base);
    for (let i = 0; i < n; i++) {
      const sh = shares[i];
      if (!sh) continue;
      for (const [o, v] of sh) {
        const k = i * n + i + o;
        if (JS[k] > -Infinity) JS[k] += params.stride * v;
      }
    }
  }
  return { share: (i, o) => shares[i]?.get(o) ?? 0, succ: cur.succ };
}

/**
 * Blocks that take part in the offset votes. CJK: all (column cuts of wide blocks follow the same offsets as the
 * interleaved lines of narrow ones). Latin: one-line blocks only; on paragraph-sized blocks the votes overruled the
 * case and hyphen cues on the Latin dev set (successor 0.64 → 0.54).
 */
function votesOnStride(f: FragFeatures): boolean {
  return f.cjk || f.text.length <= 60;
}

/** For each fragment, the share of its neighbours' links (±w positions, same page) per source-order offset. */
function offsetVotes(n: number, succ: Int32Array, F: FragFeatures[], w: number): Array<Map<number, number> | null> {
  const MAX = 8;
  const off = new Int32Array(n);
  const line = F.map(votesOnStride);
  for (let i = 0; i < n; i++) {
    const j = succ[i];
    if (j >= 0 && line[i] && line[j] && F[j].page === F[i].page && Math.abs(j - i) <= MAX) off[i] = j - i;
  }
  const out: Array<Map<number, number> | null> = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const votes = new Map<number, number>();
    let total = 0;
    for (let k = Math.max(0, i - w); k <= Math.min(n - 1, i + w); k++) {
      if (k === i || off[k] === 0 || F[k].page !== F[i].page) continue;
      votes.set(off[k], (votes.get(off[k]) ?? 0) + 1);
      total++;
    }
    if (total < 2 || !line[i]) continue;
    const sh = new Map<number, number>();
    for (const [o, v] of votes) if (v >= 2 && i + o >= 0 && i + o < n) sh.set(o, v / total);
    if (sh.size) out[i] = sh;
  }
  return out;
}
