/**
 * Maximum-weight successor assignment (SUGGESTIONS.md §6.2: "assignment with cycle breaking"): every node gets
 * at most one successor and one predecessor, maximising the summed gain of the links taken; links with gain ≤ 0
 * are never taken. Solved exactly with the O(n³) Hungarian method (shortest augmenting paths), then cycles are
 * broken at their weakest link. Returns succ/pred arrays (-1 = none).
 */
export function assignSuccessors(n: number, gain: (i: number, j: number) => number, minGain = 0, preset: Array<[number, number]> = []): { succ: Int32Array; pred: Int32Array } {
  // Only nodes with some positive link take part: the O(k³) solve runs on the k nodes that matter.
  const active: number[] = [];
  const rowOk = new Uint8Array(n);
  const colOk = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && gain(i, j) - minGain > 0) { rowOk[i] = 1; colOk[j] = 1; }
    }
  }
  for (const [a, b] of preset) { rowOk[a] = 1; colOk[b] = 1; }
  for (let i = 0; i < n; i++) if (rowOk[i] || colOk[i]) active.push(i);
  const k = active.length;
  const sub = assignDense(k, (x, y) => gain(active[x], active[y]), minGain, preset.map(([a, b]) => [active.indexOf(a), active.indexOf(b)] as [number, number]));
  const succ = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  for (let x = 0; x < k; x++) {
    if (sub.succ[x] >= 0) { succ[active[x]] = active[sub.succ[x]]; pred[active[sub.succ[x]]] = active[x]; }
  }
  return { succ, pred };
}

function assignDense(n: number, gain: (i: number, j: number) => number, minGain: number, preset: Array<[number, number]>): { succ: Int32Array; pred: Int32Array } {
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
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
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
    if (i >= 0 && i !== jj && G[i * n + jj] > 0) { succ[i] = jj; pred[jj] = i; }
  }
  // Break cycles at their weakest link.
  const seen = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (seen[s] || pred[s] < 0) continue;
    // Walk back to a head; if we return to s, it is a cycle.
    let k = s;
    let steps = 0;
    while (pred[k] >= 0 && pred[k] !== s && steps <= n) { k = pred[k]; steps++; }
    if (pred[k] !== s) { continue; }
    const cyc: number[] = [s];
    for (let x = succ[s]; x !== s; x = succ[x]) cyc.push(x);
    let weakest = cyc[0];
    for (const x of cyc) if (G[x * n + succ[x]] < G[weakest * n + succ[weakest]]) weakest = x;
    const nxt = succ[weakest];
    succ[weakest] = -1;
    pred[nxt] = -1;
    for (const x of cyc) seen[x] = 1;
  }
  return { succ, pred };
}
