/**
 * Experiment: the join score's weights (shared/suggest/score.ts `DEFAULT_WEIGHTS`) fitted as a conditional logit:
 * for each fragment A that can go on mid-sentence, a softmax over every fragment B it may join and "no join"
 * (fixed at the engine's join threshold); the truth's mid-sentence successor (or none) is the answer. joinScore is
 * linear in its weights, so each weight's term is read off by scoring with that weight alone. A Gaussian prior
 * centred on the hand-set weights (L2 `l2`) keeps what the data cannot tell apart where it was.
 */
import { fragmentFeatures } from '../../shared/suggest/features';
import { canBeContinuation, canContinue, DEFAULT_WEIGHTS, joinScore, type Weights } from '../../shared/suggest/score';
import { bundledModel } from '../../shared/suggest/model';
import { pageSignals } from '../../shared/suggest/page-signals';
import { DEFAULT_PARAMS } from '../../shared/suggest/engine';
import type { Fragment } from '../../shared/model/types';
import type { Truth } from '../../bench/suggest/truth';
import { roundTo } from './logistic';

export const JOIN_WEIGHT_NAMES = Object.keys(DEFAULT_WEIGHTS).filter(
  (k) => !['topicBreak', 'adjacentNext', 'adjacentPrev', 'near', 'datelineAfterHeading', 'incompleteBreak'].includes(k),
) as Array<keyof Weights>;

interface Group {
  /** options: term vectors (weights order JOIN_WEIGHT_NAMES + indentJoin) and fixed offsets; last = none. */
  X: number[][];
  off: number[];
  y: number;
}

const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])) as unknown as Weights;

export function joinGroups(fragments: Fragment[], truth: Truth): Group[] {
  const model = bundledModel();
  const { F, heading, side, cache, topicF, indent } = pageSignals(fragments, (f, i) => fragmentFeatures(f, i, model));
  const next = new Map<string, string>();
  for (const a of truth.articles) a.items.forEach((it, k) => k > 0 && it.join && next.set(a.items[k - 1].id, it.id));
  const n = F.length;
  const groups: Group[] = [];
  for (let i = 0; i < n; i++) {
    if (!canContinue(F[i]) || side[i]) continue;
    const X: number[][] = [];
    const off: number[] = [];
    let y = -1;
    for (let j = 0; j < n; j++) {
      if (j === i || side[j] || heading[j] || !canBeContinuation(F[j])) continue;
      const base = joinScore(F[i], F[j], topicF[i * n + j], model, cache, zero, true, false).score;
      const x = JOIN_WEIGHT_NAMES.map(
        (k) => joinScore(F[i], F[j], topicF[i * n + j], model, cache, { ...zero, [k]: 1 }, true, false).score - base,
      );
      x.push(-indent[j]);
      if (next.get(F[i].id) === F[j].id) y = X.length;
      X.push(x);
      off.push(base);
    }
    X.push(new Array<number>(JOIN_WEIGHT_NAMES.length + 1).fill(0));
    off.push(DEFAULT_PARAMS.joinThreshold);
    groups.push({ X, off, y: y < 0 ? X.length - 1 : y });
  }
  return groups;
}

/** Newton's method on the conditional logit with an L2 penalty towards `prior`. */
export function fitConditionalLogit(groups: Group[], prior: number[], l2: number, iterations = 30): number[] {
  const d = prior.length;
  const w = prior.slice();
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const G of groups) {
      const z = G.X.map((x, o) => G.off[o] + x.reduce((s, v, k) => s + v * w[k], 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const Z = e.reduce((s, v) => s + v, 0);
      const p = e.map((v) => v / Z);
      const mu = new Array<number>(d).fill(0);
      G.X.forEach((x, o) => x.forEach((v, k) => (mu[k] += p[o] * v)));
      for (let k = 0; k < d; k++) g[k] += mu[k] - G.X[G.y][k];
      G.X.forEach((x, o) => {
        if (p[o] < 1e-12) return;
        for (let a = 0; a < d; a++) {
          const da = x[a] - mu[a];
          if (da === 0) continue;
          for (let b = 0; b < d; b++) H[a][b] += p[o] * da * (x[b] - mu[b]);
        }
      });
    }
    for (let k = 0; k < d; k++) {
      g[k] += l2 * (w[k] - prior[k]);
      H[k][k] += l2;
    }
    const step = solveSym(H, g);
    let max = 0;
    for (let k = 0; k < d; k++) {
      w[k] -= step[k];
      max = Math.max(max, Math.abs(step[k]));
    }
    if (max < 1e-7) break;
  }
  return w.map((v) => roundTo(v, 3));
}

function solveSym(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / (M[c][c] || 1e-12);
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
