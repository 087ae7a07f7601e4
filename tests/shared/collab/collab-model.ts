import type { Issue } from '../../../shared/model/types';

/**
 * An issue with the one representational freedom of the CRDT projection removed: zero-length anchor spans next
 * to real ones (a split or merge keeps them; the projection drops them, they cover no character).
 */
export function normalized(issue: Issue): Issue {
  return {
    ...issue,
    pages: issue.pages.map((p) => ({
      ...p,
      fragments: p.fragments.map((f) => {
        const full = f.spans.filter((s) => s.end > s.start);
        return { ...f, spans: full.length ? full : f.spans.slice(0, 1) };
      }),
    })),
  };
}

// ---- several peers ----------------------------------------------------------------------------------------------

import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { importPages, pageText, resolve, stepSeed, type StepSeed } from '../ops-property-model';
import { audit } from '../../../shared/audit/audit';
import { allFragments, sourceOrder } from '../../../shared/model/lookup';
import { OpError, placeIndex } from '../../../shared/model/lookup';
import type { Op } from '../../../shared/ops';
import { CollabDoc } from '../../../shared/collab';
import { inverseOf } from '../../../shared/collab/inverse';

export type PeerEvent =
  | { kind: 'op'; peer: number; seed: StepSeed }
  | { kind: 'undo' | 'redo'; peer: number }
  | { kind: 'sync'; from: number; to: number };

export const peerEvent: fc.Arbitrary<PeerEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('op' as const), peer: fc.nat(4), seed: stepSeed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const), peer: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(4), to: fc.nat(4) }) },
);

export const peersCaseArb = fc.record({
  pages: fc.array(pageText, { minLength: 1, maxLength: 3 }),
  peers: fc.integer({ min: 3, max: 5 }),
  events: fc.array(peerEvent, { size: 'large', maxLength: 50 }),
  /** Order in which the final full sync delivers each peer's updates to the others. */
  delivery: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
});
export type PeersCase = { pages: string[]; peers: number; events: PeerEvent[]; delivery: number[] };

export interface PeersStats {
  applied: number;
  refused: number;
  undos: number;
  syncs: number;
  kept: number;
}

/** Ids an operation creates, made unique per peer (as the app does with the person's id in a shared issue). */
function ownIds(op: Op, peer: number): Op {
  const tag = (id: string) => `q${peer}_${id}`;
  switch (op.type) {
    case 'batch':
      return { ...op, ops: op.ops.map((o) => ownIds(o, peer)) };
    case 'createArticle':
      return { ...op, articleId: tag(op.articleId) };
    case 'splitFragment':
      return { ...op, newId: tag(op.newId) };
    default:
      return op;
  }
}

/** Fragments whose text / place an operation touches (for "every change nobody else touched is kept"). */
function touched(op: Op, before: import('../../../shared/model/types').Issue): { text: string[]; place: string[] } {
  switch (op.type) {
    case 'batch': {
      const parts = op.ops.map((o) => touched(o, before));
      return { text: parts.flatMap((p) => p.text), place: parts.flatMap((p) => p.place) };
    }
    case 'editText':
      return { text: [op.fragmentId], place: [] };
    case 'splitFragment':
      return { text: [op.fragmentId, op.newId], place: [op.fragmentId, op.newId] };
    case 'mergeFragments':
      return { text: [op.fragmentId, op.nextId], place: [op.fragmentId, op.nextId] };
    case 'moveFragments':
      return { text: [], place: op.fragmentIds };
    case 'createArticle':
      return { text: [], place: op.fragmentIds ?? [] };
    case 'deleteArticle':
      return { text: [], place: before.articles.find((a) => a.id === op.articleId)?.items.map((i) => i.id) ?? [] };
    default:
      return { text: [], place: [] };
  }
}

const containerOf = (issue: import('../../../shared/model/types').Issue, id: string): string => {
  const p = placeIndex(issue).get(id);
  return !p ? 'none' : p.kind === 'article' ? `a:${p.articleId}` : p.kind;
};

class Violation extends Error {}
function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Violation(msg);
}

/**
 * The invariant on a merged issue: no character lost or covered twice, every fragment in exactly one place, texts
 * well-formed, pool and discard pile in source order. (The single-writer property test also checks that an
 * unedited fragment's text matches its spans; under concurrency an edit of one peer can land in a piece another
 * peer split off, so that check does not apply.)
 */
export function checkMerged(issue: Issue): void {
  const r = audit(issue);
  check(!r.lost.length, `text lost: ${JSON.stringify(r.lost[0])}`);
  check(!r.duplicated.length, `text duplicated: ${JSON.stringify(r.duplicated[0])}`);
  check(!r.misplaced.length, `fragment misplaced: ${JSON.stringify(r.misplaced[0])}`);
  const frags = allFragments(issue);
  check(placeIndex(issue).size === frags.length, 'every fragment is in exactly one place');
  for (const f of frags) check(f.text.isWellFormed(), `text of ${f.id} is not well-formed`);
  for (const list of [issue.pool, issue.discarded])
    for (let i = 1; i < list.length; i++)
      check(sourceOrder(issue, list[i - 1]) < sourceOrder(issue, list[i]), 'pool/discard pile out of source order');
  for (const a of issue.articles) check(!a.items[0]?.join, `first item of ${a.id} joins nothing`);
}

/**
 * Runs one multi-peer case: every peer starts from the same seed, applies its own random operations (undo and redo
 * as inverse operations), and syncs with random others at random moments; then every peer receives every other's
 * updates in a random order. Checks the invariant on every peer after every event, convergence at the end, and
 * that every change only one peer made to a fragment (its text or its container) is what the merged issue holds.
 */
export function runPeersCase(c: PeersCase, stats: PeersStats): void {
  const base = importPages(c.pages);
  const seed = CollabDoc.fromIssue(base).snapshot();
  const peers = Array.from({ length: c.peers }, (_, i) => {
    const d = CollabDoc.fromBytes(seed);
    d.doc.setPeerId(i + 1);
    return d;
  });
  const undo: { op: Op; inverse: Op }[][] = peers.map(() => []);
  const redo: { op: Op; inverse: Op }[][] = peers.map(() => []);
  const textBy = new Map<string, Set<number>>();
  const placeBy = new Map<string, Set<number>>();
  const lastText = new Map<string, string>();
  const lastPlace = new Map<string, string>();
  /** Split-off piece → the fragment it came from: a concurrent change of the parent is a change of the piece. */
  const parentOf = new Map<string, string>();
  const splits = (op: Op): [string, string][] =>
    op.type === 'batch' ? op.ops.flatMap(splits) : op.type === 'splitFragment' ? [[op.newId, op.fragmentId]] : [];
  /** Fragment → fragments merged into it: their later changes (by anyone) are part of its text. */
  const absorbed = new Map<string, Set<string>>();
  const merges = (op: Op): [string, string][] =>
    op.type === 'batch' ? op.ops.flatMap(merges) : op.type === 'mergeFragments' ? [[op.fragmentId, op.nextId]] : [];
  /** More than one peer changed this fragment, what it split from, or what was merged into it. */
  const shared = (id: string, by: Map<string, Set<number>>): boolean => {
    const who = new Set<number>();
    const seen = new Set<string>();
    const visit = (x: string) => {
      if (seen.has(x)) return;
      seen.add(x);
      for (const p of by.get(x) ?? []) who.add(p);
      for (const c of absorbed.get(x) ?? []) {
        for (const p of textBy.get(c) ?? []) who.add(p);
        visit(c);
      }
      const parent = parentOf.get(x);
      if (parent !== undefined) visit(parent);
    };
    visit(id);
    return who.size > 1;
  };
  let clock = 0;
  const run = (p: number, op: Op): boolean => {
    const d = peers[p];
    const before = d.issue;
    let after;
    try {
      after = d.apply(op, { at: new Date(Date.UTC(2026, 11, 7, 6, 0, clock++)).toISOString(), by: `p${p}` });
    } catch (e) {
      if (!(e instanceof OpError)) throw e;
      stats.refused++;
      return false;
    }
    stats.applied++;
    for (const [child, parent] of splits(op)) parentOf.set(child, parent);
    for (const [a, b] of merges(op)) (absorbed.get(a) ?? absorbed.set(a, new Set()).get(a)!).add(b);
    const t = touched(op, before);
    for (const id of t.text) {
      (textBy.get(id) ?? textBy.set(id, new Set()).get(id)!).add(p);
      const f = after.pages.flatMap((pg) => pg.fragments).find((x) => x.id === id);
      if (f) lastText.set(id, f.text);
      else lastText.delete(id);
    }
    for (const id of t.place) {
      (placeBy.get(id) ?? placeBy.set(id, new Set()).get(id)!).add(p);
      lastPlace.set(id, containerOf(after, id));
    }
    checkMerged(after);
    return true;
  };
  for (const e of c.events) {
    if (e.kind === 'sync') {
      const from = peers[e.from % c.peers];
      const to = peers[e.to % c.peers];
      if (from === to) continue;
      to.import(from.doc.export({ mode: 'update', from: to.doc.oplogVersion() }));
      stats.syncs++;
      checkMerged(to.issue);
      continue;
    }
    const p = e.peer % c.peers;
    if (e.kind === 'op') {
      const r = resolve(peers[p].issue, e.seed);
      if (!r) continue;
      const op = ownIds(r.op, p + 1);
      const inverse = inverseOf(peers[p].issue, op);
      if (run(p, op) && inverse) {
        undo[p].push({ op, inverse });
        redo[p].length = 0;
      }
    } else {
      const from = e.kind === 'undo' ? undo[p] : redo[p];
      const entry = from.pop();
      if (!entry) continue;
      const op = e.kind === 'undo' ? entry.inverse : entry.op;
      const inverse = inverseOf(peers[p].issue, op);
      if (run(p, op) && inverse) {
        (e.kind === 'undo' ? redo[p] : undo[p]).push({ op: inverse, inverse: op });
        stats.undos++;
      }
    }
  }
  // Full sync: each peer's updates go to every other, in a random order per case.
  const updates = peers.map((d) => d.doc.export({ mode: 'update' }));
  peers.forEach((d, i) => {
    const order = updates.map((u, k) => ({ u, k, r: c.delivery[(i + k) % c.delivery.length] }));
    order.sort((a, b) => a.r - b.r || a.k - b.k);
    for (const { u, k } of order) if (k !== i) d.import(u);
  });
  const first = peers[0].project();
  checkMerged(first);
  for (const d of peers.slice(1))
    check(isDeepStrictEqual(d.project(), first), 'peers do not converge to the same issue after a full sync');
  // Changes nobody else made are kept.
  const frags = new Map(first.pages.flatMap((pg) => pg.fragments).map((f) => [f.id, f]));
  const deadArticle = (code: string) => code.startsWith('a:') && !first.articles.some((a) => `a:${a.id}` === code);
  for (const [id, by] of textBy) {
    if (by.size !== 1 || shared(id, textBy) || shared(id, placeBy)) continue;
    const want = lastText.get(id);
    if (want === undefined) continue; // merged away by its only editor
    check(frags.get(id)?.text === want, `text of ${id} changed by one peer only was not kept`);
    stats.kept++;
  }
  for (const [id, by] of placeBy) {
    if (by.size !== 1 || shared(id, placeBy) || shared(id, textBy)) continue;
    const want = lastPlace.get(id)!;
    if (want === 'none' || deadArticle(want)) continue;
    check(containerOf(first, id) === want, `place of ${id} changed by one peer only was not kept`);
    stats.kept++;
  }
}
