import type { TopicVector } from './topic';

/**
 * Article grouping refinement (docs/suggestions.md, How it decides): each article is seeded by its start (headline group,
 * dateline or existing article) and every other unit moves to the article it fits best: topical similarity to
 * the article's other units, plus extraction neighbours already in that article, plus the best link score into
 * or out of it. A few rounds of this (a k-means-like update) repair chains that the successor assignment glued
 * across articles.
 */
export interface RegroupInput {
  groups: number[][];
  /** Units that must stay where they are (article starts). */
  isSeed: (u: number) => boolean;
  vectors: TopicVector[];
  /** Units next to unit u in extraction order (its head's and tail's neighbours). */
  neighbours: (u: number) => number[];
  link: (a: number, b: number) => number;
  weights: { topic: number; neighbour: number; link: number };
  rounds?: number;
}

export function regroup(inp: RegroupInput): { groups: number[][]; margin: Map<number, number> } {
  const groupOf = new Map<number, number>();
  inp.groups.forEach((g, gi) => g.forEach((u) => groupOf.set(u, gi)));
  const movable = [...groupOf.keys()].filter((u) => !inp.isSeed(u)).sort((a, b) => a - b);
  const G = inp.groups.length;
  const margin = new Map<number, number>();
  const rounds = inp.rounds ?? 3;
  for (let round = 0; round <= rounds; round++) {
    const last = round === rounds;
    // Centroids (sums of unit vectors) per group, stored by term so a unit's dot products with every group cost
    // one pass over its own terms.
    const byTerm = new Map<string, Map<number, number>>();
    const norm2 = new Float64Array(G);
    for (const [u, g] of groupOf) {
      for (const [t, w] of inp.vectors[u]) {
        let m = byTerm.get(t);
        if (!m) byTerm.set(t, (m = new Map()));
        m.set(g, (m.get(g) ?? 0) + w);
      }
    }
    for (const m of byTerm.values()) for (const [g, c] of m) norm2[g] += c * c;
    let moved = 0;
    const dot = new Float64Array(G);
    for (const u of movable) {
      const cur = groupOf.get(u)!;
      let best = cur;
      let bestScore = -Infinity;
      let second = -Infinity;
      const neigh = inp.neighbours(u);
      // Best link into or out of each group, in one pass over the units (not per group).
      const bestLink = new Float64Array(G).fill(-Infinity);
      for (const [v, gv] of groupOf) {
        if (v === u) continue;
        const l = Math.max(inp.link(v, u), inp.link(u, v));
        if (l > bestLink[gv]) bestLink[gv] = l;
      }
      dot.fill(0);
      let self2 = 0;
      let ownDot = 0;
      for (const [t, w] of inp.vectors[u]) {
        self2 += w * w;
        const m = byTerm.get(t);
        if (!m) continue;
        for (const [g, c] of m) dot[g] += c * w;
        ownDot += (m.get(cur) ?? 0) * w;
      }
      for (let g = 0; g < G; g++) {
        // No link at all into or out of g (another page, rejected links): u cannot be read in that article.
        if (g !== cur && bestLink[g] === -Infinity) continue;
        // Cosine with the group's centroid without u itself.
        let d = dot[g];
        let nn = norm2[g];
        if (g === cur) {
          d = ownDot - self2;
          nn = norm2[g] - 2 * ownDot + self2;
        }
        const cos = d / (Math.sqrt(Math.max(nn, 1e-9)) || 1);
        let nb = 0;
        for (const v of neigh) if (v !== u && groupOf.get(v) === g) nb++;
        const lk = bestLink[g];
        const score =
          inp.weights.topic * cos +
          inp.weights.neighbour * nb +
          inp.weights.link * Math.max(-5, Math.min(8, lk === -Infinity ? -5 : lk));
        if (score > bestScore + 1e-9) {
          second = bestScore;
          bestScore = score;
          best = g;
        } else if (score > second) second = score;
      }
      if (last) {
        margin.set(u, best === cur ? bestScore - second : 0);
        continue;
      }
      if (best !== cur) {
        groupOf.set(u, best);
        moved++;
      }
    }
    if (!moved && !last) round = rounds - 1;
  }
  const out: number[][] = Array.from({ length: G }, () => []);
  for (const g of inp.groups) for (const u of g) out[groupOf.get(u)!].push(u);
  return { groups: out.filter((g) => g.length), margin };
}
