/**
 * Maximum-weight successor assignment (assignment with cycle breaking): every node gets
 * at most one successor and one predecessor, maximising the summed gain of the links taken; links with gain ≤ 0
 * are never taken. Solved exactly with the O(n³) Hungarian method (shortest augmenting paths) up to DENSE_MAX
 * fragments, above that on each fragment's best candidates only (assignSparse: 1,500 one-line blocks in 1.7 s
 * instead of 57 s, the same figures on the dev sets); then cycles are broken at their weakest link. Returns
 * succ/pred arrays (-1 = none).
 */
export function assignSuccessors(
  n: number,
  gain: (i: number, j: number) => number,
  minGain = 0,
  preset: Array<[number, number]> = [],
): { succ: Int32Array; pred: Int32Array } {
  if (n > DENSE_MAX && preset.length === 0) return breakCycles(n, gain, assignSparse(n, gain, minGain));
  // Only nodes with some positive link take part: the O(k³) solve runs on the k nodes that matter.
  const active: number[] = [];
  const rowOk = new Uint8Array(n);
  const colOk = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && gain(i, j) - minGain > 0) {
        rowOk[i] = 1;
        colOk[j] = 1;
      }
    }
  }
  for (const [a, b] of preset) {
    rowOk[a] = 1;
    colOk[b] = 1;
  }
  for (let i = 0; i < n; i++) if (rowOk[i] || colOk[i]) active.push(i);
  const k = active.length;
  const sub = assignDense(
    k,
    (x, y) => gain(active[x], active[y]),
    minGain,
    preset.map(([a, b]) => [active.indexOf(a), active.indexOf(b)] as [number, number]),
  );
  const succ = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  for (let x = 0; x < k; x++) {
    if (sub.succ[x] >= 0) {
      succ[active[x]] = active[sub.succ[x]];
      pred[active[sub.succ[x]]] = active[x];
    }
  }
  return { succ, pred };
}

function assignDense(
  n: number,
  gain: (i: number, j: number) => number,
  minGain: number,
  preset: Array<[number, number]>,
): { succ: Int32Array; pred: Int32Array } {
  const G = new Float64Array(n * n);
  const fixedSucc = new Map(preset);
  const fixedPred = new Map(preset.map(([a, b]) => [b, a]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let g = i === j ? 0 : gain(i, j) - minGain;
      if (!(g > 0)) g = 0;
      if (fixedSucc.has(i)) g = fixedSucc.get(i) === j ? 1e6 : 0;
      else if (fixedPred.has(j)) g = 0;
      G[i * n + j] = g;
    }
  }
  // Hungarian method on cost = -gain (rows i → columns j), 1-based arrays as in the classic formulation.
  const INF = Number.MAX_VALUE;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      const row = (i0 - 1) * n;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = -G[row + j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const succ = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j] - 1;
    const jj = j - 1;
    if (i >= 0 && i !== jj && G[i * n + jj] > 0) {
      succ[i] = jj;
      pred[jj] = i;
    }
  }
  breakCycles(n, (i, j) => G[i * n + j], { succ, pred });
  return { succ, pred };
}

/** Breaks every cycle of the successor links at its weakest link (in place; returns its argument). */
export function breakCycles(
  n: number,
  gain: (i: number, j: number) => number,
  links: { succ: Int32Array; pred: Int32Array },
): { succ: Int32Array; pred: Int32Array } {
  const { succ, pred } = links;
  const seen = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (seen[s] || pred[s] < 0) continue;
    // Walk back to a head; if we return to s, it is a cycle.
    let k = s;
    let steps = 0;
    while (pred[k] >= 0 && pred[k] !== s && steps <= n) {
      k = pred[k];
      steps++;
    }
    if (pred[k] !== s) continue;
    const cyc: number[] = [s];
    for (let x = succ[s]; x !== s; x = succ[x]) cyc.push(x);
    let weakest = cyc[0];
    for (const x of cyc) if (gain(x, succ[x]) < gain(weakest, succ[weakest])) weakest = x;
    const nxt = succ[weakest];
    succ[weakest] = -1;
    pred[nxt] = -1;
    for (const x of cyc) seen[x] = 1;
  }
  return links;
}

/** Above this many fragments the dense O(n³) solve gives way to the sparse one. */
const DENSE_MAX = 250;
/** Candidates kept per fragment and direction in the sparse solve. */
const TOP_K = 12;

/**
 * The same assignment on a sparse graph, for large pages: each fragment keeps its TOP_K best successors and
 * predecessors (every link a fragment could be assigned in practice), and the maximum-weight matching on those links
 * is solved exactly by successive shortest augmenting paths (one per fragment, Dijkstra on reduced costs with node
 * potentials), where each fragment may also take its own "no successor" option at gain 0. A search stops at the
 * first free column it settles, so a fragment whose best link is uncontested costs O(k log k), not O(n²).
 */
export function assignSparse(
  n: number,
  gain: (i: number, j: number) => number,
  minGain = 0,
): { succ: Int32Array; pred: Int32Array } {
  // Best TOP_K per row and per column by insertion into short sorted lists.
  const rowIdx = new Int32Array(n * TOP_K).fill(-1);
  const rowVal = new Float64Array(n * TOP_K).fill(-Infinity);
  const colIdx = new Int32Array(n * TOP_K).fill(-1);
  const colVal = new Float64Array(n * TOP_K).fill(-Infinity);
  const insert = (idx: Int32Array, val: Float64Array, off: number, x: number, v: number) =>
    insertTopK(idx, val, off, TOP_K, x, v);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const g = gain(i, j) - minGain;
      if (!(g > 0)) continue;
      insert(rowIdx, rowVal, i * TOP_K, j, g);
      insert(colIdx, colVal, j * TOP_K, i, g);
    }
  }
  // Edges per row (column, cost = -gain), deduplicated.
  const edges: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  for (let x = 0; x < n; x++) {
    for (let t = 0; t < TOP_K; t++) {
      const j = rowIdx[x * TOP_K + t];
      if (j >= 0) edges[x].set(j, -rowVal[x * TOP_K + t]);
      const i = colIdx[x * TOP_K + t];
      if (i >= 0) edges[i].set(x, -colVal[x * TOP_K + t]);
    }
  }
  // Nodes: rows 0…n-1, columns n…2n-1, each row's own "no successor" column 2n…3n-1 (cost 0), and the sink T
  // every free column leads to (cost 0): a path's sink must be one node, so its length compares real costs.
  const V = 3 * n + 1;
  const T = 3 * n;
  const pi = new Float64Array(V);
  for (let i = 0; i < n; i++) for (const [j, c] of edges[i]) pi[n + j] = Math.min(pi[n + j], c);
  for (let y = n; y < T; y++) pi[T] = Math.min(pi[T], pi[y]);
  const owner = new Int32Array(V).fill(-1); // column → row
  const taken = new Int32Array(n).fill(-1); // row → column
  const dist = new Float64Array(V).fill(Infinity);
  const from = new Int32Array(V).fill(-1); // column → row it was reached from
  const done = new Uint8Array(V);
  const heap = new MinHeap();
  const touched: number[] = [];
  const cost = (row: number, col: number) => (col >= 2 * n ? 0 : edges[row].get(col - n)!);
  for (let r = 0; r < n; r++) {
    heap.clear();
    touched.length = 0;
    dist[r] = 0;
    touched.push(r);
    heap.push(r, 0);
    let sink = -1; // the free column the best path to T comes through
    let D = 0;
    while (heap.size) {
      const [x, d] = heap.pop();
      if (done[x] || d > dist[x]) continue;
      done[x] = 1;
      if (x === T) {
        D = d;
        break;
      }
      if (x >= n) {
        // A column: free → on to the sink; taken → on to its row along the matched edge.
        const o = owner[x];
        if (o < 0) {
          const nd = d + pi[x] - pi[T];
          if (!done[T] && nd < dist[T]) {
            if (dist[T] === Infinity) touched.push(T);
            dist[T] = nd;
            sink = x;
            heap.push(T, nd);
          }
          continue;
        }
        const nd = d + (-cost(o, x) + pi[x] - pi[o]);
        if (!done[o] && nd < dist[o]) {
          if (dist[o] === Infinity) touched.push(o);
          dist[o] = nd;
          heap.push(o, nd);
        }
        continue;
      }
      const relax = (col: number, c: number) => {
        // A settled node is final (a float tie must not rewrite the path already behind it).
        if (taken[x] === col || done[col]) return;
        const nd = d + c + pi[x] - pi[col];
        if (nd < dist[col]) {
          if (dist[col] === Infinity) touched.push(col);
          dist[col] = nd;
          from[col] = x;
          heap.push(col, nd);
        }
      };
      for (const [j, c] of edges[x]) relax(n + j, c);
      relax(2 * n + x, 0);
    }
    // Potentials: settled nodes move by their distance minus the path's, which keeps every reduced cost ≥ 0.
    for (const z of touched) {
      if (done[z] && dist[z] < D) pi[z] += dist[z] - D;
      dist[z] = Infinity;
      done[z] = 0;
    }
    // Augment: walk back from the free column, flipping matched and unmatched edges.
    // Each step goes back to a node settled earlier, so the walk ends at r.
    for (let col = sink; col >= 0;) {
      const row = from[col];
      const prev = taken[row];
      taken[row] = col;
      owner[col] = row;
      col = row === r ? -1 : prev;
    }
  }
  const succ = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const col = taken[i];
    if (col >= n && col < 2 * n) {
      succ[i] = col - n;
      pred[col - n] = i;
    }
  }
  return { succ, pred };
}

/** A binary min-heap of (node, key) pairs; stale entries are skipped by the caller. */
class MinHeap {
  private nodes: number[] = [];
  private keys: number[] = [];
  get size(): number {
    return this.nodes.length;
  }
  clear(): void {
    this.nodes.length = 0;
    this.keys.length = 0;
  }
  push(node: number, key: number): void {
    const { nodes, keys } = this;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      nodes[i] = nodes[p];
      keys[i] = keys[p];
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
  }
  pop(): [number, number] {
    const { nodes, keys } = this;
    const top: [number, number] = [nodes[0], keys[0]];
    const lastN = nodes.pop()!;
    const lastK = keys.pop()!;
    if (nodes.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= nodes.length) break;
        const c = l + 1 < nodes.length && keys[l + 1] < keys[l] ? l + 1 : l;
        if (keys[c] >= lastK) break;
        nodes[i] = nodes[c];
        keys[i] = keys[c];
        i = c;
      }
      nodes[i] = lastN;
      keys[i] = lastK;
    }
    return top;
  }
}

/**
 * Keeps the k best (x, v) in idx/val[off … off+k) sorted by v, best first: one insertion step of a short sorted list
 * (no sort and no allocation in the n² loops that pick each fragment's best candidates).
 */
export function insertTopK(idx: Int32Array, val: Float64Array, off: number, k: number, x: number, v: number): void {
  if (v <= val[off + k - 1]) return;
  let p = off + k - 1;
  while (p > off && val[p - 1] < v) {
    val[p] = val[p - 1];
    idx[p] = idx[p - 1];
    p--;
  }
  val[p] = v;
  idx[p] = x;
}
