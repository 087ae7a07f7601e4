import type { Suggestions } from '../../shared/suggest/types';
import type { Truth } from './truth';

/**
 * The decisions of a whole reading (every suggested item, `--min-confidence 0`) and whether each is right: an
 * article start is right when the fragment starts an article of the truth; a link (the item after the one before
 * it) when the truth has the same fragment right before it AND the same join flag (a right neighbour read as a new
 * paragraph is a wrong decision). Roles are not scored: the practice pages' truth has no roles.
 */
export interface Decision {
  kind: 'start' | 'link';
  confidence: number;
  right: boolean;
}

export interface TruthIndex {
  prev: Map<string, { id: string; join: boolean }>;
  starts: Set<string>;
}

export function truthIndex(truth: Truth): TruthIndex {
  const prev = new Map<string, { id: string; join: boolean }>();
  const starts = new Set<string>();
  for (const a of truth.articles)
    a.items.forEach((it, k) => {
      if (k === 0) starts.add(it.id);
      else prev.set(it.id, { id: a.items[k - 1].id, join: it.join });
    });
  return { prev, starts };
}

/** Is the decision "`id` after `prev` (null: starts an article), joined or not" right by the truth? */
export function decisionRight(t: TruthIndex, id: string, prev: string | null, join: boolean): boolean {
  if (prev === null) return t.starts.has(id);
  const p = t.prev.get(id);
  return !!p && p.id === prev && p.join === join;
}

export function decisions(s: Suggestions, truth: Truth): Decision[] {
  const t = truthIndex(truth);
  const out: Decision[] = [];
  for (const a of s.articles)
    a.items.forEach((it, k) => {
      if (it.fixed) return;
      const prev = k === 0 ? null : a.items[k - 1].id;
      out.push({
        kind: k === 0 ? 'start' : 'link',
        confidence: it.confidence,
        right: decisionRight(t, it.id, prev, it.join),
      });
    });
  return out;
}

/** Reliability table: 10 equal-width confidence bins, each with its count, mean confidence and share right. */
export function reliability(ds: Decision[]): Array<{ lo: number; hi: number; n: number; conf: number; acc: number }> {
  const bins = Array.from({ length: 10 }, (_, b) => ({ lo: b / 10, hi: (b + 1) / 10, n: 0, conf: 0, acc: 0 }));
  for (const d of ds) {
    const b = bins[Math.min(9, Math.floor(d.confidence * 10))];
    b.n++;
    b.conf += d.confidence;
    b.acc += d.right ? 1 : 0;
  }
  for (const b of bins) {
    if (!b.n) continue;
    b.conf /= b.n;
    b.acc /= b.n;
  }
  return bins;
}

/** Expected calibration error over the 10 bins: Σ (n_b / N) · |accuracy_b − mean confidence_b|. */
export function expectedCalibrationError(ds: Decision[]): number {
  const N = Math.max(1, ds.length);
  return reliability(ds).reduce((s, b) => s + (b.n / N) * Math.abs(b.acc - b.conf), 0);
}

/**
 * Share of the wrong decisions that fall among the least-confident `share` of all decisions (ties broken against
 * the engine: among equal confidences the right decisions count as less confident, so a constant confidence earns
 * nothing).
 */
export function wrongInLeastConfident(ds: Decision[], share = 0.25): number {
  const wrong = ds.filter((d) => !d.right).length;
  if (!wrong) return 1;
  const sorted = [...ds].sort((a, b) => a.confidence - b.confidence || Number(!a.right) - Number(!b.right));
  const k = Math.round(share * ds.length);
  return sorted.slice(0, k).filter((d) => !d.right).length / wrong;
}

/**
 * Precision of the links at coverage c: the most confident links, as many as c × the true links, and the share of
 * them that are right (successor only, as `confident P` in metrics.ts). NaN when fewer links than that are made.
 */
export function precisionAtCoverage(links: Array<[number, boolean]>, totalTrue: number, coverage: number): number {
  const k = Math.ceil(coverage * totalTrue);
  if (k > links.length || k === 0) return Number.NaN;
  const sorted = [...links].sort((a, b) => b[0] - a[0] || Number(a[1]) - Number(b[1]));
  return sorted.slice(0, k).filter(([, ok]) => ok).length / k;
}
