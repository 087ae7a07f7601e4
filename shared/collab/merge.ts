import type { Issue } from '../model/types';
import { OpError, placeIndex } from '../model/lookup';
import { OpSchema } from '../ops';
import { CollabDoc } from './collab-doc';
import { seedOf } from './seed';
import { commonVersion, conflictsOf, findConflicts, issueAt, recordConflicts } from './conflicts';
import { fingerprint } from './seed';
import type { Conflict } from './schema';
import { touchedBy } from './touched';

/** JSON with keys sorted: two history entries are the same entry whatever order their keys were saved in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)),
        )
      : x,
  );
}
const isDeepStrictEqual = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** One copy of an issue: its file, and the history that travelled beside it (when it did). */
export interface Copy {
  issue: Issue;
  history?: Uint8Array;
}

export interface MergeResult {
  issue: Issue;
  doc: CollabDoc;
  conflicts: Conflict[];
  /** `crdt`: both copies kept their history; `history`: one did not, the second copy's operations were replayed. */
  mode: 'crdt' | 'history';
  notes: string[];
}

/**
 * The document of a copy, when its history is there and agrees with the file (the file is the truth: a history that
 * lags behind is brought up to date from the file's correction list; one that disagrees is set aside).
 */
export function docOf(copy: Copy, notes: string[], name: string): CollabDoc | undefined {
  if (!copy.history) return undefined;
  let d: CollabDoc;
  try {
    d = CollabDoc.fromBytes(copy.history);
  } catch {
    notes.push(`${name}: its history file is damaged; merged from its correction list instead`);
    return undefined;
  }
  const held = d.issue.history;
  const want = copy.issue.history;
  if (held.length > want.length || !held.every((h, i) => isDeepStrictEqual(h, want[i]))) {
    notes.push(`${name}: its history file belongs to another version of the issue; merged from its correction list`);
    return undefined;
  }
  try {
    for (const h of want.slice(held.length)) {
      const op = OpSchema.parse(h.op);
      d.apply(op, { at: h.at, ...(h.by ? { by: h.by } : {}) });
    }
  } catch {
    notes.push(`${name}: its history file could not be brought up to date; merged from its correction list`);
    return undefined;
  }
  return d;
}

const textIn = (i: Issue, id: string) => i.pages.flatMap((p) => p.fragments).find((f) => f.id === id)?.text;

const containerOf = (issue: Issue, id: string): string => {
  const p = placeIndex(issue).get(id);
  return !p ? 'none' : p.kind === 'article' ? `a:${p.articleId}` : p.kind;
};

/**
 * Merges two copies of one issue. With both histories from the same seed the CRDT merges them (nothing is lost or
 * doubled by construction) and `findConflicts` lists what both changed differently. Otherwise the copies' correction
 * lists are compared: what they share is the common past, the first copy is taken as it is and the second copy's
 * later operations are replayed on it; where both changed the same fragment, or an operation no longer applies,
 * a conflict is recorded. Either way the result passes the audit.
 */
export function mergeCopies(a: Copy, b: Copy): MergeResult {
  const notes: string[] = [];
  const da = docOf(a, notes, 'first copy');
  const db = docOf(b, notes, 'second copy');
  if (da && db && seedOf(da.doc) === seedOf(db.doc)) {
    const vva = da.doc.oplogVersion();
    const vvb = db.doc.oplogVersion();
    const local = da.issue;
    const remote = db.issue;
    da.import(db.doc.export({ mode: 'update', from: vva }));
    const merged = da.issue;
    const base = issueAt(da.doc, commonVersion(vva, vvb));
    const found = findConflicts(base, local, remote, merged);
    // Both sides rewrote the same characters: the text CRDT keeps both insertions ("谈讲"), which is neither
    // choice. One is kept whole (the smaller in code-unit order, so any merger picks the same) and written as an
    // edit of this merge; the other is recorded.
    for (const c of found) {
      if (c.kind !== 'text') continue;
      const l = textIn(local, c.fragmentId)!;
      const r = textIn(remote, c.fragmentId)!;
      if (c.kept === l || c.kept === r) continue;
      const keep = l < r ? l : r;
      da.apply({ type: 'editText', fragmentId: c.fragmentId, text: keep, label: 'Merge: keep one of two edits' });
      c.kept = keep;
      c.other = keep === l ? r : l;
      c.key = `text:${c.fragmentId}:${fingerprint(c.other)}`;
    }
    recordConflicts(da.doc, found);
    return { issue: da.project(), doc: da, conflicts: conflictsOf(da.doc), mode: 'crdt', notes };
  }
  if (da && db) notes.push('the two histories start from different versions; merged from the correction lists');
  const target = da ?? CollabDoc.fromIssue(a.issue);
  const ha = a.issue.history;
  const hb = b.issue.history;
  let k = 0;
  while (k < ha.length && k < hb.length && isDeepStrictEqual(ha[k], hb[k])) k++;
  const aIssue = target.issue;
  const byA = { text: new Set<string>(), place: new Set<string>() };
  // What the first copy changed since the common past, from its correction list (ops applied to its own states
  // are not available; touching by id is what matters here).
  for (const h of ha.slice(k)) {
    const op = OpSchema.safeParse(h.op);
    if (!op.success) continue;
    const t = touchedBy(op.data, aIssue);
    t.text.forEach((id) => byA.text.add(id));
    t.place.forEach((id) => byA.place.add(id));
  }
  const conflicts: Conflict[] = [];
  const both = { text: new Set<string>(), place: new Set<string>() };
  for (const h of hb.slice(k)) {
    const parsed = OpSchema.safeParse(h.op);
    const label = parsed.success ? (parsed.data.label ?? parsed.data.type) : 'an unreadable entry';
    if (!parsed.success) continue;
    const before = target.issue;
    try {
      target.apply(parsed.data, { at: h.at, ...(h.by ? { by: h.by } : {}) });
    } catch (e) {
      if (!(e instanceof OpError)) throw e;
      const id = 'fragmentId' in parsed.data ? String(parsed.data.fragmentId) : '';
      const other = `${label} (${e.message})`;
      conflicts.push({
        key: `op:${id}:${fingerprint(JSON.stringify(h))}`,
        kind: 'op',
        fragmentId: id,
        kept: 'the first copy',
        other,
        ...(h.by ? { otherBy: h.by } : {}),
        reviewed: false,
      });
      continue;
    }
    const t = touchedBy(parsed.data, before);
    t.text.filter((id) => byA.text.has(id)).forEach((id) => both.text.add(id));
    t.place.filter((id) => byA.place.has(id)).forEach((id) => both.place.add(id));
  }
  const merged = target.issue;
  const textOf = (i: Issue, id: string) => i.pages.flatMap((p) => p.fragments).find((f) => f.id === id)?.text;
  for (const id of both.text) {
    const was = textOf(aIssue, id);
    const now = textOf(merged, id);
    if (was !== undefined && now !== undefined && was !== now)
      conflicts.push({
        key: `text:${id}:${fingerprint(was)}`,
        kind: 'text',
        fragmentId: id,
        kept: now,
        other: was,
        reviewed: false,
      });
  }
  for (const id of both.place) {
    const was = containerOf(aIssue, id);
    const now = containerOf(merged, id);
    if (was !== now && was !== 'none' && now !== 'none')
      conflicts.push({
        key: `place:${id}:${fingerprint(was)}`,
        kind: 'place',
        fragmentId: id,
        kept: now,
        other: was,
        reviewed: false,
      });
  }
  recordConflicts(target.doc, conflicts);
  return { issue: target.project(), doc: target, conflicts: conflictsOf(target.doc), mode: 'history', notes };
}
