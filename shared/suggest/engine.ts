import type { Fragment, Issue } from '../model/types';
import { bundledModel } from './model';
import type { CharModel } from './lm';
import { fragmentFeatures, type FragFeatures } from './features';
import { ambiguousHeadingPair, peerHeadings } from './roles';
import { buildPageCache, type PageCache } from './page-cache';
import { cosineMatrix, terms, tfidf } from './topic';
import { breakScore, canContinue, DEFAULT_WEIGHTS, joinScore, sourceOrderPrior, type Weights } from './score';
import { bestPath, pathsOf } from './decode';
import { assignSuccessors } from './assignment';
import { regroup } from './regroup';
import { strideConsistency } from './stride';
import { APART_END, APART_START, bandPosteriors, isLineBlock } from './bands';
import { cutToScope, jumpScope, linkJumps } from './jumps';
import { pairColumns, placeJumpLines, START_CONFIDENCE, startReason } from './article-starts';
import { pageSignals } from './page-signals';
import { joinTable } from './join-stage';
import { calibrate, CALIBRATED_MIN_CONFIDENCE, logit, type DecisionKind } from './calibration';
import { layoutArticles } from './layout-reading';
import type {
  ArticleSuggestion,
  Continuation,
  FragmentSuggestion,
  OpenEnd,
  PlacementItem,
  RoleSuggestion,
  SuggestOptions,
  Suggestions,
} from './types';

/**
 * Default threshold for "confident" decisions, on the calibrated confidences: the lowest at which the links of the
 * calibration split reach the target precision (scripts/fit-link-scorer.ts writes it with the model; the history
 * of the threshold is in docs/suggestions.md).
 */
export const DEFAULT_MIN_CONFIDENCE = CALIBRATED_MIN_CONFIDENCE;

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
  /** Joins below this confidence do not glue fragments into units before grouping. */
  unitJoinConfidence: number;
  /** A cut fragment whose continuation is less certain than this is flagged as an open end (0.1: on the tuning
   * pages 0.5 flagged 61 for 13 true ones, 0.1 flagged 34 with the same recall). */
  openEndConfidence: number;
  /** Weights of the grouping refinement (null: off). */
  regroup: { topic: number; neighbour: number; link: number } | null;
  /** Bonus for a join whose source-order offset agrees with the links of its neighbours (0: off). */
  stride: number;
  /** How many positions either side vote on the local offset. */
  strideWindow: number;
  /** The same bonus for a paragraph break between units (a new paragraph in the same narrow column). */
  strideBreak: number;
  /** Weight of the first-line indent against a join into B (B opens a paragraph) or for it (B continues one). */
  indentJoin: number;
  /** Weight of the first-line indent for a paragraph break before B. */
  indentBreak: number;
  /**
   * One-line blocks at most this many places apart get the text evidence of the seam (character model, jieba)
   * even when neither is among the other's best candidates: the band parser compares whole readings, column feet
   * included, and a link without its text evidence is a blind guess in them. 0: off. On the tuning part 12, 20, 30
   * and 56 gave 0.802, 0.805, 0.805 and 0.805 successor (0.797 off): the smallest window with the whole gain.
   */
  lineWindow: number;
  /** Bonus (× posterior) for a link the band parser reads inside interleaved columns (bands.ts; 0: off)… */
  bandParse: number;
  /** …when its posterior is at least this. */
  bandMin: number;
  /**
   * Mode G: a page whose fragments (≥ 90%) have boxes is read in XY-cut order instead of file order, so every
   * source-order prior follows the printed reading order (xycut.ts). Default on; false for the benchmark's
   * before/after.
   */
  xycut?: boolean;
  /** false: confidences stay raw (the fitting script reads them so); default calibrated (calibration.ts). */
  calibrated?: boolean;
  /** Called with every suggested decision's features (the fitting script's view of the engine). */
  trace?: (d: DecisionTrace) => void;
  /** Pages with boxes and heading ranks from type size are read by their layout (layout-reading.ts). Default on. */
  layoutReading?: boolean;
}

/** One decision of the whole reading as the calibration sees it: `prev` is the item before (null: a start). */
export interface DecisionTrace {
  page: string;
  id: string;
  prev: string | null;
  join: boolean;
  kind: DecisionKind;
  x: number[];
}

export const DEFAULT_PARAMS: EngineParams = {
  weights: DEFAULT_WEIGHTS,
  joinThreshold: 1,
  orphanStart: 0.5,
  openEndCost: 2.25,
  temperature: 1.5,
  unitJoinConfidence: 0.6,
  openEndConfidence: 0.1,
  regroup: { topic: 12, neighbour: 0.75, link: 0.3 },
  stride: 3,
  strideWindow: 6,
  strideBreak: 3,
  bandParse: 3,
  bandMin: 0.7,
  lineWindow: 20,
  indentJoin: 2.5,
  indentBreak: 2.5,
};

const featureCache = new WeakMap<Fragment, { index: number; f: FragFeatures }>();
/**
 * The same features by content: the Web Worker receives a structured clone of the issue with every request, so the
 * object cache above never hits there, and each live re-solve would compute every fragment's features again.
 * Per model; cleared when it grows past CONTENT_CACHE_MAX entries (edited texts leave old keys behind): about
 * 1.4 kB a fragment, so at most ≈ 30 MB, and a 100-page issue (≈ 10,000 fragments) fits.
 */
const contentCache = new WeakMap<CharModel, Map<string, FragFeatures>>();
const CONTENT_CACHE_MAX = 20_000;

function featuresOf(frag: Fragment, index: number, model: CharModel): FragFeatures {
  const hit = featureCache.get(frag);
  if (hit && hit.index === index) return hit.f;
  let byContent = contentCache.get(model);
  if (!byContent) contentCache.set(model, (byContent = new Map()));
  const b = frag.box;
  const key = `${frag.page}\u0000${frag.id}\u0000${index}\u0000${frag.hint ?? ''}\u0000${b ? `${b.x},${b.y},${b.w},${b.h}` : ''}\u0000${frag.text}`;
  let f = byContent.get(key);
  if (!f) {
    f = fragmentFeatures(frag, index, model);
    if (byContent.size >= CONTENT_CACHE_MAX) byContent.clear();
    byContent.set(key, f);
  }
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
export function suggest(
  issue: Issue,
  options: SuggestOptions = {},
  params: EngineParams = DEFAULT_PARAMS,
  model: CharModel = bundledModel(),
): Suggestions {
  const t0 = now();
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  // A page's jump lines widen the solve to the pages they name (jumps.ts `jumpScope`); the answer is cut back after.
  const widened = jumpScope(issue, options.pageIds);
  const pages = issue.pages.filter((p) => widened.pageIds.has(p.id));
  // One page at a time: every link the page pass makes stays on its page, so solving pages apart gives the same
  // decisions with n² tables per page instead of per issue (a 100-page issue would need gigabytes otherwise).
  const ctx: IssueContext = {
    discarded: new Set(issue.discarded),
    forbidden: forbiddenPairs(issue, options),
    articleOf: new Map(),
  };
  if (!options.includePlaced)
    for (const a of issue.articles)
      a.items.forEach((it, index) =>
        ctx.articleOf.set(it.id, { articleId: a.id, index, last: index === a.items.length - 1 }),
      );
  const parts = pages.map((page) =>
    withLayoutReading(
      page,
      solvePage(issue, page, ctx, options, minConfidence, params, model),
      ctx,
      minConfidence,
      params,
    ),
  );
  const F = parts.flatMap((p) => p.F);
  const roles = parts.flatMap((p) => p.roles);
  const merged: Suggestions = {
    fragments: Object.assign({}, ...parts.map((p) => p.result.fragments)),
    articles: parts.flatMap((p) => p.result.articles),
    openEnds: parts.flatMap((p) => p.result.openEnds),
    minConfidence,
    stats: { fragments: F.length, ms: 0 },
  };
  const { forbidden } = ctx;
  let cache: PageCache | null = null;
  // --- Issue-level pass (jumps.ts): an article opening with a jump line (上接第X版) joins its source on page X.
  const linked = linkJumps(merged, {
    issue,
    frags: F,
    roles,
    includePlaced: !!options.includePlaced,
    openEndConfidence: params.openEndConfidence,
    forbidden: (a, b) => forbidden.has(`${a}\u0000${b}`),
    join: (a, b) =>
      joinScore(a, b, 0, model, (cache ??= buildPageCache(F.map((f) => f.text))), params.weights, true, true),
    features: (f) => featuresOf(f, -1, model),
  });
  // --- end of the jump pass.
  const pageOf = new Map(F.map((f) => [f.id, f.page]));
  const cut = cutToScope(linked, widened.scope, (id) => pageOf.get(id) ?? '');
  return { ...cut, stats: { fragments: F.length, ms: round(now() - t0) } };
}

/**
 * Pages whose file gives every block's place and type size are read by their layout (layout-reading.ts): the
 * engine's articles of such a page are replaced by the geometric reading, keeping the engine's decisions where they
 * agree with it. Pages with placed fragments keep the engine's reading.
 */
function withLayoutReading<P extends { result: Suggestions }>(
  page: Issue['pages'][number],
  part: P,
  ctx: IssueContext,
  minConfidence: number,
  params: EngineParams,
): P {
  if (params.layoutReading === false) return part;
  const articles = layoutArticles(
    page.fragments.filter((f) => !ctx.discarded.has(f.id)),
    part.result,
    {
      placed: (id) => ctx.articleOf.has(id),
      forbidden: (a, b) => ctx.forbidden.has(`${a}\u0000${b}`),
      minConfidence,
    },
  );
  return articles ? { ...part, result: { ...part.result, articles } } : part;
}

/** What every page pass shares, built once per run (not once per page). */
interface IssueContext {
  discarded: Set<string>;
  /** `from\u0000to` links the proofreader rejected. */
  forbidden: Set<string>;
  /** Placed fragments: their article, position, and whether they are its last item. */
  articleOf: Map<string, { articleId: string; index: number; last: boolean }>;
}

/** The page pass: roles, joins, units, grouping, order, confidences and open ends of one page. */
function solvePage(
  issue: Issue,
  page: Issue['pages'][number],
  ctx: IssueContext,
  options: SuggestOptions,
  minConfidence: number,
  params: EngineParams,
  model: CharModel,
): { result: Suggestions; F: FragFeatures[]; roles: RoleSuggestion[] } {
  const { forbidden, articleOf } = ctx;
  // Fragment table of the page, in reading order.
  const kept = page.fragments.filter((f) => !ctx.discarded.has(f.id));
  // Stage 0, signals (page-signals.ts): features, roles, headings, side items, page statistics, topics, indents.
  const signals = pageSignals(kept, (f, i) => featuresOf(f, i, model), params.xycut !== false);
  const { F, roles, heading, side, cache, topicF, indent, artStarts } = signals;
  const n = F.length;
  const idx = new Map(F.map((f, i) => [f.id, i]));
  const placedArr = F.map((f) => articleOf.has(f.id));
  const tailArr = F.map((f) => !!articleOf.get(f.id)?.last);
  const placed = (i: number) => placedArr[i];
  const isFixedTail = (i: number) => tailArr[i];
  // Two headlines side by side (article-starts.ts): the lines under them alternate between the two articles, and
  // neither reads back up the run (a column foot going on at the next column's top is one article's band).
  const pairCols = pairColumns(F, artStarts.sideBySide, (i) => !heading[i] && !side[i] && F[i].lineWidths.length <= 1);
  const runOf = new Map(artStarts.sideBySide.flatMap((heads) => heads.map((h) => [h, heads[0]] as const)));
  const pairRun = new Int32Array(n).fill(-1);
  for (const [i, h] of pairCols) pairRun[i] = runOf.get(h)!;
  const allowed = (i: number, j: number) =>
    i !== j && F[i].page === F[j].page && (forbidden.size === 0 || !forbidden.has(`${F[i].id}\u0000${F[j].id}`));
  const backInPair = (i: number, j: number) => j < i && pairRun[i] >= 0 && pairRun[i] === pairRun[j];

  // Stage 1, joins (join-stage.ts): the mid-sentence join score of every allowed pair.
  const { JS } = joinTable(signals, params, model, {
    placed,
    isFixedTail,
    allowed,
    backCost: (i, j) => (backInPair(i, j) ? PAIR_BACK_COST : 0),
  });
  const jReasons = new Map<number, string[]>();
  const J = {
    has: (k: number) => JS[k] > -Infinity,
    reasons: (k: number): string[] => {
      let r = jReasons.get(k);
      if (!r) {
        const i = Math.floor(k / n);
        r = joinScore(F[i], F[k % n], topicF[k], model, cache, params.weights, true, true).reasons;
        if (indent[k % n] < -0.5) r.push('B’s first line fills the column: it continues a paragraph');
        const column = columnReason(Math.floor(k / n), k % n);
        if (column) r.push(column);
        jReasons.set(k, r);
      }
      return r;
    },
  };
  // Bands of interleaved narrow columns, read whole (bands.ts): a link that the band readings agree on (posterior
  // ≥ bandMin) between two lines that are read inside a band gets a bonus by its posterior, in both stages.
  const bands =
    params.bandParse > 0
      ? bandPosteriors(
          n,
          F,
          (i, j) => {
            if (!allowed(i, j)) return -Infinity;
            const brk =
              F[i].complete && !heading[j] && !F[j].startsProhibited ? params.indentBreak * indent[j] : -Infinity;
            // The parse is itself the positional model: the source-order priors in the join score would bias it.
            return Math.max(JS[i * n + j] - sourceOrderPrior(j - i, params.weights), brk);
          },
          (i) => !side[i] && !heading[i] && roles[i].role !== 'byline',
          // Lines an extractor may set apart from a column's full lines: paragraph ends and indented paragraph starts.
          (i) => (F[i].complete ? APART_END : 0) | (indent[i] > 0.5 ? APART_START : 0),
        )
      : null;
  const bandBonusOf = (i: number, j: number): number => {
    if (!bands || bands.inBand[i] < 0.5 || bands.inBand[j] < 0.5) return 0;
    const p = bands.prob(i, j);
    return p >= params.bandMin ? params.bandParse * p : 0;
  };
  if (bands) {
    for (let i = 0; i < n; i++) {
      if (bands.inBand[i] < 0.5) continue;
      for (let j = 0; j < n; j++) {
        const bb = bandBonusOf(i, j);
        if (bb > 0 && JS[i * n + j] > -Infinity) JS[i * n + j] += bb;
      }
    }
  }
  const strideShare = params.stride > 0 ? strideConsistency(n, JS, F, params).share : () => 0;
  /** Why a link follows the column layout (interleaved bands, set-apart lines), if it does. */
  const columnReason = (a: number, b: number) => {
    const band = bandBonusOf(a, b) > 0;
    // Only for the links that leave source order: a column's full lines in a row read on as extracted.
    if (band && b !== a + 1 && bands!.merged(a, b) >= 0.5 * bands!.prob(a, b))
      return 'set-apart lines: this column’s paragraph starts and ends came after its full lines, last first';
    if (b - a >= 2 && (band || strideShare(a, b - a) >= 0.5))
      return `interleaved columns: each line continues ${b - a} places on`;
    return band && b < a ? 'interleaved columns: the foot of one column goes on at the top of the next' : null;
  };
  const jScore = (i: number, j: number) => JS[i * n + j];
  const joinConf = (i: number, j: number) => {
    let alt = 0;
    for (let k = 0; k < n; k++) {
      if (k !== j) alt = Math.max(alt, jScore(i, k) - params.joinThreshold);
      if (k !== i) alt = Math.max(alt, jScore(k, j) - params.joinThreshold);
    }
    return sigmoid((jScore(i, j) - params.joinThreshold - alt) / params.temperature);
  };
  const s1 = assignSuccessors(n, (i, j) => jScore(i, j), params.joinThreshold);
  // Only clear joins make units; doubtful ones are decided again between units, where grouping can overrule them.
  for (let i = 0; i < n; i++) {
    const j = s1.succ[i];
    if (j >= 0 && joinConf(i, j) < params.unitJoinConfidence) {
      s1.succ[i] = -1;
      s1.pred[j] = -1;
    }
  }

  // Units: join chains, heading groups (consecutive headings in source order) and existing articles.
  const unitOf = new Int32Array(n).fill(-1);
  const units: Unit[] = [];
  const addUnit = (u: Unit) => {
    u.ids.forEach((i) => {
      unitOf[i] = units.length;
    });
    units.push(u);
  };
  for (const a of issue.articles) {
    if (options.includePlaced) break;
    const ids = a.items.map((it) => idx.get(it.id)).filter((i): i is number => i !== undefined);
    if (!ids.length) continue;
    addUnit({
      ids,
      joins: a.items.slice(1).map((it) => it.join),
      linkConf: ids.slice(1).map(() => 1),
      linkReasons: ids.slice(1).map(() => []),
      articleId: a.id,
      fixedCount: ids.length,
    });
  }
  for (const path of pathsOf(s1.succ, s1.pred)) {
    if (unitOf[path[0]] >= 0) {
      // Continuation of an existing article's tail.
      const u = units[unitOf[path[0]]];
      for (const k of path.slice(1)) {
        u.ids.push(k);
        u.joins.push(true);
        u.linkConf.push(0);
        u.linkReasons.push([]);
        unitOf[k] = unitOf[path[0]];
      }
      continue;
    }
    if (path.some((k) => unitOf[k] >= 0)) continue;
    if (path.length === 1 && heading[path[0]]) continue;
    addUnit({
      ids: path,
      joins: path.slice(1).map(() => true),
      linkConf: path.slice(1).map(() => 0),
      linkReasons: path.slice(1).map(() => []),
      articleId: null,
      fixedCount: 0,
    });
  }
  // Heading groups: consecutive heading fragments in source order form one unit.
  for (let i = 0; i < n; i++) {
    if (unitOf[i] >= 0 || !heading[i]) continue;
    const ids = [i];
    while (
      ids[ids.length - 1] + 1 < n &&
      heading[ids[ids.length - 1] + 1] &&
      unitOf[ids[ids.length - 1] + 1] < 0 &&
      F[ids[ids.length - 1] + 1].page === F[i].page &&
      !F[ids[ids.length - 1] + 1].jumpFrom &&
      roles[ids[ids.length - 1] + 1].role !== 'subhead' &&
      !artStarts.splitAfter[ids[ids.length - 1]] &&
      !peerHeadings(F[ids[ids.length - 1]], F[ids[ids.length - 1] + 1])
    )
      ids.push(ids[ids.length - 1] + 1);
    // As sure as its less sure heading: lines known as headings by their setting alone join unconfidently, and so
    // do two unmarked headline-shaped lines (a kicker and its headline, or two articles' headlines side by side).
    const groupConf = (k: number) =>
      Math.min(roles[ids[k]].confidence, roles[ids[k + 1]].confidence) >= 0.7 &&
      !ambiguousHeadingPair(F[ids[k]], F[ids[k + 1]])
        ? 0.9
        : 0.6;
    addUnit({
      ids,
      joins: ids.slice(1).map(() => false),
      linkConf: ids.slice(1).map((_, k) => groupConf(k)),
      linkReasons: ids.slice(1).map(() => ['heading group']),
      articleId: null,
      fixedCount: 0,
    });
  }
  // Links as plain as print makes them, between two blocks several lines deep (not slivers of narrow columns) that
  // follow each other in source order. A break: A ends a sentence, B opens with an indented line. A join: A's last
  // printed line runs to the column foot, B's first fills the column. The margin model rates many of them low (any
  // other paragraph start, any other cut block is an alternative), yet on the practice pages they were right but
  // once: breaks tuning 44/44, held out 23/23, ECPO 4/4; joins not yet confident 39/39, 47/48, 34/34. So their
  // confidence is at least that observed precision.
  const plainPair = (t: number, h: number) =>
    h === t + 1 &&
    F[t].page === F[h].page &&
    !heading[t] &&
    !heading[h] &&
    F[t].lineWidths.length >= 2 &&
    F[h].lineWidths.length >= 2;
  const plainBreak = (t: number, h: number) => plainPair(t, h) && F[t].complete && indent[h] > 0.5;
  const plainJoin = (t: number, h: number) =>
    plainPair(t, h) && !F[t].complete && F[t].lastLine === 'full' && indent[h] < -0.5;
  // Join confidences inside units (competition among A's and B's alternatives).
  for (const u of units) {
    for (let k = 1; k < u.ids.length; k++) {
      if (k < u.fixedCount) {
        u.linkConf[k - 1] = 1;
        continue;
      }
      if (u.joins[k - 1]) {
        u.linkConf[k - 1] = joinConf(u.ids[k - 1], u.ids[k]);
        if (plainJoin(u.ids[k - 1], u.ids[k])) u.linkConf[k - 1] = Math.max(u.linkConf[k - 1], PLAIN_LINK_CONFIDENCE);
        u.linkReasons[k - 1] = J.has(u.ids[k - 1] * n + u.ids[k]) ? J.reasons(u.ids[k - 1] * n + u.ids[k]) : [];
      }
    }
  }

  // Stage 2: paragraph order and grouping between units.
  const bodyUnits = units.map((u, k) => k).filter((k) => !side[units[k].ids[0]]);
  const m = units.length;
  const topicVectors = tfidf(units.map((u) => u.ids.flatMap((i) => terms(F[i].text, F[i].cjk))));
  const topicU = cosineMatrix(topicVectors);
  const uHead = (u: Unit) => u.ids[0];
  const uTail = (u: Unit) => u.ids[u.ids.length - 1];
  const isStart = (u: Unit) =>
    u.articleId !== null || heading[uHead(u)] || !!F[uHead(u)].dateline || artStarts.start[uHead(u)];
  const LS = new Float64Array(m * m).fill(-Infinity);
  const LJ = new Uint8Array(m * m);
  // The band parser's share of each unit link: it decides the order but does not make a link confident.
  const LB = new Float64Array(m * m);
  const adjOf = new Int32Array(m * m);
  for (const a of bodyUnits) {
    const ua = units[a];
    const t = uTail(ua);
    if (placed(t) && !isFixedTail(t)) continue;
    for (const b of bodyUnits) {
      const ub = units[b];
      const h = uHead(ub);
      if (a === b || ub.articleId !== null || !allowed(t, h)) continue;
      const adjacency = adjacencyOf(F, unitOf, a, t, h, ub);
      adjOf[a * m + b] = adjacency;
      const br =
        breakScore(F[t], heading[t], F[h], heading[h], topicU[a * m + b], adjacency, params.weights, false).score +
        params.strideBreak * strideShare(t, h - t) +
        params.indentBreak * indent[h];
      const jn = JS[t * n + h];
      const bandBonus = bandBonusOf(t, h);
      LJ[a * m + b] = jn > br ? 1 : 0;
      LS[a * m + b] =
        Math.max(jn, br) +
        bandBonus -
        (backInPair(t, h) && !(jn > br) ? PAIR_BACK_COST : 0) -
        (artStarts.closes[t] ? PAIR_BACK_COST : 0);
      // The band bonus is in the join score already (stage 1) and again here: both come off for the confidence.
      LB[a * m + b] = bandBonus * (jn > br ? 2 : 1);
    }
  }
  /** A unit link with its reasons (built on demand: only chosen links and shown candidates need them). */
  const L = (a: number, b: number): { score: number; reasons: string[]; join: boolean } | undefined => {
    const k = a * m + b;
    if (LS[k] === -Infinity) return undefined;
    const t = uTail(units[a]);
    const h = uHead(units[b]);
    if (LJ[k]) return { score: LS[k], reasons: J.reasons(t * n + h), join: true };
    const reasons = breakScore(F[t], heading[t], F[h], heading[h], topicU[k], adjOf[k], params.weights, true).reasons;
    if (indent[h] > 0.5) reasons.push('B’s first line is indented: it opens a paragraph');
    const column = columnReason(t, h);
    if (column) reasons.push(column);
    return { score: LS[k], reasons, join: false };
  };
  const link = (a: number, b: number) => LS[a * m + b];
  const startCost = (a: number) => (isStart(units[a]) ? 0 : params.orphanStart);
  const endCost = (a: number) => {
    const t = uTail(units[a]);
    if (heading[t] && units[a].articleId === null) return 6;
    if (artStarts.closes[t]) return 0;
    return canContinue(F[t]) ? params.openEndCost : 0.5;
  };
  // Initial grouping: extraction keeps most of an article together, so each unit starts in the article whose
  // start (headline group, dateline, jump line, existing article) precedes it most closely in source order.
  const order = bodyUnits.slice().sort((a, b) => uHead(units[a]) - uHead(units[b]));
  let groups: number[][] = [];
  let cur: number[] | null = null;
  for (const u of order) {
    // A lead paragraph right after a headline group belongs to that headline's article.
    const leadAfterHeadline =
      !!cur &&
      cur.length === 1 &&
      heading[uHead(units[cur[0]])] &&
      !heading[uHead(units[u])] &&
      units[u].articleId === null;
    if (
      ((isStart(units[u]) || units[u].fixedCount > 0) && !leadAfterHeadline) ||
      !cur ||
      (cur.length && F[uHead(units[cur[0]])].page !== F[uHead(units[u])].page)
    ) {
      cur = [u];
      groups.push(cur);
    } else cur.push(u);
  }
  // Two headlines side by side: each column of the band under them starts in its own headline's article.
  if (pairCols.size) {
    const groupOf = new Map<number, number[]>();
    for (const g of groups) for (const u of g) groupOf.set(u, g);
    for (const [i, h] of pairCols) {
      const u = unitOf[i];
      if (u < 0 || uHead(units[u]) !== i) continue;
      const from = groupOf.get(u);
      const to = groupOf.get(unitOf[h]);
      if (!from || !to || from === to || isStart(units[u]) || units[u].fixedCount > 0) continue;
      // Only between the two headlines' own articles.
      const heads = artStarts.sideBySide.find((hs) => hs[0] === runOf.get(h))!;
      if (!heads.some((o) => groupOf.get(unitOf[o]) === from)) continue;
      from.splice(from.indexOf(u), 1);
      to.push(u);
      groupOf.set(u, to);
    }
    groups = groups.filter((g) => g.length);
  }
  const starts = groups.filter((g) => isStart(units[g[0]]) || units[g[0]].fixedCount > 0);
  const seeds = new Set(starts.map((g) => g[0]));
  // An item closed by its pen name holds what stands between its start and that pen name: those units stay.
  const boxed = new Set<number>();
  for (const g of starts) {
    const closing = g.findIndex((u) => units[u].ids.some((i) => artStarts.closes[i]));
    if (closing > 0) for (const u of g.slice(1, closing + 1)) boxed.add(u);
  }
  const memberConf = new Map<number, number>();
  if (starts.length > 1 && params.regroup) {
    const headOf = new Map<number, number>();
    units.forEach((u, k) => {
      headOf.set(uHead(u), k);
      headOf.set(uTail(u), k);
    });
    const rg = regroup({
      groups,
      isSeed: (u) => seeds.has(u) || boxed.has(u),
      vectors: topicVectors,
      neighbours: (u) => {
        const out: number[] = [];
        // Under two headlines side by side a line's neighbours in its own column stand two places away.
        const step = (i: number) => (pairRun[i] >= 0 ? 2 : 1);
        for (const i of [uHead(units[u]) - step(uHead(units[u])), uTail(units[u]) + step(uTail(units[u]))]) {
          if (i >= 0 && i < n && F[i].page === F[uHead(units[u])].page && unitOf[i] >= 0 && !side[i])
            out.push(unitOf[i]);
        }
        return out;
      },
      link,
      weights: params.regroup,
    });
    groups = rg.groups;
    for (const [u, mg] of rg.margin) memberConf.set(u, sigmoid(mg / params.temperature));
  }
  // Exact or local-search order inside each group; the article's start stays first.
  groups = groups.map((g) => {
    const seed = g.find((u) => seeds.has(u));
    const start = (u: number) => (seed === undefined ? startCost(u) : u === seed ? 0 : 1e6);
    return bestPath(
      { nodes: g, link, start, end: endCost },
      seed === undefined ? g : [seed, ...g.filter((u) => u !== seed)],
    );
  });

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
      if (g !== undefined && !side[p]) {
        target = g;
        break;
      }
    }
    if (target < 0) continue;
    const list = sideItems.get(target) ?? [];
    list.push(k);
    sideItems.set(target, list);
  }

  // Assemble articles with per-decision confidences.
  const gainOf = (a: number, b: number) => link(a, b) - LB[a * m + b] + endCost(a) + startCost(b);
  // Confidence of "b right after a": its margin over the other orders inside the article, times how sure the
  // grouping is that b belongs to this article at all.
  const linkConf = (a: number, b: number, group: number[]) => {
    let alt = 0;
    for (const k of group) {
      if (k !== b && k !== a && link(a, k) > -Infinity) alt = Math.max(alt, gainOf(a, k));
      if (k !== a && k !== b && link(k, b) > -Infinity) alt = Math.max(alt, gainOf(k, b));
    }
    return sigmoid((gainOf(a, b) - alt) / params.temperature) * (memberConf.get(b) ?? 1);
  };
  // A fact of print, kept as a rule: heading lines marked at different levels (a kicker or deck is set in another size
  // than its headline) are one heading group. The practice pages of the calibration split have no such groups (one
  // heading line per article, or peers at one level), so the calibration cannot rate them: their links keep their
  // raw confidence, and the article start counts the group as one heading.
  const printedGroup = (ids: number[]) =>
    ids.length > 1 &&
    ids.every((i) => F[i].headingLevel > 0) &&
    new Set(ids.map((i) => F[i].headingLevel)).size === ids.length;
  // Raw confidences (before calibration) by item: the open-end test below is set on them.
  const rawConf = new Map<string, number>();
  /** Features of the link a → b for the calibration (calibration.ts `LINK_FEATURES`, in that order). */
  const linkX = (
    a: number,
    b: number,
    raw: number,
    join: boolean,
    where: 'between' | 'unit' | 'heading' | 'side',
    plain: boolean,
    member: number | undefined,
    score: number,
    gaps: [number, number],
  ): number[] => {
    const d = F[b].index - F[a].index;
    return [
      1,
      logit(raw),
      where === 'unit' ? 1 : 0,
      where === 'heading' ? 1 : 0,
      where === 'side' ? 1 : 0,
      join ? 1 : 0,
      plain ? 1 : 0,
      d === 1 ? 1 : 0,
      d === 2 || d === 3 ? 1 : 0,
      d < 0 ? 1 : 0,
      Math.log1p(Math.abs(d)) / 3,
      bandBonusOf(a, b) > 0 ? 1 : 0,
      member === undefined ? 0 : logit(member),
      Number.isFinite(score) ? Math.max(-10, Math.min(15, score)) / 5 : 0,
      F[a].complete ? 1 : 0,
      indent[b],
      isLineBlock(F[a]) && isLineBlock(F[b]) ? 1 : 0,
      cache.modernity,
      gaps[0],
      gaps[1],
      bands && bands.inBand[a] >= 0.5 && bands.inBand[b] >= 0.5 ? bands.prob(a, b) : 0,
      where === 'unit' ? logit(raw) : 0,
      where === 'heading' ? logit(raw) : 0,
      where === 'side' ? logit(raw) : 0,
      F[a].headingLevel > 0 && F[b].headingLevel > 0 ? 1 : 0,
      plain && !join ? 1 : 0,
      !join && !F[a].complete ? 1 : 0,
      join && F[a].complete ? 1 : 0,
      F[a].lastLine === 'full' ? 1 : 0,
      F[a].lastLine === 'short' ? 1 : 0,
    ];
  };
  /**
   * How far the link r → c in a score table (size × size) stands above r's best other successor and above c's best
   * other predecessor, in units of 5, clamped to [−2, 2] (2 when there is no alternative).
   */
  const gapsOf = (M: Float64Array, size: number, r: number, c: number): [number, number] => {
    const v = M[r * size + c];
    if (!Number.isFinite(v)) return [0, 0];
    let row = -Infinity;
    let col = -Infinity;
    for (let k = 0; k < size; k++) {
      if (k !== c) row = Math.max(row, M[r * size + k]);
      if (k !== r) col = Math.max(col, M[k * size + c]);
    }
    const g = (alt: number) => (Number.isFinite(alt) ? Math.max(-2, Math.min(2, (v - alt) / 5)) : 2);
    return [g(row), g(col)];
  };
  const articles: ArticleSuggestion[] = [];
  groups.forEach((g, gi) => {
    const items: PlacementItem[] = [];
    /** One decision: its raw confidence is calibrated (calibration.ts) from the features `x` of its kind. */
    const push = (
      i: number,
      join: boolean,
      raw: number,
      reasons: string[],
      fixed: boolean,
      kind: DecisionKind,
      x: number[],
      printed = false,
    ) => {
      rawConf.set(F[i].id, fixed ? 1 : raw);
      if (!fixed) params.trace?.({ page: page.id, id: F[i].id, prev: items.at(-1)?.id ?? null, join, kind, x });
      const confidence = fixed || printed ? raw : params.calibrated === false ? raw : calibrate(kind, x);
      items.push({
        id: F[i].id,
        join,
        confidence: round(confidence),
        confident: !fixed && confidence >= minConfidence,
        fixed,
        reasons,
      });
    };
    g.forEach((uk, pos) => {
      const u = units[uk];
      if (pos === 0) {
        const first = u.ids[0];
        // A heading group starts an article as surely as its surest line is a heading (a kicker above a headline).
        const headingConf = Math.max(...u.ids.filter((i) => heading[i]).map((i) => roles[i].confidence), 0);
        const conf = u.articleId
          ? 1
          : heading[first]
            ? headingConf
            : F[first].dateline
              ? 0.8
              : artStarts.start[first]
                ? START_CONFIDENCE
                : 0.3;
        const startX = [
          1,
          logit(conf),
          heading[first] ? 1 : 0,
          !heading[first] && F[first].dateline ? 1 : 0,
          !heading[first] && !F[first].dateline ? 1 : 0,
          u.ids.filter((i) => heading[i]).length > 1 && !printedGroup(u.ids) ? 1 : 0,
          g.length === 1 ? 1 : 0,
          F[first].headingLevel > 0 ? 1 : 0,
          u.linkConf.length && !printedGroup(u.ids) ? logit(Math.min(...u.linkConf)) : 0,
        ];
        push(
          first,
          false,
          conf,
          [
            u.articleId
              ? 'placed by you'
              : heading[first]
                ? `starts an article (${roles[first].role})`
                : F[first].dateline
                  ? 'lead paragraph with a dateline'
                  : artStarts.start[first]
                    ? startReason(F[first])
                    : 'no headline found for this text',
          ],
          u.fixedCount > 0,
          'start',
          startX,
        );
      } else {
        const prev = g[pos - 1];
        // With many links forbidden (confirmed links forbid every competitor) a group can have no allowed order
        // left; the decoder then still returns one, and such a link is shown as a doubt, never as a sure one.
        const l = L(prev, uk) ?? {
          join: false,
          score: -Infinity,
          reasons: ['no allowed link: every other order is ruled out'],
        };
        let conf = l.score === -Infinity ? 0 : linkConf(prev, uk, g);
        const t = uTail(units[prev]);
        const plain = l.join ? plainJoin(t, u.ids[0]) : plainBreak(t, u.ids[0]);
        if (plain) conf = Math.max(conf, PLAIN_LINK_CONFIDENCE);
        const x = linkX(
          t,
          u.ids[0],
          conf,
          l.join,
          'between',
          plain,
          memberConf.get(uk),
          l.score,
          gapsOf(LS, m, prev, uk),
        );
        push(u.ids[0], l.join, conf, l.reasons, false, 'link', x);
        // A link every other order ruled out is no evidence at all: it stays at 0 whatever the calibration says.
        if (l.score === -Infinity) Object.assign(items[items.length - 1], { confidence: 0, confident: false });
      }
      for (let k = 1; k < u.ids.length; k++) {
        const a = u.ids[k - 1];
        const b = u.ids[k];
        const inGroup = !u.joins[k - 1] && heading[a] && heading[b];
        const x = linkX(
          a,
          b,
          u.linkConf[k - 1],
          u.joins[k - 1],
          inGroup ? 'heading' : 'unit',
          false,
          undefined,
          JS[a * n + b],
          inGroup ? [0, 0] : gapsOf(JS, n, a, b),
        );
        const printed = inGroup && printedGroup([a, b]);
        push(b, u.joins[k - 1], u.linkConf[k - 1], u.linkReasons[k - 1], k < u.fixedCount, 'link', x, printed);
      }
    });
    for (const sk of sideItems.get(gi) ?? []) {
      const i = units[sk].ids[0];
      const conf = roles[i].confidence * 0.9;
      const a = items.length ? (idx.get(items[items.length - 1].id) ?? i) : i;
      push(
        i,
        false,
        conf,
        [`${roles[i].reason}; placed after the nearest text above it`],
        false,
        'link',
        linkX(a, i, conf, false, 'side', false, undefined, 0, [0, 0]),
      );
    }
    const sugg = items.filter((it) => !it.fixed);
    if (!sugg.length) return;
    const u0 = units[g[0]];
    articles.push({
      articleId: u0.articleId,
      title: u0.articleId
        ? (issue.articles.find((a) => a.id === u0.articleId)?.title ?? titleOf(F, u0.ids, roles))
        : titleOf(F, u0.ids, roles),
      items,
      confidence: round(sugg.reduce((s, it) => s + it.confidence, 0) / sugg.length),
    });
  });

  placeJumpLines(articles, F, roles);
  for (let k = articles.length - 1; k >= 0; k--) if (!articles[k].items.length) articles.splice(k, 1);

  // Per-fragment candidates (top 3) and open ends.
  const successorConf = new Map<string, number>();
  for (const a of articles)
    a.items.forEach((it, k) => {
      if (k > 0 && it.join) successorConf.set(a.items[k - 1].id, rawConf.get(it.id) ?? it.confidence);
    });
  const fragments: Record<string, FragmentSuggestion> = {};
  const openEnds: OpenEnd[] = [];
  // Predecessors of each fragment, gathered in the same pass as the candidates: top three and log-sum-exp per column.
  const predTop: Array<Array<[number, number, number]>> = Array.from({ length: n }, () => []);
  const predZ = new Float64Array(n).fill(1); // the "starts here" option at score 0
  const predZMax = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let cands: Continuation[] = [];
    if (!side[i]) {
      const ua = unitOf[i];
      const isTail = ua >= 0 && uTail(units[ua]) === i;
      // Top three by score (ties: source order) and the log-sum-exp over all, without storing all candidates.
      const top: Array<[number, number, number]> = []; // score, j, kind (0 join, 1 unit link, 2 order only)
      let zMax = 0;
      let z = 1; // the "no continuation" option at score 0
      for (let j = 0; j < n; j++) {
        if (side[j] || i === j || F[i].page !== F[j].page) continue;
        let sc = JS[i * n + j];
        let kind = 0;
        const ub = unitOf[j];
        if (isTail && ub >= 0 && uHead(units[ub]) === j) {
          const l = LS[ua * m + ub];
          if (l > sc) {
            sc = l;
            kind = 1;
          }
        }
        if (sc === -Infinity && F[j].index === F[i].index + 1) {
          sc = -1;
          kind = 2;
        }
        if (sc === -Infinity || (forbidden.size && !allowed(i, j))) continue;
        const x = sc / params.temperature;
        addTop(predTop[j], [sc, i, kind]);
        if (x > predZMax[j]) {
          predZ[j] = predZ[j] * Math.exp(predZMax[j] - x) + 1;
          predZMax[j] = x;
        } else predZ[j] += Math.exp(x - predZMax[j]);
        if (x > zMax) {
          z = z * Math.exp(zMax - x) + 1;
          zMax = x;
        } else z += Math.exp(x - zMax);
        if (top.length < 3 || sc > top[top.length - 1][0]) {
          top.push([sc, j, kind]);
          top.sort((p, q) => q[0] - p[0] || p[1] - q[1]);
          if (top.length > 3) top.pop();
        }
      }
      const lse = zMax + Math.log(z);
      cands = top.map(([sc, j, kind]) => {
        const l = kind === 1 ? L(ua, unitOf[j])! : null;
        return {
          id: F[j].id,
          score: round(sc),
          probability: round(Math.exp(sc / params.temperature - lse)),
          join: kind === 0 || (kind === 1 && l!.join),
          reasons: kind === 0 ? J.reasons(i * n + j) : kind === 1 ? l!.reasons : ['next in extraction order'],
        };
      });
    }
    fragments[F[i].id] = {
      id: F[i].id,
      page: F[i].page,
      role: roles[i],
      complete: F[i].complete || heading[i],
      candidates: cands.slice(0, 3),
    };
    // Open end: cut mid-sentence at a column foot (a full last printed line), or a one-line sliver with no join
    // candidate at all, and no confident continuation chosen.
    const cutAtFoot =
      F[i].lastLine === 'full' || (F[i].lastLine === 'unknown' && !cands.some((c) => c.join && c.score > 0));
    if (
      canContinue(F[i]) &&
      cutAtFoot &&
      !side[i] &&
      !(successorConf.get(F[i].id)! >= params.openEndConfidence) &&
      !(placed(i) && !isFixedTail(i))
    ) {
      const best = cands.find((c) => c.join);
      openEnds.push({
        id: F[i].id,
        reason: `cut mid-sentence (…${F[i].rawTail}) with no convincing continuation on this page${best ? `; best guess ${best.id} is uncertain` : ''}`,
      });
    }
  }
  for (let j = 0; j < n; j++) {
    const lse = predZMax[j] + Math.log(predZ[j]);
    fragments[F[j].id].predecessors = predTop[j].map(([sc, i, kind]) => {
      const l = kind === 1 ? L(unitOf[i], unitOf[j])! : null;
      return {
        id: F[i].id,
        score: round(sc),
        probability: round(Math.exp(sc / params.temperature - lse)),
        join: kind === 0 || (kind === 1 && l!.join),
        reasons: kind === 0 ? J.reasons(i * n + j) : kind === 1 ? l!.reasons : ['next in extraction order'],
      };
    });
  }
  return { result: { fragments, articles, openEnds, minConfidence, stats: { fragments: n, ms: 0 } }, F, roles };
}

/** Keeps the three best [score, index, kind] entries, best first (ties: the lower index). */
function addTop(top: Array<[number, number, number]>, e: [number, number, number]): void {
  if (top.length === 3 && e[0] <= top[2][0]) return;
  top.push(e);
  top.sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  if (top.length > 3) top.pop();
}

/**
 * The links no decision may make, as `from\u0000to` keys: the rejected ones, and for each confirmed link A→B every
 * other successor of A and every other predecessor of B on their pages.
 */
function forbiddenPairs(issue: Issue, options: SuggestOptions): Set<string> {
  const out = new Set((options.constraints?.forbidLinks ?? []).map((l) => `${l.from}\u0000${l.to}`));
  const fixed = options.constraints?.fixLinks ?? [];
  if (!fixed.length) return out;
  const pageOf = new Map<string, string[]>();
  for (const p of issue.pages) {
    const ids = p.fragments.map((f) => f.id);
    for (const id of ids) pageOf.set(id, ids);
  }
  for (const { from, to } of fixed) {
    for (const k of pageOf.get(from) ?? []) if (k !== to) out.add(`${from}\u0000${k}`);
    for (const k of pageOf.get(to) ?? []) if (k !== from) out.add(`${k}\u0000${to}`);
  }
  return out;
}

/**
 * Cost of reading back up the run of lines under two headlines side by side (a column foot going on at the next
 * column's top): there each column is its own article. A cost, not a ban: where the shorter column ends, the
 * alternation guess of article-starts.ts `pairColumns` no longer holds.
 */
const PAIR_BACK_COST = 6;
// The same cost for going on after the text a pen name closes (article-starts.ts `closes`).

/** Confidence of a plain break or join (`plainBreak`, `plainJoin`): the precision observed on the practice pages. */
const PLAIN_LINK_CONFIDENCE = 0.95;

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

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
