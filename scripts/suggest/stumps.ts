/**
 * Gradient-boosted stumps on log-loss (Newton boosting: each round one split of one feature, leaf values
 * −G/(H + 1)), for the link calibration: the decisions' features interact (a break after a sentence cut, a join far
 * back in source order), which one logistic weight per feature cannot say. Deterministic: features are sorted once
 * with ties in row order, the first best split wins, values are rounded before they are used.
 */

export interface StumpModel {
  /** Log-odds before any stump. */
  base: number;
  /** [feature index, threshold, value if x ≤ threshold, value otherwise], values already times the learning rate. */
  stumps: Array<[number, number, number, number]>;
}

export interface StumpOptions {
  rounds?: number;
  /** Learning rate (shrinkage). */
  rate?: number;
  /** Least summed Hessian (≈ rows × p(1 − p)) on either side of a split. */
  minHessian?: number;
}

const round = (v: number, d: number) => {
  const f = 10 ** d;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export function fitStumps(X: number[][], y: boolean[], options: StumpOptions = {}): StumpModel {
  const rounds = options.rounds ?? 500;
  const rate = options.rate ?? 0.1;
  const minH = options.minHessian ?? 20;
  const N = X.length;
  const d = X[0]?.length ?? 0;
  const pos = y.filter(Boolean).length;
  const base = round(Math.log(Math.max(1, pos) / Math.max(1, N - pos)), 4);
  const F = new Float64Array(N).fill(base);
  const order = Array.from({ length: d }, (_, k) =>
    Array.from({ length: N }, (_, i) => i).sort((a, b) => X[a][k] - X[b][k] || a - b),
  );
  const stumps: StumpModel['stumps'] = [];
  const g = new Float64Array(N);
  const h = new Float64Array(N);
  for (let it = 0; it < rounds; it++) {
    let G = 0;
    let H = 0;
    for (let i = 0; i < N; i++) {
      const p = 1 / (1 + Math.exp(-F[i]));
      g[i] = (y[i] ? 1 : 0) - p;
      h[i] = Math.max(1e-6, p * (1 - p));
      G += g[i];
      H += h[i];
    }
    let best = { gain: 1e-9, k: -1, t: 0, l: 0, r: 0 };
    for (let k = 0; k < d; k++) {
      const o = order[k];
      let gl = 0;
      let hl = 0;
      for (let q = 0; q + 1 < N; q++) {
        gl += g[o[q]];
        hl += h[o[q]];
        const a = X[o[q]][k];
        const b = X[o[q + 1]][k];
        if (a === b || hl < minH || H - hl < minH) continue;
        const gain = (gl * gl) / (hl + 1) + (G - gl) ** 2 / (H - hl + 1) - (G * G) / (H + 1);
        if (gain > best.gain) best = { gain, k, t: (a + b) / 2, l: gl / (hl + 1), r: (G - gl) / (H - hl + 1) };
      }
    }
    if (best.k < 0) break;
    const s: [number, number, number, number] = [
      best.k,
      round(best.t, 6),
      round(rate * best.l, 4),
      round(rate * best.r, 4),
    ];
    stumps.push(s);
    for (let i = 0; i < N; i++) F[i] += X[i][s[0]] <= s[1] ? s[2] : s[3];
  }
  return { base, stumps };
}
