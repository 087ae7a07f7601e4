import type { Fragment, Issue, Role } from '../model/types';
import { articleTitle, findFragment } from '../model/lookup';
import type { FragFeatures } from './features';
import { pageMatches, parseJumpCues, type JumpCue } from './cues';
import { compact, endsComplete } from './text-signals';
import { terms, tfidf, type TopicVector } from './topic';
import type { ArticleSuggestion, Continuation, PlacementItem, RoleSuggestion, Suggestions } from './types';

/**
 * Issue-level linking of jumping articles (a second pass over the issue): an article that opens with a jump
 * line (`（上接第一版）`, "Continued from page 1") is the continuation of an article on the page it names. The
 * per-page engine cannot see that (it links only inside a page), so this pass runs on its result: each such
 * continuation is matched to the article on the named page that jumps back to this page (`（下转第三版）` among
 * its last fragments), else to one that ends mid-sentence, weighing a join that reads on across the page, topic
 * similarity and the jump line's keyword; sources and continuations are matched one to one (chains p1 → p3 → p4
 * follow) and the continuation's items are appended to the source. Pure and deterministic; on a single page it
 * only adds a reason to a jump line's article (its page is missing), never changes an article.
 */
export interface JumpContext {
  issue: Issue;
  /** The engine's fragment table (considered pages). Fragments of other pages are read from the issue. */
  frags: FragFeatures[];
  roles: RoleSuggestion[];
  /** True when the proofreader rejected "to right after from". */
  forbidden: (from: string, to: string) => boolean;
  /** The engine re-solved placed fragments too: the issue's articles are not constraints. */
  includePlaced: boolean;
  /** A cut fragment whose continuation is at least this sure is no longer an open end (EngineParams.openEndConfidence). */
  openEndConfidence: number;
  /** The engine's mid-sentence join score of two fragments (log-odds, with reasons), without its topic term (counted here). */
  join?: (from: FragFeatures, to: FragFeatures) => { score: number; reasons: string[] };
  /** Features of a fragment outside the table (a placed article's fragment on a page not suggested for). */
  features?: (f: Fragment) => FragFeatures;
}

/** Log-odds weights of the match (hand-set; the corpus has no multi-page issues to fit them on). */
export const JUMP_WEIGHTS = {
  prior: -1.5,
  /** The source's own jump-to line names the continuation's page: the printed link, both ends agree. */
  cueHere: 4.5,
  /** The source ends mid-sentence. */
  openEnd: 1,
  /** Times the char-bigram TF-IDF cosine of the two parts. */
  topic: 12,
  keywordInTitle: 2,
  keywordInText: 1.2,
  keywordMissing: -1.5,
  /** Times the join score (clamped to 0…3: across pages only a clear read-on counts) of the cut end and the first line. */
  join: 0.7,
};

/**
 * Without a jump-to line on the source or a sentence that clearly reads on, the link is a guess from topic and an
 * open end (an end may also be cut by a lost line), so its confidence stays below the default
 * "confident" threshold: shown, not applied by "accept all".
 */
export const UNCUED_CAP = 0.8;
/** Join score from which the cut sentence "clearly reads on" across the page (a word split by the cut scores ≥ 5). */
const STRONG_JOIN = 3;

interface Part {
  /** Index in the suggestion list, or -1 for an existing article that got no suggestion on its pages. */
  index: number;
  articleId: string | null;
  title: string;
  items: PlacementItem[];
  /** The jump-from cue that opens the part, at item `fromAt`. */
  from: JumpCue | null;
  fromAt: number;
  /** The jump-to cue among the last items, or on the unplaced jump line right after the tail in source order. */
  to: JumpCue | null;
  /** That jump line when it stands outside this part (the per-page engine put it elsewhere), else null. */
  toLine: string | null;
  /** Last running-text item (not a caption, credit or jump line) and whether it is cut mid-sentence. */
  tailAt: number;
  openEnd: boolean;
  text: string;
}

interface Link {
  source: number;
  target: number;
  z: number;
  cueHere: boolean;
  /** Printed evidence beyond topic: the source's jump-to line, or the cut sentence clearly reads on (a split word). */
  strong: boolean;
  reasons: string[];
  confidence: number;
}

const SIDE: ReadonlySet<Role> = new Set<Role>(['caption', 'credit']);

/** Runs the jump pass over the engine's result; returns it with continuations merged into their sources. */
export function linkJumps(s: Suggestions, ctx: JumpContext): Suggestions {
  const { issue } = ctx;
  const byId = new Map(ctx.frags.map((f, i) => [f.id, i]));
  const textOf = (id: string): string => {
    const i = byId.get(id);
    return i !== undefined ? ctx.frags[i].text : compact(findFragment(issue, id)?.text ?? '');
  };
  const roleOf = (id: string): Role => {
    const i = byId.get(id);
    return i !== undefined ? ctx.roles[i].role : (findFragment(issue, id)?.role ?? 'body');
  };
  const featOf = (id: string): FragFeatures | null => {
    const i = byId.get(id);
    if (i !== undefined) return ctx.frags[i];
    const f = findFragment(issue, id);
    return f && ctx.features ? ctx.features(f) : null;
  };
  const pageOf = (id: string): string => findFragment(issue, id)?.page ?? '';
  const placedIds = new Set(ctx.includePlaced ? [] : issue.articles.flatMap((a) => a.items.map((it) => it.id)));
  const discarded = new Set(issue.discarded);
  /** The next fragment after `id` in its page's source order, captions and credits skipped. */
  const nextInSource = (id: string): string | null => {
    const page = issue.pages.find((pg) => pg.id === pageOf(id));
    if (!page) return null;
    const list = page.fragments.filter((f) => !discarded.has(f.id));
    for (let k = list.findIndex((f) => f.id === id) + 1; k > 0 && k < list.length; k++)
      if (!SIDE.has(roleOf(list[k].id))) return list[k].id;
    return null;
  };
  const labelOf = new Map(issue.pages.map((p) => [p.id, p.label]));

  // Every article of the result, and (as possible sources) the issue's articles that got no suggestion.
  const parts: Part[] = s.articles.map((a, index) => describe(index, a.articleId, a.title, a.items));
  if (!ctx.includePlaced) {
    const suggested = new Set(s.articles.map((a) => a.articleId).filter((id): id is string => !!id));
    for (const a of issue.articles) {
      if (suggested.has(a.id) || !a.items.length) continue;
      parts.push(
        describe(
          -1,
          a.id,
          articleTitle(issue, a),
          a.items.map((it) => ({
            id: it.id,
            join: it.join,
            confidence: 1,
            confident: false,
            fixed: true,
            reasons: ['placed by you'],
          })),
        ),
      );
    }
  }
  const continuations = parts.map((p, k) => k).filter((k) => parts[k].from && parts[k].articleId === null);
  if (!continuations.length) return s;

  function describe(index: number, articleId: string | null, title: string, items: PlacementItem[]): Part {
    let from: JumpCue | null = null;
    let fromAt = -1;
    // The jump line, or the first running-text fragment carrying it (a repeated headline may stand above it).
    for (let k = 0; k < Math.min(items.length, 4) && !from; k++) {
      const cue = parseJumpCues(textOf(items[k].id)).find((c) => c.direction === 'from');
      if (cue) {
        from = cue;
        fromAt = k;
      }
      if (roleOf(items[k].id) === 'body') break;
    }
    let to: JumpCue | null = null;
    let tailAt = -1;
    let tailText = '';
    for (let k = items.length - 1; k >= 0; k--) {
      const id = items[k].id;
      if (SIDE.has(roleOf(id))) continue;
      const cue = parseJumpCues(textOf(id)).find((c) => c.direction === 'to');
      if (cue && !to) to = cue;
      if (cue?.standalone) continue;
      tailAt = k;
      tailText = cue ? cue.rest : textOf(id);
      break;
    }
    const tailRole = tailAt >= 0 ? roleOf(items[tailAt].id) : 'other';
    const openEnd = tailAt >= 0 && tailRole === 'body' && !endsComplete(tailText) && !/[”"』」）)]$/.test(tailText);
    // A page's jump line follows its text in source order; the per-page engine may have filed it with a neighbour.
    let toLine: string | null = null;
    if (!to && tailAt >= 0) {
      const own = new Set(items.map((it) => it.id));
      const after = nextInSource(items[tailAt].id);
      const cue =
        after && !own.has(after) && !placedIds.has(after)
          ? parseJumpCues(textOf(after)).find((c) => c.direction === 'to' && c.standalone)
          : undefined;
      if (cue) {
        to = cue;
        toLine = after;
      }
    }
    return {
      index,
      articleId,
      title,
      items,
      from,
      fromAt,
      to,
      toLine,
      tailAt,
      openEnd,
      text: items.map((it) => textOf(it.id)).join(''),
    };
  }

  const headPage = (p: Part) => pageOf(p.items[Math.max(0, p.fromAt)].id);
  const tailPage = (p: Part) => pageOf(p.items[p.tailAt >= 0 ? p.tailAt : p.items.length - 1].id);
  const note = new Map<number, string>();
  const considered = new Set(ctx.frags.map((f) => f.page));
  const pagesNamed = (cue: JumpCue) => issue.pages.filter((pg) => pageMatches(cue.page, pg.label));

  // Topic vectors of all parts (documents = parts, so IDF reflects the issue's articles), built only when some
  // continuation has a page to look at; cosines only for the candidate pairs.
  let vectors: TopicVector[] | null = null;
  const cosine = (a: number, b: number): number => {
    vectors ??= tfidf(parts.map((p) => terms(p.text, /[\u3400-\u9fff]/.test(p.text))));
    const [x, y] = vectors[a].size <= vectors[b].size ? [vectors[a], vectors[b]] : [vectors[b], vectors[a]];
    let d = 0;
    for (const [t, w] of x) d += w * (y.get(t) ?? 0);
    return d;
  };
  const P = parts.length;

  const links: Link[] = [];
  for (const t of continuations) {
    const J = parts[t];
    const cue = J.from!;
    const here = headPage(J);
    const all = pagesNamed(cue);
    const named = all.filter((pg) => pg.id !== here);
    const jumpText = `continued from page ${cue.page} (${cue.cue})`;
    if (!named.length) {
      note.set(
        t,
        all.length
          ? `${jumpText}, but that is this article's own page: left as it is`
          : `${jumpText}, but this issue has no page ${cue.page}: left as an article of its own`,
      );
      continue;
    }
    const cands: Link[] = [];
    for (let k = 0; k < P; k++) {
      const S = parts[k];
      if (k === t || !S.items.length || !named.some((pg) => pg.id === tailPage(S))) continue;
      const toHere = !!S.to && pageMatches(S.to.page, labelOf.get(here) ?? '');
      if (S.to && !toHere) continue; // it jumps to another page
      if (!toHere && !S.openEnd) continue;
      // A link the proofreader rejected stays rejected, whichever fragment ends up right before the continuation.
      const jFirst = J.items[J.fromAt === 0 && J.items.length > 1 && J.from!.standalone ? 1 : 0].id;
      const sLast = S.items[S.items.length - 1].id;
      const sTail = S.tailAt >= 0 ? S.items[S.tailAt].id : sLast;
      if (ctx.forbidden(sLast, J.items[0].id) || ctx.forbidden(sTail, jFirst) || ctx.forbidden(sLast, jFirst)) continue;
      const w = JUMP_WEIGHTS;
      const reasons = [jumpText];
      let z = w.prior;
      if (toHere) {
        z += w.cueHere;
        reasons.push(`page ${cue.page} jumps here (${S.to!.cue})`);
      }
      if (S.openEnd) {
        z += w.openEnd;
        reasons.push(
          `page ${cue.page}'s part ends mid-sentence (…${[...textOf(S.items[S.tailAt].id)].slice(-4).join('')})`,
        );
      }
      // The cut sentence read on into the continuation (…设了临时|休息点…), when the cut is not an inline 下转 cue.
      const fa =
        S.openEnd && S.tailAt >= 0 && !(S.to && !S.to.standalone) && roleOf(jFirst) === 'body'
          ? featOf(S.items[S.tailAt].id)
          : null;
      const fb = fa ? featOf(jFirst) : null;
      const jn = fa && fb ? ctx.join?.(fa, fb) : null;
      if (jn && jn.score > 0) {
        z += w.join * Math.min(3, jn.score);
        reasons.push(
          `join across the page ${jn.score.toFixed(1)}${jn.reasons.length ? ` (${jn.reasons.slice(0, 2).join('; ')})` : ''}`,
        );
      }
      const cos = cosine(k, t);
      z += w.topic * cos;
      if (cos >= 0.02) reasons.push(`topic similarity ${cos.toFixed(2)}`);
      if (cue.keyword) {
        const kw = cue.keyword.toLowerCase();
        if (S.title.toLowerCase().includes(kw)) {
          z += w.keywordInTitle;
          reasons.push(`the jump line's keyword ${cue.keyword} is in the headline`);
        } else if (S.text.toLowerCase().includes(kw)) {
          z += w.keywordInText;
          reasons.push(`the jump line's keyword ${cue.keyword} is in the text`);
        } else {
          z += w.keywordMissing;
          reasons.push(`no ${cue.keyword} in this article`);
        }
      }
      cands.push({
        source: k,
        target: t,
        z,
        cueHere: toHere,
        strong: toHere || (!!jn && jn.score >= STRONG_JOIN),
        reasons,
        confidence: 0,
      });
    }
    if (!cands.length) {
      // Suggesting for one page sees only the articles already placed on the others.
      const unseen = !named.some((pg) => considered.has(pg.id));
      note.set(
        t,
        unseen
          ? `${jumpText}, but page ${cue.page} is not among the pages suggested for and has no placed article that jumps here or ends mid-sentence`
          : `${jumpText}, but no article on page ${cue.page} jumps to this page or ends mid-sentence: left as an article of its own`,
      );
      continue;
    }
    links.push(...cands);
  }

  // Confidence: the link's share in a soft one-to-one matching of sources and continuations (each may also stay
  // unlinked), so a source that two continuations name is shared out by how well each fits.
  const marginal = softMatching(links);
  for (const l of links) l.confidence = l.strong ? marginal.get(l)! : Math.min(marginal.get(l)!, UNCUED_CAP);

  // Greedy one-to-one choice, surest first; a link that would close a cycle (A continues B continues A) is skipped.
  const next = new Map<number, Link>();
  const prev = new Map<number, Link>();
  links.sort((a, b) => b.confidence - a.confidence || b.z - a.z || a.target - b.target || a.source - b.source);
  for (const l of links) {
    if (l.z <= 0) {
      if (!prev.has(l.target) && !note.has(l.target))
        note.set(
          l.target,
          `${l.reasons[0]}; no article on page ${parts[l.target].from!.page} is a convincing source (best: ${parts[l.source].title})`,
        );
      continue;
    }
    if (next.has(l.source) || prev.has(l.target)) continue;
    let r = l.source;
    while (prev.has(r) && r !== l.target) r = prev.get(r)!.source;
    if (r === l.target) continue;
    next.set(l.source, l);
    prev.set(l.target, l);
    note.delete(l.target);
  }

  // Merge each chain into its first part. When the link is confident the source's trailing captions and jump lines
  // (and the continuation's own `（上接第一版）` line) move after the continuation, so the cut paragraph reads on
  // across the page; otherwise the parts keep their order and "accept all" stops at the doubtful link, the source
  // complete.
  const extraCands = new Map<string, Continuation>();
  const continued = new Set<string>();
  // Jump lines filed with another article move to the source whose confident link they print.
  const adopted = new Map<string, number>();
  for (const l of next.values()) {
    const line = parts[l.source].toLine;
    if (line && l.confidence >= s.minConfidence && !adopted.has(line)) adopted.set(line, l.source);
  }
  const copy = (it: PlacementItem): PlacementItem => ({ ...it, reasons: [...it.reasons] });
  const findPlacement = (id: string): PlacementItem | undefined =>
    parts.flatMap((p) => p.items).find((it) => it.id === id);
  const emit = (root: number): ArticleSuggestion => {
    const items = parts[root].items.filter((it) => !adopted.has(it.id)).map(copy);
    const furniture: PlacementItem[] = [];
    let tailIdx =
      parts[root].tailAt >= 0 ? items.findIndex((it) => it.id === parts[root].items[parts[root].tailAt].id) : -1;
    for (let cur = root, l = next.get(cur); l; cur = l.target, l = next.get(cur)) {
      const S = parts[cur];
      const J = parts[l.target];
      const conf = round(l.confidence);
      const sure = conf >= s.minConfidence;
      if (sure && tailIdx >= 0) {
        while (items.length - 1 > tailIdx && !items[items.length - 1].fixed) {
          const it = items.pop()!;
          const cue = parseJumpCues(textOf(it.id)).find((c) => c.standalone);
          // A jump line belongs here because of the link; a caption keeps its own reason.
          furniture.unshift(
            cue
              ? {
                  ...it,
                  join: false,
                  confidence: conf,
                  confident: sure,
                  reasons: [`jump line (${cue.cue}), kept after the text it links`],
                }
              : { ...it, join: false },
          );
        }
      }
      if (sure && S.toLine && adopted.get(S.toLine) === cur) {
        const line = findPlacement(S.toLine);
        if (line)
          furniture.push({
            ...line,
            join: false,
            confidence: conf,
            confident: sure,
            fixed: false,
            reasons: [`jump line (${S.to!.cue}), kept after the text it links`],
          });
      }
      let jItems = J.items.filter((it) => !adopted.has(it.id)).map(copy);
      const leadJump =
        sure && J.from!.standalone && roleOf(jItems[J.fromAt].id) !== 'body' && jItems.length > 1 ? J.fromAt : -1;
      if (leadJump >= 0) {
        const it = jItems[leadJump];
        furniture.push({
          ...it,
          join: false,
          confidence: conf,
          confident: sure,
          reasons: [`jump line (${J.from!.cue}), kept after the text it links`],
        });
        jItems = jItems.filter((_, k) => k !== leadJump);
      }
      const first = jItems[0];
      const joins = S.openEnd && items.length - 1 === tailIdx && roleOf(first.id) === 'body';
      const base = items.length;
      items.push({
        ...first,
        join: joins,
        confidence: conf,
        confident: sure,
        fixed: false,
        reasons: [...l.reasons, ...(joins ? ['the paragraph goes on across the page'] : [])],
      });
      items.push(...jItems.slice(1));
      tailIdx = J.tailAt < 0 ? -1 : items.findIndex((it, k) => k >= base && it.id === J.items[J.tailAt].id);
      const tailId = S.tailAt >= 0 ? S.items[S.tailAt].id : null;
      if (tailId) {
        if (l.confidence >= ctx.openEndConfidence) continued.add(tailId);
        extraCands.set(tailId, { id: first.id, score: round(l.z), probability: conf, join: joins, reasons: l.reasons });
      }
    }
    items.push(...furniture);
    const p = parts[root];
    const sugg = items.filter((it) => !it.fixed);
    return {
      articleId: p.articleId,
      title: p.title,
      items,
      confidence: round(sugg.length ? sugg.reduce((a, it) => a + it.confidence, 0) / sugg.length : 1),
    };
  };
  // The result's order, with an existing article that gained a continuation first (the engine lists those first).
  const roots: number[] = [];
  for (let k = s.articles.length; k < P; k++) if (next.has(k)) roots.push(k);
  for (let k = 0; k < s.articles.length; k++) if (!prev.has(k)) roots.push(k);
  const articles: ArticleSuggestion[] = [];
  for (const k of roots) {
    const a = emit(k);
    if (!a.items.some((it) => !it.fixed)) continue; // it held only a jump line that moved to its source
    const n = note.get(k);
    const at = n ? a.items.find((it) => it.id === parts[k].items[parts[k].fromAt].id) : undefined;
    if (at) at.reasons.push(n!);
    articles.push(a);
  }

  const fragments = { ...s.fragments };
  for (const [id, c] of extraCands) {
    const f = fragments[id];
    if (f) fragments[id] = { ...f, candidates: [c, ...f.candidates.filter((x) => x.id !== c.id)].slice(0, 3) };
  }
  return { ...s, articles, fragments, openEnds: s.openEnds.filter((o) => !continued.has(o.id)) };
}

/**
 * Marginals of a soft one-to-one matching (Sinkhorn balancing with a "no link" row and column, as in SuperGlue):
 * each source and each continuation has unit mass, which it spends on its candidates or on staying unlinked
 * (weight 1 = log-odds 0). Weights are exp(2z), so a lone candidate gets exactly sigmoid(z).
 */
export function softMatching<L extends { source: number; target: number; z: number }>(links: L[]): Map<L, number> {
  const rows = [...new Set(links.map((l) => l.source))];
  const cols = [...new Set(links.map((l) => l.target))];
  const ri = new Map(rows.map((r, i) => [r, i]));
  const ci = new Map(cols.map((c, i) => [c, i]));
  const R = rows.length;
  const C = cols.length;
  const W = C + 1;
  // Pairs without a candidate link weigh 0: they can never be matched.
  const M = new Float64Array((R + 1) * W);
  for (let r = 0; r <= R; r++) M[r * W + C] = 1;
  for (let c = 0; c <= C; c++) M[R * W + c] = 1;
  for (const l of links) M[ri.get(l.source)! * W + ci.get(l.target)!] = Math.exp(2 * Math.max(-15, Math.min(15, l.z)));
  const u = new Float64Array(R + 1).fill(1);
  const v = new Float64Array(C + 1).fill(1);
  for (let it = 0; it < 200; it++) {
    for (let r = 0; r <= R; r++) {
      let sum = 0;
      for (let c = 0; c <= C; c++) sum += M[r * W + c] * v[c];
      u[r] = (r < R ? 1 : C) / sum;
    }
    for (let c = 0; c <= C; c++) {
      let sum = 0;
      for (let r = 0; r <= R; r++) sum += M[r * W + c] * u[r];
      v[c] = (c < C ? 1 : R) / sum;
    }
  }
  return new Map(
    links.map((l) => {
      const r = ri.get(l.source)!;
      const c = ci.get(l.target)!;
      return [l, u[r] * M[r * W + c] * v[c]];
    }),
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The pages to solve for a request limited to `pageIds`: those pages, plus every page their jump lines name and every
 * page whose jump lines name one of them (followed on: p1 → p3 → p4), so "suggest for this page" links an article that
 * jumps to another page and shows it as one. `scope` is the asked-for set (null: all pages were asked for).
 */
export function jumpScope(
  issue: Issue,
  pageIds: string[] | undefined,
): { pageIds: Set<string>; scope: Set<string> | null } {
  if (!pageIds) return { pageIds: new Set(issue.pages.map((p) => p.id)), scope: null };
  const discarded = new Set(issue.discarded);
  // Per page: the pages its jump lines name, either way.
  const named = new Map<string, Set<string>>();
  for (const page of issue.pages) {
    const out = new Set<string>();
    for (const f of page.fragments) {
      if (discarded.has(f.id)) continue;
      for (const cue of parseJumpCues(compact(f.text)))
        for (const pg of issue.pages) if (pg.id !== page.id && pageMatches(cue.page, pg.label)) out.add(pg.id);
    }
    named.set(page.id, out);
  }
  const want = new Set(pageIds);
  for (let grew = true; grew;) {
    grew = false;
    for (const page of issue.pages) {
      const links = named.get(page.id)!;
      const touches = want.has(page.id) ? [...links] : [...links].some((p) => want.has(p)) ? [page.id] : [];
      for (const p of touches)
        if (!want.has(p)) {
          want.add(p);
          grew = true;
        }
    }
  }
  return { pageIds: want, scope: new Set(pageIds) };
}

/** The result of a widened solve, cut back to the articles and fragments of the pages asked for. */
export function cutToScope(s: Suggestions, scope: Set<string> | null, pageOf: (id: string) => string): Suggestions {
  if (!scope) return s;
  const articles = s.articles.filter((a) => a.items.some((it) => scope.has(pageOf(it.id))));
  const shown = new Set(articles.flatMap((a) => a.items.map((it) => it.id)));
  const fragments: Suggestions['fragments'] = {};
  for (const [id, f] of Object.entries(s.fragments)) if (scope.has(f.page) || shown.has(id)) fragments[id] = f;
  return { ...s, articles, fragments, openEnds: s.openEnds.filter((o) => id(o) in fragments) };
}

function id(o: { id: string }): string {
  return o.id;
}
