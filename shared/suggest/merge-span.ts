import { logAdd } from './log-space';

/**
 * One column read as two sequences (bands.ts uses it for its "merge" spans): some extractors take the lines that do
 * not span the column — indented paragraph starts, short paragraph ends — apart from the full lines and emit them
 * after them, bottom to top. On the sample page the column `策划,企业怎么发动…` comes out as its full lines in order,
 * then `采访中…蹲` `帮企业"点对点"招引员工。` `群策群力之后…` `多名职工的奥妙所在。` `党的二十大报告提出…` `是难题。…`:
 * the paragraph boundaries of the column, last first.
 *
 * The reading is then an interleaving of the full lines `A` (in source order) with the set-apart lines `B` (in
 * reverse source order), starting with A's first line. `mergeGrid` sums over all interleavings on the (taken from
 * A, taken from B) grid, so the text decides where each set-apart line goes back in.
 */
export interface MergeGrid {
  /** Log-sum of the readings that end with A's last line, and with B's last line (the lowest set-apart one). */
  endA: number;
  endB: number;
  /** Posterior of each link (from, to) given the span and its end, accumulated by `marginals`. */
  marginals: (endB: boolean, add: (from: number, to: number, p: number) => void) => void;
}

const NEG = -Infinity;

/** `A`: full lines in reading order; `B`: set-apart lines in reading order; `ln(i, j)`: link log-weight. */
export function mergeGrid(A: number[], B: number[], ln: (i: number, j: number) => number): MergeGrid {
  const a = A.length;
  const d = B.length;
  const W = d + 1;
  // State (i, j, x): i lines of A and j of B read, the last one from A (x = 0) or from B (x = 1).
  const at = (i: number, j: number, x: number) => (i * W + j) * 2 + x;
  const last = (i: number, j: number, x: number) => (x === 0 ? A[i - 1] : B[j - 1]);
  const fwd = new Float64Array((a + 1) * W * 2).fill(NEG);
  fwd[at(1, 0, 0)] = 0;
  for (let i = 1; i <= a; i++) {
    for (let j = 0; j <= d; j++) {
      for (let x = 0; x < 2; x++) {
        const v = fwd[at(i, j, x)];
        if (v === NEG) continue;
        const from = last(i, j, x);
        if (i < a) fwd[at(i + 1, j, 0)] = logAdd(fwd[at(i + 1, j, 0)], v + ln(from, A[i]));
        if (j < d) fwd[at(i, j + 1, 1)] = logAdd(fwd[at(i, j + 1, 1)], v + ln(from, B[j]));
      }
    }
  }
  const endA = fwd[at(a, d, 0)];
  const endB = fwd[at(a, d, 1)];
  const marginals = (toB: boolean, add: (from: number, to: number, p: number) => void) => {
    const Z = toB ? endB : endA;
    if (Z === NEG) return;
    const bwd = new Float64Array(fwd.length).fill(NEG);
    bwd[at(a, d, toB ? 1 : 0)] = 0;
    for (let i = a; i >= 1; i--) {
      for (let j = d; j >= 0; j--) {
        for (let x = 0; x < 2; x++) {
          const k = at(i, j, x);
          if (fwd[k] === NEG) continue;
          const from = last(i, j, x);
          let v = bwd[k];
          if (i < a) {
            const w = ln(from, A[i]);
            const nb = bwd[at(i + 1, j, 0)];
            if (nb !== NEG) {
              v = logAdd(v, w + nb);
              const p = Math.exp(fwd[k] + w + nb - Z);
              if (p >= 1e-4) add(from, A[i], p);
            }
          }
          if (j < d) {
            const w = ln(from, B[j]);
            const nb = bwd[at(i, j + 1, 1)];
            if (nb !== NEG) {
              v = logAdd(v, w + nb);
              const p = Math.exp(fwd[k] + w + nb - Z);
              if (p >= 1e-4) add(from, B[j], p);
            }
          }
          bwd[k] = v;
        }
      }
    }
  };
  return { endA, endB, marginals };
}
