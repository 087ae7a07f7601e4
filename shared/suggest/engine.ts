import type { Fragment, Issue } from '../model/types';
import { bundledModel } from './model';
import type { CharModel } from './lm';
import { fragmentFeatures, type FragFeatures } from './features';
import { classifyRoles, isHeading } from './roles';
import { buildPageCache } from './page-cache';
import { cosineMatrix, terms, tfidf } from './topic';
import { breakScore, canBeContinuation, canContinue, DEFAULT_WEIGHTS, joinScore, type Scored, type Weights } from './score';
import { bestPath, pathsOf } from './decode';
import { assignSuccessors } from './assignment';
import type {
  ArticleSuggestion, Continuation, FragmentSuggestion, OpenEnd, PlacementItem, RoleSuggestion, SuggestOptions, Suggestions,
} from './types';

/** Default threshold for "confident" decisions, calibrated on the corpus dev set (bench/suggest.ts). */
export const DEFAULT_MIN_CONFIDENCE = 0.7;

/** Tunables of the decoder; exposed for the benchmark's tuning run, not for the UI. */
export interface EngineParams {
  weights: Weights;
  /** Minimum join score for a mid-sentence link. */
  joinThreshold: number;
  /** Cost of starting an article with a unit that is not a headline, dateline or jump line. */
  orphanStart: number;
  /** Cost of an article ending on a sentence cut mid-way (an open end). */
  openEndCost: number;
  /** Softmax temperature turning score margins into confidences. */
  temperature: number;
}

export const DEFAULT_PARAMS: EngineParams = {
  weights: DEFAULT_WEIGHTS,
  joinThreshold: 0,
  orphanStart: 0.5,
  openEndCost: 2.25,
  temperature: 1.5,
};

const featureCache = new WeakMap<Fragment, { index: number; f: FragFeatures }>();

function featuresOf(frag: Fragment, index: number, model: CharModel): FragFeatures {
  const hit = featureCache.get(frag);
  if (hit && hit.index === index) return hit.f;
  const f = fragmentFeatures(frag, index, model);
  featureCache.set(frag, { index, f });
  return f;
}

/** A run of fragments that stays together: a chain of mid-sentence joins, a heading group or an existing article. */
interface Unit {
  ids: number[];
  /** join flag of each item after the first, relative to the item before it. */
  joins: boolean[];
  linkConf: number[];
  linkReasons: string[][];
  articleId: string | null;
  fixedCount: number;
}

/**
 * Suggests roles, articles, order, joins and open ends for the pages of an issue. Pure and deterministic.
 * Fragments the proofreader already placed are hard constraints: each existing article keeps its items, order
 * and joins, and may only be extended at its end; only unassigned (pool) fragments are placed.
 */
export function suggest(issue: Issue, options: SuggestOptions = {}, params: EngineParams = DEFAULT_PARAMS, model: CharModel = bundledModel()): Suggestions {
  const t0 = now();
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const pages = issue.pages.filter((p) => !options.pageIds || options.pageIds.includes(p.id));
  const discarded = new Set(issue.discarded);
  const forbidden = new Set((options.constraints?.forbidLinks ?? []).map((l) => `${l.from}\u0000${l.to}`));
  const articleOf = new Map<string, { articleId: string; index: number }>();
  if (!options.includePlaced) for (const a of issue.articles) a.items.forEach((it, index) => articleOf.set(it.id, { articleId: a.id, index }));

  // Fragment table over all considered pages.
  const F: FragFeatures[] = [];
  const roles: RoleSuggestion[] = [];
  for (const page of pages) {
    const frags = page.fragments.filter((f) => !discarded.has(f.id));
    const feats = frags.map((f, i) => featuresOf(f, i, model));
    F.push(...feats);
    roles.push(...classifyRoles(feats));
  }
  const n = F.length;
  const idx = new Map(F.map((f, i) => [f.id, i]));
  const heading = F.map((f, i) => (isHeading(f) && roles[i].role !== 'subhead') || !!f.jumpFrom);
  const side = F.map((f) => !!(f.caption || f.credit || f.furniture));
  const cache = buildPageCache(F.map((f) => f.text));
  const topicF = cosineMatrix(tfidf(F.map((f) => terms(f.text, f.cjk))));
  const placedArr = F.map((f) => articleOf.has(f.id));
  const tailArr = F.map((f) => {
    const at = articleOf.get(f.id);
    return !!at && at.index === issue.articles.find((a) => a.id === at.articleId)!.items.length - 1;
  });
  const placed = (i: number) => placedArr[i];
  const isFixedTail = (i: number) => tailArr[i];
  const allowed = (i: number, j: number) => i !== j && F[i].page === F[j].page && (forbidden.size === 0 || !forbidden.has(`${F[i].id}\u0000${F[j].id}`));

  // Stage 1: mid-sentence joins between fragments.
  const J: Scored[] = new Array(n * n);
  for (let i = 0; i < n; i++) {
    if (!canContinue(F[i]) || side[i] || (placed(i) && !isFixedTail(i))) continue;
    for (let j = 0; j < n; j++) {
      if (!allowed(i, j) || placed(j) || side[j] || heading[j] || !canBeContinuation(F[j])) continue;
      J[i * n + j] = joinScore(F[i], F[j], topicF[i * n + j], model, cache, params.weights);
    }
  }
  const jScore = (i: number, j: number) => J[i * n + j]?.score ?? -Infinity;
  const s1 = assignSuccessors(n, (i, j) => jScore(i, j), params.joinThreshold);

  // Units: join chains, heading groups (consecutive headings in source order) and existing articles.
  const unitOf = new Int32Array(n).fill(-1);
  const units: Unit[] = [];
  const addUnit = (u: Unit) => { u.ids.forEach((i) => { unitOf[i] = units.length; }); units.push(u); };
  for (const a of issue.articles) {
    if (options.includePlaced) break;
    const ids = a.items.map((it) => idx.get(it.id)).filter((i): i is number => i !== undefined);
    if (!ids.length) continue;
    addUnit({ ids, joins: a.items.slice(1).map((it) => it.join), linkConf: ids.slice(1).map(() => 1), linkReasons: ids.slice(1).map(() => []), articleId: a.id, fixedCount: ids.length });
  }
  for (const path of pathsOf(s1.succ, s1.pred)) {
    if (unitOf[path[0]] >= 0) {
      // Continuation of an existing article's tail.
      const u = units[unitOf[path[0]]];
      for (const k of path.slice(1)) { u.ids.push(k); u.joins.push(true); u.linkConf.push(0); u.linkReasons.push([]); unitOf[k] = unitOf[path[0]]; }
      continue;
    }
    if (path.some((k) => unitOf[k] >= 0)) continue;
    if (path.length === 1 && heading[path[0]]) continue;
    addUnit({ ids: path, joins: path.slice(1).map(() => true), linkConf: path.slice(1).map(() => 0), linkReasons: path.slice(1).map(() => []), articleId: null, fixedCount: 0 });
  }
  // Heading groups: consecutive heading fragments in source order form one unit.
  for (let i = 0; i < n; i++) {
    if (unitOf[i] >= 0 || !heading[i]) continue;
    const ids = [i];
    while (ids[ids.length - 1] + 1 < n && heading[ids[ids.length - 1] + 1] && unitOf[ids[ids.length - 1] + 1] < 0
      && F[ids[ids.length - 1] + 1].page === F[i].page && !F[ids[ids.length - 1] + 1].jumpFrom && roles[ids[ids.length - 1] + 1].role !== 'subhead') ids.push(ids[ids.length - 1] + 1);
    addUnit({ ids, joins: ids.slice(1).map(() => false), linkConf: ids.slice(1).map(() => 0.9), linkReasons: ids.slice(1).map(() => ['heading group']), articleId: null, fixedCount: 0 });
  }
  // Join confidences inside units (competition among A's and B's alternatives).
  const joinConf = (i: number, j: number) => {
    let alt = 0;
    for (let k = 0; k < n; k++) {
      if (k !== j) alt = Math.max(alt, jScore(i, k) - params.joinThreshold);
      if (k !== i) alt = Math.max(alt, jScore(k, j) - params.joinThreshold);
    }
    return sigmoid((jScore(i, j) - params.joinThreshold - alt) / params.temperature);
  };
  for (const u of units) {
    for (let k = 1; k < u.ids.length; k++) {
      if (k < u.fixedCount) { u.linkConf[k - 1] = 1; continue; }
      if (u.joins[k - 1]) {
        u.linkConf[k - 1] = joinConf(u.ids[k - 1], u.ids[k]);
        u.linkReasons[k - 1] = J[u.ids[k - 1] * n + u.ids[k]]?.reasons ?? [];
      }
    }
  }

  // Stage 2: paragraph order and grouping between units.
  const bodyUnits = units.map((u, k) => k).filter((k) => !side[units[k].ids[0]]);
  const m = units.length;
  const topicU = cosineMatrix(tfidf(units.map((u) => u.ids.flatMap((i) => terms(F[i].text, F[i].cjk)))));
  const uHead = (u: Unit) => u.ids[0];
  const uTail = (u: Unit) => u.ids[u.ids.length - 1];
  const isStart = (u: Unit) => u.articleId !== null || heading[uHead(u)] || !!F[uHead(u)].dateline;
  const L: Array<{ score: number; reasons: string[]; join: boolean } | undefined> = new Array(m * m);
  for (const a of bodyUnits) {
    const ua = units[a];
    const t = uTail(ua);
    if (placed(t) && !isFixedTail(t)) continue;
    for (const b of bodyUnits) {
      const ub = units[b];
      const h = uHead(ub);
      if (a === b || ub.articleId !== null || !allowed(t, h)) continue;
      const adjacency = adjacencyOf(F, unitOf, a, t, h, ub);
      const br = breakScore(F[t], heading[t], F[h], heading[h], topicU[a * m + b], adjacency, params.weights);
      const jn = J[t * n + h];
      if (jn && jn.score > br.score) L[a * m + b] = { score: jn.score, reasons: jn.reasons, join: true };
      else L[a * m + b] = { score: br.score, reasons: br.reasons, join: false };
    }
  }
  const link = (a: number, b: number) => L[a * m + b]?.score ?? -Infinity;
  const startCost = (a: number) => (isStart(units[a]) ? 0 : params.orphanStart);
  const endCost = (a: number) => {
    const t = uTail(units[a]);
    if (heading[t] && units[a].articleId === null) return 6;
    return canContinue(F[t]) ? params.openEndCost : 0.5;
  };
  const s2 = assignSuccessors(m, (a, b) => link(a, b) + endCost(a) + startCost(b), 0);
  let groups = pathsOf(s2.succ, s2.pred).filter((g) => !side[units[g[0]].ids[0]]);
  // Orphan groups (no headline, dateline or existing article at their head) join the group they fit best.
  const starts = groups.filter((g) => isStart(units[g[0]]));
  if (starts.length) {
    const orphans = groups.filter((g) => !isStart(units[g[0]]));
    for (const o of orphans) {
      let best = -1;
      let bestScore = -Infinity;
      for (let gi = 0; gi < starts.length; gi++) {
        const g = starts[gi];
        for (const a of g) {
          const s = link(a, o[0]);
          if (s > bestScore) { bestScore = s; best = gi; }
        }
      }
      if (best >= 0) starts[best] = [...starts[best], ...o];
    }
    groups = starts;
  }
  // Exact or local-search order inside each group.
  groups = groups.map((g) => bestPath({ nodes: g, link, start: startCost, end: endCost }, g));

  // Captions and credits go to the group of the nearest body fragment before them in source order.
  const groupOfUnit = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((u) => groupOfUnit.set(u, gi)));
  const sideItems = new Map<number, number[]>();
  for (let k = 0; k < m; k++) {
    if (!side[units[k].ids[0]]) continue;
    const i = units[k].ids[0];
    if (placed(i)) continue;
    let target = -1;
    for (let p = i - 1; p >= 0 && F[p].page === F[i].page; p--) {
      const g = groupOfUnit.get(unitOf[p]);
      if (g !== undefined && !side[p]) { target = g; break; }
    }
    if (target < 0) continue;
    const list = sideItems.get(target) ?? [];
    list.push(k);
    sideItems.set(target, list);
  }

  // Assemble articles with per-decision confidences.
  const gainOf = (a: number, b: number) => link(a, b) + endCost(a) + startCost(b);
  const linkConf = (a: number, b: number) => {
    let alt = 0;
    for (let k = 0; k < m; k++) {
      if (k !== b && link(a, k) > -Infinity) alt = Math.max(alt, gainOf(a, k));
      if (k !== a && link(k, b) > -Infinity) alt = Math.max(alt, gainOf(k, b));
    }
    return sigmoid((gainOf(a, b) - alt) / params.temperature);
  };
  const articles: ArticleSuggestion[] = [];
  groups.forEach((g, gi) => {
    const items: PlacementItem[] = [];
    const push = (i: number, join: boolean, confidence: number, reasons: string[], fixed: boolean) => {
      items.push({ id: F[i].id, join, confidence: round(confidence), confident: !fixed && confidence >= minConfidence, fixed, reasons });
    };
    g.forEach((uk, pos) => {
      const u = units[uk];
      if (pos === 0) {
        const first = u.ids[0];
        const conf = u.articleId ? 1 : heading[first] ? roles[first].confidence : F[first].dateline ? 0.8 : 0.3;
        push(first, false, conf, [u.articleId ? 'placed by you' : heading[first] ? `starts an article (${roles[first].role})` : F[first].dateline ? 'lead paragraph with a dateline' : 'no headline found for this text'], u.fixedCount > 0);
      } else {
        const prev = g[pos - 1];
        const l = L[prev * m + uk]!;
        push(u.ids[0], l.join, linkConf(prev, uk), l.reasons, false);
      }
      for (let k = 1; k < u.ids.length; k++) push(u.ids[k], u.joins[k - 1], u.linkConf[k - 1], u.linkReasons[k - 1], k < u.fixedCount);
    });
    for (const sk of sideItems.get(gi) ?? []) {
      const i = units[sk].ids[0];
      push(i, false, roles[i].confidence * 0.9, [`${roles[i].reason}; placed after the nearest text above it`], false);
    }
    const sugg = items.filter((it) => !it.fixed);
    if (!sugg.length) return;
    const u0 = units[g[0]];
    articles.push({
      articleId: u0.articleId,
      title: u0.articleId ? issue.articles.find((a) => a.id === u0.articleId)?.title ?? titleOf(F, u0.ids, roles) : titleOf(F, u0.ids, roles),
      items,
      confidence: round(sugg.reduce((s, it) => s + it.confidence, 0) / sugg.length),
    });
  });

  // Per-fragment candidates (top 3) and open ends.
  const successorJoin = new Map<string, boolean>();
  for (const a of articles) a.items.forEach((it, k) => { if (k > 0) successorJoin.set(a.items[k - 1].id, it.join); });
  const fragments: Record<string, FragmentSuggestion> = {};
  const openEnds: OpenEnd[] = [];
  for (let i = 0; i < n; i++) {
    const cands: Continuation[] = [];
    if (!side[i]) {
      for (let j = 0; j < n; j++) {
        if (!allowed(i, j) || side[j]) continue;
        const jn = J[i * n + j];
        const ua = unitOf[i];
        const ub = unitOf[j];
        const viaUnits = ua >= 0 && ub >= 0 && uTail(units[ua]) === i && uHead(units[ub]) === j ? L[ua * m + ub] : undefined;
        let best: Continuation | null = null;
        if (jn) best = { id: F[j].id, score: jn.score, probability: 0, join: true, reasons: jn.reasons };
        if (viaUnits && (!best || viaUnits.score > best.score)) best = { id: F[j].id, score: viaUnits.score, probability: 0, join: viaUnits.join, reasons: viaUnits.reasons };
        if (!best && F[j].index === F[i].index + 1 && F[j].page === F[i].page) best = { id: F[j].id, score: -1, probability: 0, join: false, reasons: ['next in extraction order'] };
        if (best) cands.push(best);
      }
      cands.sort((x, y) => y.score - x.score || (idx.get(x.id)! - idx.get(y.id)!));
      const lse = logSumExp([0, ...cands.map((c) => c.score / params.temperature)]);
      for (const c of cands.slice(0, 3)) c.probability = round(Math.exp(c.score / params.temperature - lse));
    }
    fragments[F[i].id] = { id: F[i].id, page: F[i].page, role: roles[i], complete: F[i].complete || heading[i], candidates: cands.slice(0, 3) };
    if (canContinue(F[i]) && F[i].lastLine !== 'short' && !side[i] && successorJoin.get(F[i].id) !== true && !(placed(i) && !isFixedTail(i))) {
      const best = cands.find((c) => c.join);
      openEnds.push({ id: F[i].id, reason: `cut mid-sentence (…${F[i].rawTail}) with no convincing continuation on this page${best ? `; best guess ${best.id} is too weak` : ''}` });
    }
  }
  return { fragments, articles, openEnds, minConfidence, stats: { fragments: n, ms: round(now() - t0) } };
}

/** Extraction-order adjacency between unit a (ending in t) and unit b (starting at h): ±1 when nothing else lies between. */
function adjacencyOf(F: FragFeatures[], unitOf: Int32Array, a: number, t: number, h: number, _ub: Unit): number {
  if (F[t].page !== F[h].page) return 0;
  const step = h > t ? 1 : -1;
  for (let k = t + step; k !== h; k += step) {
    if (unitOf[k] !== a) return h > t ? Math.min(99, h - t) : Math.max(-99, h - t);
  }
  return step;
}

function titleOf(F: FragFeatures[], ids: number[], roles: RoleSuggestion[]): string {
  const hl = ids.find((i) => roles[i].role === 'headline');
  const t = F[hl ?? ids[0]].text;
  return [...t].length > 40 ? `${[...t].slice(0, 40).join('')}…` : t;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function logSumExp(xs: number[]): number {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  let z = 0;
  for (const x of xs) z += Math.exp(x - max);
  return max + Math.log(z);
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
