import type { CharModel } from './lm';
import type { EngineParams } from './engine';
import type { PageSignals } from './page-signals';
import { canBeContinuation, canContinue, joinScore, seamEvidence } from './score';
import { insertTopK } from './assignment';
import { isLineBlock } from './bands';

/** What the page pass knows about placed fragments and rejected links when it scores joins. */
export interface JoinConstraints {
  /** The fragment is in an article already. */
  placed: (i: number) => boolean;
  /** …and is its last item (it may still get a continuation). */
  isFixedTail: (i: number) => boolean;
  /** The link i → j may be suggested (same page, not rejected by the proofreader). */
  allowed: (i: number, j: number) => boolean;
  /** A cost taken off the join i → j (reading back up under two headlines side by side: engine.ts). */
  backCost?: (i: number, j: number) => number;
}

/**
 * Stage 1 of a page pass (joins): the mid-sentence join score A → B of every allowed pair, on the log-odds scale of
 * score.ts (−Infinity where A cannot go on mid-sentence or B cannot be the middle of a sentence). The cheap score
 * for all pairs; the costly text parts (character model, ICU straddle, jieba and modern seams) for each fragment's
 * best candidates and its next block; the seam evidence for nearby one-line blocks; the first-line indent. The band
 * and interleaving bonuses come later (they read this table). Pure.
 */
export function joinTable(
  signals: PageSignals,
  params: EngineParams,
  model: CharModel,
  { placed, isFixedTail, allowed, backCost = () => 0 }: JoinConstraints,
): { JS: Float64Array } {
  const { F, heading, side, cache, topicF, indent, artStarts } = signals;
  const n = F.length;
  const JS = new Float64Array(n * n).fill(-Infinity);
  const okB = F.map((f, j) => !placed(j) && !side[j] && !heading[j] && !artStarts.start[j] && canBeContinuation(f));
  for (let i = 0; i < n; i++) {
    if (!canContinue(F[i]) || side[i] || (placed(i) && !isFixedTail(i))) continue;
    for (let j = 0; j < n; j++) {
      if (!okB[j] || !allowed(i, j)) continue;
      JS[i * n + j] =
        joinScore(F[i], F[j], topicF[i * n + j], model, cache, params.weights, false, false).score - backCost(i, j);
    }
  }
  // The word-straddle test (ICU segmentation, ~20 µs a call) only for each row's and column's best candidates.
  const recheck = new Set<number>();
  const TOPK = 8;
  // Best TOPK per row and per column by insertion into short sorted lists (no sort, no closures in the n² loop).
  const colIdx = new Int32Array(n * TOPK).fill(-1);
  const colVal = new Float64Array(n * TOPK).fill(-Infinity);
  const rowIdx = new Int32Array(TOPK);
  const rowVal = new Float64Array(TOPK);
  const insert = (idx: Int32Array, val: Float64Array, off: number, x: number, v: number) =>
    insertTopK(idx, val, off, TOPK, x, v);
  for (let i = 0; i < n; i++) {
    rowIdx.fill(-1);
    rowVal.fill(-Infinity);
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const v = JS[base + j];
      if (v === -Infinity) continue;
      insert(rowIdx, rowVal, 0, j, v);
      insert(colIdx, colVal, j * TOPK, i, v);
    }
    for (let k = 0; k < TOPK; k++) if (rowIdx[k] >= 0) recheck.add(base + rowIdx[k]);
  }
  for (let j = 0; j < n; j++)
    for (let k = 0; k < TOPK; k++) if (colIdx[j * TOPK + k] >= 0) recheck.add(colIdx[j * TOPK + k] * n + j);
  for (let i = 0; i + 1 < n; i++) if (JS[i * n + i + 1] > -Infinity) recheck.add(i * n + i + 1);
  for (const k of recheck) {
    const i = Math.floor(k / n);
    JS[k] = joinScore(F[i], F[k % n], topicF[k], model, cache, params.weights, true, false).score - backCost(i, k % n);
  }
  // Nearby one-line blocks (band readings): the seam's text evidence without the ICU test, which on the tuning part
  // added nothing here (0.802 with it, 0.805 without, at a window of 30).
  for (let i = 0; i < n && params.lineWindow > 0; i++) {
    if (!isLineBlock(F[i])) continue;
    for (let j = Math.max(0, i - params.lineWindow); j <= Math.min(n - 1, i + params.lineWindow); j++) {
      const k = i * n + j;
      if (JS[k] > -Infinity && !recheck.has(k) && isLineBlock(F[j]))
        JS[k] += seamEvidence(F[i], F[j], model, params.weights, cache.modernity);
    }
  }
  // First-line indent: B opens a paragraph (no join into it) or continues one (a join into it is due).
  for (let j = 0; j < n; j++) {
    if (!indent[j]) continue;
    for (let i = 0; i < n; i++) if (JS[i * n + j] > -Infinity) JS[i * n + j] -= params.indentJoin * indent[j];
  }
  return { JS };
}
