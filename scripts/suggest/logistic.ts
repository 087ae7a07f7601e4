/**
 * Logistic regression by Newton's method (iteratively reweighted least squares) with an L2 penalty, for the few
 * features of the link scorer (tens of features, thousands of rows). Deterministic: rows are summed in the order
 * given, a fixed number of steps at most, and the result rounded, so a rerun writes the same bytes.
 */

export interface LogisticFit {
  weights: number[];
  /** Mean log-loss on the training rows. */
  logLoss: number;
  iterations: number;
}

/** Decimal places kept in the fitted weights (what the committed JSON holds). */
export const WEIGHT_DECIMALS = 4;

/**
 * Fits P(y = 1 | x) = σ(w·x). `l2` penalises every weight but the first (the bias, x[0] = 1) by l2/2 · w²;
 * `prior` (same length as x) centres the penalty on those weights instead of 0.
 */
export function fitLogistic(
  X: number[][],
  y: boolean[],
  options: { l2?: number; prior?: number[]; maxIterations?: number } = {},
): LogisticFit {
  const d = X[0]?.length ?? 0;
  const l2 = options.l2 ?? 1;
  const prior = options.prior ?? new Array<number>(d).fill(0);
  const w = prior.slice();
  const maxIt = options.maxIterations ?? 50;
  let it = 0;
  for (; it < maxIt; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let r = 0; r < X.length; r++) {
      const x = X[r];
      const p = sigmoid(dot(w, x));
      const e = p - (y[r] ? 1 : 0);
      const s = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        if (x[a] === 0) continue;
        g[a] += e * x[a];
        for (let b = 0; b < d; b++) H[a][b] += s * x[a] * x[b];
      }
    }
    for (let a = 1; a < d; a++) {
      g[a] += l2 * (w[a] - prior[a]);
      H[a][a] += l2;
    }
    H[0][0] += 1e-6;
    const step = solve(H, g);
    let max = 0;
    for (let a = 0; a < d; a++) {
      w[a] -= step[a];
      max = Math.max(max, Math.abs(step[a]));
    }
    if (max < 1e-9) break;
  }
  const weights = w.map((v) => roundTo(v, WEIGHT_DECIMALS));
  return { weights, logLoss: logLoss(X, y, weights), iterations: it + 1 };
}

export function logLoss(X: number[][], y: boolean[], w: number[]): number {
  let s = 0;
  for (let r = 0; r < X.length; r++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(dot(w, X[r]))));
    s -= y[r] ? Math.log(p) : Math.log(1 - p);
  }
  return s / Math.max(1, X.length);
}

export function dot(w: number[], x: number[]): number {
  let z = 0;
  for (let k = 0; k < w.length; k++) z += w[k] * (x[k] ?? 0);
  return z;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Gaussian elimination with partial pivoting (the Hessian is small and positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const piv = M[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / (M[r][r] || 1e-12);
  }
  return x;
}
