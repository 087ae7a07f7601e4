import type { Issue, Role } from '../model/types';
import { placeIndex } from '../model/lookup';
import type { Continuation, Suggestions } from './types';

/**
 * The engine's decisions about a page, least sure first: what the doubt queue walks. Pure.
 *
 * `reading` is the engine's whole reading of the pages (every fragment, `includePlaced`, so alternatives include
 * fragments already placed); `issue` is the document as it stands. A decision is about what the proofreader sees:
 * the document's own links for placed fragments, the reading's ghost placement for fragments still in the pool.
 * Its confidence is the engine's belief in it: the reading's confidence when the reading makes the same decision,
 * else the share the engine gives that choice among its alternatives (a link the proofreader or an earlier accept
 * made against the reading is a doubt).
 */

export type DecisionKind = 'link' | 'seam' | 'start' | 'role';

export interface Alternative {
  id: string;
  /** The engine's share for this choice among the alternatives. */
  probability: number;
  join: boolean;
  /** Where it stands now: in an article, the pool or the discard pile. */
  placed: boolean;
}

export interface Decision {
  /** Stable across re-solves while the decision stands: `kind:from>to` (`kind:to` without `from`). */
  key: string;
  kind: DecisionKind;
  /** A: the fragment B follows (null for an article start or a role). */
  from: string | null;
  /** B: the fragment the decision is about. */
  to: string;
  /** B continues A's paragraph (links and seams). */
  join: boolean;
  confidence: number;
  /** B is not placed yet: the decision is the reading's ghost placement. */
  ghost: boolean;
  /** The role decided (role decisions). */
  role?: Role;
  /** The best three fragments to follow A instead of B (from the page-wide solve, placed ones included). */
  successors: Alternative[];
  /** The best three fragments for B to follow instead of A. */
  predecessors: Alternative[];
}

export interface DoubtOptions {
  /** Pages to list (default: every page of the reading). */
  pageIds?: string[];
  /** Keys the proofreader settled (confirmed): left out. */
  settled?: ReadonlySet<string>;
}

/**
 * A seam the reading reads the other way (join against break) is a doubt: the engine gives no probability of the
 * join flag apart from the link's, so it is ranked with the link's own doubt (half of its confidence).
 */
const SEAM_AGAINST_READING = 0.5;

/** Roles worth a decision: body text is the default, and an error there shows as a link. */
const isBody = (r: Role | undefined) => r === undefined || r === 'body';

export function decisionKey(kind: DecisionKind, from: string | null, to: string): string {
  return from ? `${kind}:${from}>${to}` : `${kind}:${to}`;
}

/** Every decision of the pages, least confident first (ties: source order of B). */
export function decisions(issue: Issue, reading: Suggestions, options: DoubtOptions = {}): Decision[] {
  const places = placeIndex(issue);
  const pages = issue.pages.filter((p) => !options.pageIds || options.pageIds.includes(p.id));
  const onPages = new Set(pages.flatMap((p) => p.fragments.map((f) => f.id)));
  const order = new Map<string, number>();
  pages.forEach((p, pi) => p.fragments.forEach((f, k) => order.set(f.id, pi * 1e6 + k)));
  const roleOf = new Map(pages.flatMap((p) => p.fragments.map((f) => [f.id, f.role] as const)));

  // The reading's links: B → { A (null: starts an article), join, confidence }.
  const readPrev = new Map<string, { from: string | null; join: boolean; confidence: number }>();
  for (const a of reading.articles)
    a.items.forEach((it, k) =>
      readPrev.set(it.id, { from: k ? a.items[k - 1].id : null, join: it.join, confidence: it.confidence }),
    );

  const alt = (list: Continuation[] | undefined): Alternative[] =>
    (list ?? []).slice(0, 3).map((c) => {
      const p = places.get(c.id);
      return { id: c.id, probability: c.probability, join: c.join, placed: p?.kind === 'article' };
    });
  const share = (list: Continuation[] | undefined, id: string) => list?.find((c) => c.id === id)?.probability ?? 0;
  /** The engine's share for "B starts here": what its best predecessors leave over. */
  const startShare = (b: string) =>
    Math.max(0, 1 - (reading.fragments[b]?.predecessors ?? []).reduce((s, c) => s + c.probability, 0));

  const out: Decision[] = [];
  const push = (d: Omit<Decision, 'key' | 'successors' | 'predecessors'>) => {
    if (!onPages.has(d.to)) return;
    const key = decisionKey(d.kind, d.from, d.to);
    if (options.settled?.has(key)) return;
    out.push({
      ...d,
      key,
      confidence: round(d.confidence),
      successors: d.from ? alt(reading.fragments[d.from]?.candidates) : [],
      predecessors: d.kind === 'role' ? [] : alt(reading.fragments[d.to]?.predecessors),
    });
  };

  // Placed fragments: the document's links, starts and seams.
  for (const art of issue.articles) {
    art.items.forEach((it, k) => {
      const from = k ? art.items[k - 1].id : null;
      const r = readPrev.get(it.id);
      const same = !!r && r.from === from;
      if (!from) {
        push({
          kind: 'start',
          from: null,
          to: it.id,
          join: false,
          confidence: same ? r.confidence : startShare(it.id),
          ghost: false,
        });
        return;
      }
      const confidence = same ? r.confidence : share(reading.fragments[from]?.candidates, it.id);
      push({ kind: 'link', from, to: it.id, join: it.join, confidence, ghost: false });
      if (same && r.join !== it.join)
        push({
          kind: 'seam',
          from,
          to: it.id,
          join: it.join,
          confidence: r.confidence * SEAM_AGAINST_READING,
          ghost: false,
        });
    });
  }
  // Pool fragments: the reading's ghost placements.
  for (const [id, r] of readPrev) {
    if (places.get(id)?.kind !== 'pool') continue;
    push({
      kind: r.from ? 'link' : 'start',
      from: r.from,
      to: id,
      join: r.join,
      confidence: r.confidence,
      ghost: true,
    });
  }
  // Roles that are not plain body text, as the document has them (placed) or as the engine reads them (pool).
  for (const id of onPages) {
    const f = reading.fragments[id];
    const p = places.get(id);
    if (!f || !p || p.kind === 'discard') continue;
    const current = roleOf.get(id);
    const role = p.kind === 'pool' ? f.role.role : (current ?? f.role.role);
    if (isBody(role) && isBody(f.role.role)) continue;
    const confidence = role === f.role.role ? f.role.confidence : 1 - f.role.confidence;
    push({ kind: 'role', from: null, to: id, join: false, confidence, ghost: p.kind === 'pool', role });
  }
  return out.sort((a, b) => a.confidence - b.confidence || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0));
}

/** The decisions below `minConfidence` (the engine's threshold for "confident"): the doubts. */
export function doubts(issue: Issue, reading: Suggestions, options: DoubtOptions = {}): Decision[] {
  return decisions(issue, reading, options).filter((d) => d.confidence < reading.minConfidence);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
