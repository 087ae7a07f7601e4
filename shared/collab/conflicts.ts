import { VersionVector, type LoroDoc } from 'loro-crdt';
import type { Issue } from '../model/types';
import { articleTitle, placeIndex } from '../model/lookup';
import { C, type Conflict } from './schema';
import { changedRange } from './writer';
import { fingerprint } from './seed';
import { CollabState } from './state';
import { projectIssue } from './project';

/** Readable name of where a fragment is: an article's title, the pool, the discard pile, or merged into another. */
function whereIs(issue: Issue, id: string): string {
  const p = placeIndex(issue).get(id);
  if (!p) return 'merged into another fragment';
  if (p.kind === 'pool') return 'the unassigned pool';
  if (p.kind === 'discard') return 'the discard pile';
  const a = issue.articles.find((x) => x.id === p.articleId)!;
  return `article "${articleTitle(issue, a) || a.id}"`;
}

const containerOf = (issue: Issue, id: string): string => {
  const p = placeIndex(issue).get(id);
  return !p ? 'none' : p.kind === 'article' ? `a:${p.articleId}` : p.kind;
};

/**
 * What two sides both changed, differently, since their common version: a fragment both placed elsewhere, or the
 * same characters of a fragment both edited. The merged issue keeps one choice (the CRDT's deterministic winner);
 * each conflict records the other, so the proofreader can review it ("changed by both: …").
 */
export function findConflicts(base: Issue, local: Issue, remote: Issue, merged: Issue): Conflict[] {
  const out: Conflict[] = [];
  const texts = (i: Issue) => new Map(i.pages.flatMap((p) => p.fragments.map((f) => [f.id, f.text] as const)));
  const tb = texts(base);
  const tl = texts(local);
  const tr = texts(remote);
  const tm = texts(merged);
  for (const [id, b] of tb) {
    const l = tl.get(id);
    const r = tr.get(id);
    if (l === undefined || r === undefined) continue;
    const cb = containerOf(base, id);
    const cl = containerOf(local, id);
    const cr = containerOf(remote, id);
    if (cl !== cb && cr !== cb && cl !== cr) {
      const kept = containerOf(merged, id);
      const otherSide = kept === cl ? remote : local;
      const other = whereIs(otherSide, id);
      out.push({
        key: `place:${id}:${fingerprint(other)}`,
        kind: 'place',
        fragmentId: id,
        kept: whereIs(merged, id),
        other,
        reviewed: false,
      });
    }
    if (l !== b && r !== b && l !== r) {
      const rl = changedRange(b, l);
      const rr = changedRange(b, r);
      if (rl.start <= rr.oldEnd && rr.start <= rl.oldEnd) {
        const kept = tm.get(id) ?? '';
        const other = kept === l ? r : l;
        out.push({
          key: `text:${id}:${fingerprint(other)}`,
          kind: 'text',
          fragmentId: id,
          kept,
          other,
          reviewed: false,
        });
      }
    }
  }
  return out;
}

/** The issue a document held at a version (given as a version vector). */
export function issueAt(doc: LoroDoc, vv: VersionVector): Issue {
  const fork = doc.forkAt(doc.vvToFrontiers(vv));
  return projectIssue(new CollabState(fork));
}

/** The version both vectors contain (the common ancestor of two copies). */
export function commonVersion(a: VersionVector, b: VersionVector): VersionVector {
  const mb = b.toJSON();
  const m = new Map<`${number}`, number>();
  for (const [peer, n] of a.toJSON()) {
    const k = Math.min(n, mb.get(peer) ?? 0);
    if (k > 0) m.set(peer, k);
  }
  return new VersionVector(m);
}

/** Records conflicts in the document (kept once per key; a reviewed one stays reviewed). */
export function recordConflicts(doc: LoroDoc, conflicts: readonly Conflict[]): void {
  const map = doc.getMap(C.conflicts);
  for (const c of conflicts) if (map.get(c.key) === undefined) map.set(c.key, { ...c } as never);
  doc.commit();
}

/** The conflicts recorded in a document. */
export function conflictsOf(doc: LoroDoc): Conflict[] {
  return Object.values(doc.getMap(C.conflicts).toJSON() as Record<string, Conflict>);
}

/** Marks a conflict as reviewed (the proofreader looked at both choices and kept the merged one or fixed it). */
export function markReviewed(doc: LoroDoc, key: string): void {
  const map = doc.getMap(C.conflicts);
  const c = map.get(key) as Conflict | undefined;
  if (c) map.set(key, { ...c, reviewed: true } as never);
  doc.commit();
}
