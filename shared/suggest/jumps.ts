import type { Issue, Role } from '../model/types';
import { articleTitle, findFragment } from '../model/lookup';
import type { FragFeatures } from './features';
import { pageMatches, parseJumpCues, type JumpCue } from './cues';
import { compact, endsComplete } from './text-signals';
import { cosineMatrix, terms, tfidf } from './topic';
import type { ArticleSuggestion, Continuation, PlacementItem, RoleSuggestion, Suggestions } from './types';

/**
 * Issue-level linking of jumping articles (SUGGESTIONS.md §6.2, second pass): an article that opens with a jump
 * line (`（上接第一版）`, "Continued from page 1") is the continuation of an article on the page it names. The
 * per-page engine cannot see that (it links only inside a page), so this pass runs on its result: each such
 * continuation is matched to the article on the named page that jumps back to this page (`（下转第三版）` among
 * its last fragments), else to one that ends mid-sentence, by topic similarity and the jump line's keyword; the
 * continuation's items are then appended to the source. Pure, deterministic, no effect when nothing jumps.
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
  /** The engine's mid-sentence join score of two fragments (log-odds, with reasons), null when it has none. */
  join?: (from: string, to: string) => { score: number; reasons: string[] } | null;
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
 * Without a jump-to line on the source the link is a guess from topic and an open end (an end may also be cut by a
 * lost line, DOMAIN.md artifact 3), so its confidence stays below the default "confident" threshold: shown, not
 * applied by "accept all".
 */
export const UNCUED_CAP = 0.8;

interface Part {
  /** Index in the suggestion list, or -1 for an existing article that got no suggestion on its pages. */
  index: number;
  articleId: string | null;
  title: string;
  items: PlacementItem[];
  /** The jump-from cue that opens the part, at item `fromAt`. */
  from: JumpCue | null;
  fromAt: number;
  /** The jump-to cue among the last items. */
  to: JumpCue | null;
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
    return i !== undefined ? ctx.roles[i].role : findFragment(issue, id)?.role ?? 'body';
  };
  const pageOf = (id: string): string => findFragment(issue, id)?.page ?? '';
  const labelOf = new Map(issue.pages.map((p) => [p.id, p.label]));

  // Every article of the result, and (as possible sources) the issue's articles that got no suggestion.
  const parts: Part[] = s.articles.map((a, index) => describe(index, a.articleId, a.title, a.items));
  if (!ctx.includePlaced) {
    const suggested = new Set(s.articles.map((a) => a.articleId).filter((id): id is string => !!id));
    for (const a of issue.articles) {
      if (suggested.has(a.id) || !a.items.length) continue;
      parts.push(describe(-1, a.id, articleTitle(issue, a), a.items.map((it) => ({ id: it.id, join: it.join, confidence: 1, confident: false, fixed: true, reasons: ['placed by you'] }))));
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
      if (cue) { from = cue; fromAt = k; }
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
    return { index, articleId, title, items, from, fromAt, to, tailAt, openEnd, text: items.map((it) => textOf(it.id)).join('') };
  }

  const headPage = (p: Part) => pageOf(p.items[Math.max(0, p.fromAt)].id);
  const tailPage = (p: Part) => pageOf(p.items[p.tailAt >= 0 ? p.tailAt : p.items.length - 1].id);
  const note = new Map<number, string>();
  const pagesNamed = (cue: JumpCue) => issue.pages.filter((pg) => pageMatches(cue.page, pg.label));

  // Topic vectors of all parts (documents = parts, so IDF reflects the issue's articles).
  const vectors = tfidf(parts.map((p) => terms(p.text, /[\u3400-\u9fff]/.test(p.text))));
  const topic = cosineMatrix(vectors);
  const P = parts.length;

  const links: Link[] = [];
  for (const t of continuations) {
    const J = parts[t];
    const cue = J.from!;
    const here = headPage(J);
    const named = pagesNamed(cue).filter((pg) => pg.id !== here);
    const jumpText = `continued from page ${cue.page} (${cue.cue})`;
    if (!named.length) {
      note.set(t, `${jumpText}, but this issue has no page ${cue.page}: left as an article of its own`);
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
      if (toHere) { z += w.cueHere; reasons.push(`page ${cue.page} jumps here (${S.to!.cue})`); }
      if (S.openEnd) { z += w.openEnd; reasons.push(`page ${cue.page}'s part ends mid-sentence (…${[...textOf(S.items[S.tailAt].id)].slice(-4).join('')})`); }
      // The cut sentence read on into the continuation (…设了临时|休息点…), when the cut is not an inline 下转 cue.
      const jn = S.openEnd && S.tailAt >= 0 && !(S.to && !S.to.standalone) && roleOf(jFirst) === 'body' ? ctx.join?.(S.items[S.tailAt].id, jFirst) : null;
      if (jn && jn.score > 0) { z += w.join * Math.min(3, jn.score); reasons.push(`join across the page ${jn.score.toFixed(1)}${jn.reasons.length ? ` (${jn.reasons.slice(0, 2).join('; ')})` : ''}`); }
      const cos = topic[k * P + t];
      z += w.topic * cos;
      if (cos >= 0.02) reasons.push(`topic similarity ${cos.toFixed(2)}`);
      if (cue.keyword) {
        const kw = cue.keyword.toLowerCase();
        if (S.title.toLowerCase().includes(kw)) { z += w.keywordInTitle; reasons.push(`the jump line's keyword ${cue.keyword} is in the headline`); } else if (S.text.toLowerCase().includes(kw)) { z += w.keywordInText; reasons.push(`the jump line's keyword ${cue.keyword} is in the text`); } else { z += w.keywordMissing; reasons.push(`no ${cue.keyword} in this article`); }
      }
      cands.push({ source: k, target: t, z, cueHere: toHere, reasons, confidence: 0 });
    }
    if (!cands.length) {
      note.set(t, `${jumpText}, but no article on page ${cue.page} jumps to this page or ends mid-sentence: left as an article of its own`);
      continue;
    }
    links.push(...cands);
  }

  // Confidence: the share of the link among the continuation's candidates and among the source's, each with a
  // "no link" option at log-odds 0, the smaller of the two.
  const sumBy = (key: 'source' | 'target') => {
    const m = new Map<number, number>();
    for (const l of links) m.set(l[key], (m.get(l[key]) ?? 0) + Math.exp(l.z));
    return m;
  };
  const bySource = sumBy('source');
  const byTarget = sumBy('target');
  for (const l of links) {
    const e = Math.exp(l.z);
    const p = Math.min(e / (1 + byTarget.get(l.target)!), e / (1 + bySource.get(l.source)!));
    l.confidence = l.cueHere ? p : Math.min(p, UNCUED_CAP);
  }

  // Greedy one-to-one choice, surest first; a link that would close a cycle (A continues B continues A) is skipped.
  const next = new Map<number, Link>();
  const prev = new Map<number, Link>();
  links.sort((a, b) => b.z - a.z || a.target - b.target || a.source - b.source);
  for (const l of links) {
    if (l.z <= 0) {
      if (!prev.has(l.target) && !note.has(l.target)) note.set(l.target, `${l.reasons[0]}; no article on page ${parts[l.target].from!.page} is a convincing source (best: ${parts[l.source].title})`);
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
  const copy = (it: PlacementItem): PlacementItem => ({ ...it, reasons: [...it.reasons] });
  const emit = (root: number): ArticleSuggestion => {
    const items = parts[root].items.map(copy);
    const furniture: PlacementItem[] = [];
    let tailIdx = parts[root].tailAt;
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
          furniture.unshift(cue ? { ...it, join: false, confidence: conf, confident: sure, reasons: [`jump line (${cue.cue}), kept after the text it links`] } : { ...it, join: false });
        }
      }
      let jItems = J.items.map(copy);
      const leadJump = sure && J.from!.standalone && roleOf(jItems[J.fromAt].id) !== 'body' && jItems.length > 1 ? J.fromAt : -1;
      if (leadJump >= 0) {
        const it = jItems[leadJump];
        furniture.push({ ...it, join: false, confidence: conf, confident: sure, reasons: [`jump line (${J.from!.cue}), kept after the text it links`] });
        jItems = jItems.filter((_, k) => k !== leadJump);
      }
      const first = jItems[0];
      const joins = S.openEnd && items.length - 1 === tailIdx && roleOf(first.id) === 'body';
      const base = items.length;
      items.push({ ...first, join: joins, confidence: conf, confident: sure, fixed: false, reasons: [...l.reasons, ...(joins ? ['the paragraph goes on across the page'] : [])] });
      items.push(...jItems.slice(1));
      tailIdx = J.tailAt < 0 ? -1 : base + J.tailAt - (leadJump >= 0 && leadJump < J.tailAt ? 1 : 0);
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
  const articles = roots.map((k) => {
    const a = emit(k);
    const n = note.get(k);
    if (n) a.items[parts[k].fromAt].reasons.push(n);
    return a;
  });

  const fragments = { ...s.fragments };
  for (const [id, c] of extraCands) {
    const f = fragments[id];
    if (f) fragments[id] = { ...f, candidates: [c, ...f.candidates.filter((x) => x.id !== c.id)].slice(0, 3) };
  }
  return { ...s, articles, fragments, openEnds: s.openEnds.filter((o) => !continued.has(o.id)) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
