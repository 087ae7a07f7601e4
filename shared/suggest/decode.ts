import { assignSuccessors } from './assignment';

/**
 * Decoding of a successor graph (docs/suggestions.md, How it decides): a greedy path cover over link gains with cycle
 * prevention, then an exact best path (Held–Karp) for groups of ≤ 12 units and an Or-opt local search beyond.
 * All functions work on dense score matrices indexed 0…n-1; -Infinity marks a forbidden link.
 */

/**
 * Links nodes into disjoint paths. A link i→j is taken, best gain first, when gain > `minGain`, i has no
 * successor, j no predecessor, and the link closes no cycle. Returns succ/pred arrays (-1 = none).
 */
export function greedyPathCover(
  n: number,
  gain: (i: number, j: number) => number,
  minGain = 0,
  preset: Array<[number, number]> = [],
): { succ: Int32Array; pred: Int32Array } {
  const succ = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const link = (i: number, j: number) => {
    succ[i] = j;
    pred[j] = i;
    parent[find(i)] = find(j);
  };
  for (const [i, j] of preset) if (succ[i] < 0 && pred[j] < 0 && find(i) !== find(j)) link(i, j);
  const cand: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const g = gain(i, j);
      if (g > minGain) cand.push([g, i, j]);
    }
  }
  // Ties broken by source order so the result is deterministic.
  cand.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [, i, j] of cand) {
    if (succ[i] >= 0 || pred[j] >= 0) continue;
    if (find(i) === find(j)) continue;
    link(i, j);
  }
  return { succ, pred };
}

/** Paths from succ/pred arrays, each from its head. */
export function pathsOf(succ: Int32Array, pred: Int32Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < succ.length; i++) {
    if (pred[i] >= 0) continue;
    const p: number[] = [];
    for (let k = i; k >= 0; k = succ[k]) p.push(k);
    out.push(p);
  }
  return out;
}

export interface PathProblem {
  /** Nodes to order (indices into the matrices). */
  nodes: number[];
  link: (i: number, j: number) => number;
  start: (i: number) => number;
  end: (i: number) => number;
}

export function pathScore(p: PathProblem, order: number[]): number {
  if (!order.length) return 0;
  let s = -p.start(order[0]) - p.end(order[order.length - 1]);
  for (let k = 1; k < order.length; k++) s += p.link(order[k - 1], order[k]);
  return s;
}

/** Exact best Hamiltonian path (maximising links − start − end costs); for ≤ 12 nodes. */
export function heldKarp(p: PathProblem): number[] {
  const m = p.nodes.length;
  if (m <= 1) return [...p.nodes];
  const full = (1 << m) - 1;
  const dp = new Float64Array((1 << m) * m).fill(-Infinity);
  const from = new Int8Array((1 << m) * m).fill(-1);
  const L: number[] = new Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) L[a * m + b] = a === b ? -Infinity : p.link(p.nodes[a], p.nodes[b]);
  for (let a = 0; a < m; a++) dp[(1 << a) * m + a] = -p.start(p.nodes[a]);
  for (let mask = 1; mask <= full; mask++) {
    for (let a = 0; a < m; a++) {
      const cur = dp[mask * m + a];
      if (cur === -Infinity || !(mask & (1 << a))) continue;
      for (let b = 0; b < m; b++) {
        if (mask & (1 << b)) continue;
        const v = cur + L[a * m + b];
        const nm = mask | (1 << b);
        if (v > dp[nm * m + b]) {
          dp[nm * m + b] = v;
          from[nm * m + b] = a;
        }
      }
    }
  }
  let best = -Infinity;
  let last = 0;
  for (let a = 0; a < m; a++) {
    const v = dp[full * m + a] - p.end(p.nodes[a]);
    if (v > best) {
      best = v;
      last = a;
    }
  }
  if (best === -Infinity) return [...p.nodes];
  const order: number[] = [];
  let mask = full;
  for (let a = last; a >= 0;) {
    order.push(p.nodes[a]);
    const prev = from[mask * m + a];
    mask &= ~(1 << a);
    a = prev;
  }
  return order.reverse();
}

/**
 * Or-opt: move segments of 1–3 nodes to the best other position while the path score improves. Each move is
 * scored in O(1) from the three links it removes and the three it adds (virtual start/end nodes at both ends).
 */
export function orOpt(p: PathProblem, order: number[], maxRounds = 20): number[] {
  let cur = [...order];
  const m = cur.length;
  if (m < 3) return cur;
  // Edge value between positions, with -1 = virtual start, m = virtual end.
  const edge = (x: number | null, y: number | null): number => {
    if (x === null && y === null) return 0;
    if (x === null) return -p.start(y!);
    if (y === null) return -p.end(x);
    return p.link(x, y);
  };
  for (let round = 0; round < maxRounds; round++) {
    let bestDelta = 1e-9;
    let bestMove: [number, number, number] | null = null; // i, len, insertion index into the remaining path
    for (let len = 1; len <= 3 && len < m; len++) {
      for (let i = 0; i + len <= m; i++) {
        const first = cur[i];
        const last = cur[i + len - 1];
        const before = i > 0 ? cur[i - 1] : null;
        const after = i + len < m ? cur[i + len] : null;
        const removeGain = edge(before, after) - edge(before, first) - edge(last, after);
        // Remaining path r = cur without the segment; insert between r[k-1] and r[k].
        const rem = m - len;
        for (let k = 0; k <= rem; k++) {
          if (k === i) continue; // same place
          const a = k > 0 ? cur[k - 1 < i ? k - 1 : k - 1 + len] : null;
          const b = k < rem ? cur[k < i ? k : k + len] : null;
          const delta = removeGain - edge(a, b) + edge(a, first) + edge(last, b);
          if (delta > bestDelta) {
            bestDelta = delta;
            bestMove = [i, len, k];
          }
        }
      }
    }
    if (!bestMove) break;
    const [i, len, k] = bestMove;
    const seg = cur.slice(i, i + len);
    const rest = [...cur.slice(0, i), ...cur.slice(i + len)];
    cur = [...rest.slice(0, k), ...seg, ...rest.slice(k)];
  }
  return cur;
}

/**
 * Best order of a group: exact for ≤ 12 nodes; beyond, Or-opt from two starts — the given order (source order,
 * good when most of the group is in order) and the max-weight successor assignment with its cycles broken, its
 * paths stitched best link first (good when the group is shuffled: Or-opt moves 1–3 nodes, not whole chains).
 */
export function bestPath(p: PathProblem, initial: number[]): number[] {
  if (p.nodes.length <= 12) return heldKarp(p);
  // Or-opt is O(m²) a round.
  if (p.nodes.length > 150) return initial;
  const a = orOpt(p, initial, 30);
  const b = orOpt(p, assignedOrder(p, initial[0]), 30);
  // Source order is evidence the link scores do not hold in full: leave it only for a clearly better order.
  return pathScore(p, b) > pathScore(p, a) + 1 ? b : a;
}

/** The group's successor assignment as one order: `first` leads, then each path whose head links best. */
function assignedOrder(p: PathProblem, first: number): number[] {
  const m = p.nodes.length;
  const N = p.nodes;
  const fi = N.indexOf(first);
  // Linking x→y saves x's end cost and y's start cost (capped: "not a start" costs are huge for seeded groups).
  const gain = (x: number, y: number) =>
    y === fi ? -Infinity : p.link(N[x], N[y]) + Math.min(p.end(N[x]), 50) + Math.min(p.start(N[y]), 50);
  const links = assignSuccessors(m, gain, 0);
  const paths = pathsOf(links.succ, links.pred);
  const out: number[] = [];
  const used = new Set<number[]>();
  let cur = paths.find((q) => q[0] === fi) ?? paths[0];
  while (cur) {
    used.add(cur);
    out.push(...cur);
    const tail = cur[cur.length - 1];
    let best: number[] | undefined;
    let bestScore = -Infinity;
    for (const q of paths) {
      if (used.has(q)) continue;
      const v = p.link(N[tail], N[q[0]]);
      if (!best || v > bestScore) {
        best = q;
        bestScore = v;
      }
    }
    cur = best as number[];
  }
  return out.map((x) => N[x]);
}

/** Softmax probability of `chosen` among `scores` (temperature `t`). */
export function softmaxShare(chosen: number, scores: number[], t = 1): number {
  let max = chosen;
  for (const s of scores) if (s > max) max = s;
  let z = 0;
  for (const s of scores) z += Math.exp((s - max) / t);
  return Math.exp((chosen - max) / t) / (z || 1);
}
