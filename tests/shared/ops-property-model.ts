/**
 * The "no text is ever lost" property, shared by `ops-property.test.ts` (1,000 sequences in `npm test`) and
 * `bench/property.ts` (10,000). Relative imports only: tsx runs the bench without the vite aliases.
 *
 * A case is random pages plus a list of random *step seeds*; each seed is resolved against the issue as it is at
 * that moment (which fragment, which article, which offset), so that shrinking keeps sequences meaningful.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Patch } from 'immer';
import { pageFromPlainText } from '../../shared/import/plain-text';
import { createIssue, nextFreeId } from '../../shared/model/create';
import {
  OpError,
  allFragments,
  findFragment,
  originalTextOf,
  placeIndex,
  placeOf,
  sourceOrder,
} from '../../shared/model/lookup';
import { parseIssue, serializeIssue } from '../../shared/issue-file/parse-issue';
import { OPEN_END_RESOLUTIONS, ROLES, REVIEW_STATUSES } from '../../shared/model/schema';
import type { Issue, Place } from '../../shared/model/types';
import { applyOp, applyRecorded, replayHistory, type Op } from '../../shared/ops';
import { audit } from '../../shared/audit/audit';

/** Pieces pages are made of: CJK (BMP and astral), ASCII, spaces, newlines, CJK punctuation, U+3000, a combining
 * accent, emoji (one with a skin-tone modifier), heading marks. */
export const PIECES = [
  '中',
  '国',
  '报',
  '道',
  '的',
  '𠮷',
  '𩸽',
  'a',
  'B',
  'z',
  '7',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '。',
  '，',
  '\u3000',
  'e\u0301',
  '😀',
  '👍🏽',
  '# ',
  '## ',
  '\n# ',
  '\n### ',
  '.',
  ',',
  '"',
  '「',
  '」',
] as const;

export const pageText = fc.array(fc.constantFrom(...PIECES), { size: 'large', maxLength: 300 }).map((a) => a.join(''));

export const STEP_KINDS = [
  'create',
  'createWith',
  'rename',
  'delete',
  'moveArticle',
  'toArticle',
  'toPool',
  'toDiscard',
  'split',
  'splitBad',
  'merge',
  'setJoin',
  'edit',
  'editBad',
  'setRole',
  'setStatus',
  'resolveEnd',
  'batch',
  'undo',
  'redo',
  'undo',
  'redo',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepSeed {
  kind: StepKind;
  picks: number[];
  n: number;
  flag: boolean;
  text: string;
}

export const stepSeed: fc.Arbitrary<StepSeed> = fc.record({
  kind: fc.constantFrom(...STEP_KINDS),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  n: fc.integer({ min: -3, max: 400 }),
  flag: fc.boolean(),
  text: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join('')),
});

export const caseArb = fc.record({
  pages: fc.array(pageText, { minLength: 1, maxLength: 3 }),
  steps: fc.array(stepSeed, { size: 'large', maxLength: 40 }),
});
export type Case = { pages: string[]; steps: StepSeed[] };

/** An assertion failure of the property (not an OpError: those are expected refusals). */
export class PropertyViolation extends Error {}
function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new PropertyViolation(msg);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export function importPages(texts: string[]): Issue {
  const pages = texts.map((t, i) =>
    pageFromPlainText(t, { pageId: `p${i + 1}`, label: String(i + 1), encoding: 'utf-8' }),
  );
  return createIssue(pages, { id: 'prop', title: 'property' });
}

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[Math.abs(n) % list.length] : undefined;

/** Where every fragment is, computed from scratch (to check the cached `placeIndex`). */
function freshPlaces(issue: Issue): Map<string, Place> {
  const m = new Map<string, Place>();
  for (const a of issue.articles)
    a.items.forEach((it, index) => m.set(it.id, { kind: 'article', articleId: a.id, index }));
  issue.pool.forEach((id, index) => m.set(id, { kind: 'pool', index }));
  issue.discarded.forEach((id, index) => m.set(id, { kind: 'discard', index }));
  return m;
}

/** The invariant after every step. */
export function checkInvariant(issue: Issue): void {
  const r = audit(issue);
  check(!r.lost.length, `text lost: ${JSON.stringify(r.lost[0])}`);
  check(!r.duplicated.length, `text duplicated: ${JSON.stringify(r.duplicated[0])}`);
  check(!r.misplaced.length, `fragment misplaced: ${JSON.stringify(r.misplaced[0])}`);
  const frags = allFragments(issue);
  const places = placeIndex(issue);
  const fresh = freshPlaces(issue);
  check(places.size === frags.length && fresh.size === frags.length, 'every fragment is in exactly one place');
  for (const f of frags) {
    check(f.text.isWellFormed(), `text of ${f.id} is not well-formed`);
    check(findFragment(issue, f.id) === f, `fragment index is stale for ${f.id}`);
    check(JSON.stringify(places.get(f.id)) === JSON.stringify(fresh.get(f.id)), `place index is stale for ${f.id}`);
    check(JSON.stringify(placeOf(issue, f.id)) === JSON.stringify(fresh.get(f.id)), `placeOf is stale for ${f.id}`);
    check(f.spans.length > 0, `${f.id} has no span`);
  }
  for (const list of [issue.pool, issue.discarded]) {
    for (let i = 1; i < list.length; i++)
      check(sourceOrder(issue, list[i - 1]) < sourceOrder(issue, list[i]), 'pool/discard pile out of source order');
  }
  for (const a of issue.articles) check(!a.items[0]?.join, `first item of ${a.id} joins nothing`);
  checkProvenance(issue);
}

/** Fragments whose text was edited, directly or by descent (split of / merge with an edited one), per the history. */
function editedIds(issue: Issue): Set<string> {
  const out = new Set<string>();
  const walk = (op: Op) => {
    if (op.type === 'batch') op.ops.forEach(walk);
    else if (op.type === 'editText') out.add(op.fragmentId);
    else if (op.type === 'splitFragment' && out.has(op.fragmentId)) out.add(op.newId);
    else if (op.type === 'mergeFragments' && out.has(op.nextId)) out.add(op.fragmentId);
  };
  for (const h of issue.history) walk(h.op as unknown as Op);
  return out;
}

/** An unedited fragment's text is exactly what its spans cover (a merge may add a space between Latin words):
 * a split that cuts the provenance at the wrong place keeps coverage intact but fails here. */
function checkProvenance(issue: Issue): void {
  const edited = editedIds(issue);
  for (const f of allFragments(issue)) {
    if (edited.has(f.id)) continue;
    const strip = (t: string) => t.replace(/ /g, '');
    check(strip(f.text) === strip(originalTextOf(issue, f)), `text of ${f.id} no longer matches its spans`);
  }
}

type Resolved = { op: Op; mustFail: boolean } | null;

/** Turns a seed into a concrete operation on the current issue (null when the issue offers nothing to act on). */
export function resolve(issue: Issue, s: StepSeed, depth = 0): Resolved {
  const frags = allFragments(issue);
  const ids = frags.map((f) => f.id);
  const arts = issue.articles;
  const some = () => [...new Set(s.picks.map((p) => pick(ids, p)!))];
  const art = pick(arts, s.picks[0]);
  switch (s.kind) {
    case 'create':
      return {
        op: {
          type: 'createArticle',
          articleId: nextFreeId(issue, 'a'),
          ...(s.flag ? { title: s.text } : {}),
          index: Math.max(0, s.n) % (arts.length + 2),
        },
        mustFail: false,
      };
    case 'createWith':
      if (!ids.length) return null;
      return { op: { type: 'createArticle', articleId: nextFreeId(issue, 'a'), fragmentIds: some() }, mustFail: false };
    case 'rename':
      return art
        ? { op: { type: 'renameArticle', articleId: art.id, title: s.flag ? s.text : null }, mustFail: false }
        : null;
    case 'delete':
      return art ? { op: { type: 'deleteArticle', articleId: art.id }, mustFail: false } : null;
    case 'moveArticle':
      return art
        ? {
            op: { type: 'moveArticle', articleId: art.id, index: Math.max(0, s.n) % (arts.length + 1) },
            mustFail: false,
          }
        : null;
    case 'toArticle': {
      if (!ids.length || !art) return null;
      const moving = some();
      // The anchor: start, an item of the target, or (sometimes) an item of another article or a moving one.
      const other = pick(
        arts.flatMap((a) => a.items.map((it) => it.id)),
        s.n,
      );
      const own = pick(
        art.items.map((it) => it.id),
        s.n,
      );
      const after = s.n % 4 === 0 ? null : s.n % 4 === 1 && other ? other : (own ?? null);
      const bad = after !== null && (moving.includes(after) || !art.items.some((it) => it.id === after));
      return {
        op: {
          type: 'moveFragments',
          fragmentIds: moving,
          to: { kind: 'article', articleId: art.id, after, join: s.flag },
        },
        mustFail: bad,
      };
    }
    case 'toPool':
    case 'toDiscard':
      return ids.length
        ? {
            op: { type: 'moveFragments', fragmentIds: some(), to: { kind: s.kind === 'toPool' ? 'pool' : 'discard' } },
            mustFail: false,
          }
        : null;
    case 'split': {
      const f = pick(frags, s.picks[0]);
      if (!f || f.text.length < 2) return null;
      const offset = 1 + (Math.abs(s.n) % (f.text.length - 1));
      // Valid unless it lands inside a character; the op decides, the property checks nothing changed then.
      return {
        op: { type: 'splitFragment', fragmentId: f.id, offset, newId: nextFreeId(issue, 'f') },
        mustFail: false,
      };
    }
    case 'splitBad': {
      const f = pick(frags, s.picks[0]);
      if (!f) return null;
      const variants: Op[] = [
        { type: 'splitFragment', fragmentId: f.id, offset: 0, newId: nextFreeId(issue, 'f') },
        { type: 'splitFragment', fragmentId: f.id, offset: f.text.length, newId: nextFreeId(issue, 'f') },
        {
          type: 'splitFragment',
          fragmentId: f.id,
          offset: f.text.length + 1 + Math.abs(s.n),
          newId: nextFreeId(issue, 'f'),
        },
        { type: 'splitFragment', fragmentId: f.id, offset: -1 - Math.abs(s.n), newId: nextFreeId(issue, 'f') },
        { type: 'splitFragment', fragmentId: f.id, offset: 1.5, newId: nextFreeId(issue, 'f') },
        { type: 'splitFragment', fragmentId: f.id, offset: 1, newId: pick(ids, s.n)! },
        { type: 'splitFragment', fragmentId: 'no-such-fragment', offset: 1, newId: nextFreeId(issue, 'f') },
      ];
      const at = f.text.search(/[\uD800-\uDBFF][\uDC00-\uDFFF]/);
      if (at >= 0)
        variants.push({ type: 'splitFragment', fragmentId: f.id, offset: at + 1, newId: nextFreeId(issue, 'f') });
      return { op: pick(variants, s.picks.length + s.n)!, mustFail: true };
    }
    case 'merge': {
      const f = pick(frags, s.picks[0]);
      if (!f) return null;
      const places = placeIndex(issue);
      const p = places.get(f.id)!;
      const list =
        p.kind === 'pool'
          ? issue.pool
          : p.kind === 'discard'
            ? issue.discarded
            : arts.find((a) => a.id === p.articleId)!.items.map((it) => it.id);
      const next = s.flag ? list[p.index + 1] : pick(ids, s.n);
      return next ? { op: { type: 'mergeFragments', fragmentId: f.id, nextId: next }, mustFail: false } : null;
    }
    case 'setJoin': {
      const f = pick(frags, s.picks[0]);
      return f ? { op: { type: 'setJoin', fragmentId: f.id, join: s.flag }, mustFail: false } : null;
    }
    case 'edit': {
      const f = pick(frags, s.picks[0]);
      if (!f) return null;
      // Either a fresh text, or the current text with a piece inserted at a code-point boundary.
      const cps = [...f.text];
      const at = Math.abs(s.n) % (cps.length + 1);
      const text = s.flag ? s.text : [...cps.slice(0, at), s.text, ...cps.slice(at)].join('');
      return { op: { type: 'editText', fragmentId: f.id, text }, mustFail: false };
    }
    case 'editBad': {
      const f = pick(frags, s.picks[0]);
      return f ? { op: { type: 'editText', fragmentId: f.id, text: f.text + '\uD842' }, mustFail: true } : null;
    }
    case 'setRole':
      return ids.length
        ? { op: { type: 'setRole', fragmentIds: some(), role: pick(ROLES, s.n)! }, mustFail: false }
        : null;
    case 'setStatus':
      return art
        ? {
            op: {
              type: 'setStatus',
              articleId: art.id,
              status: pick(REVIEW_STATUSES, s.n)!,
              ...(s.flag ? { by: 'proofreader', at: '2026-11-27T10:00:00Z' } : {}),
            },
            mustFail: false,
          }
        : null;
    case 'resolveEnd': {
      // Resolve (or unresolve) any fragment: the op refuses what is not an open end, and the property checks that
      // nothing changed then; resolutions then ride along through moves, splits, merges, edits and undo.
      // Mostly a current open end (random fragments are rarely one), sometimes any fragment.
      const r = audit(issue);
      const ends = [...r.openEnds, ...r.resolvedOpenEnds];
      const f =
        s.picks.length > 1 && ends.length ? findFragment(issue, pick(ends, s.picks[1])!) : pick(frags, s.picks[0]);
      if (!f) return null;
      const as = pick([...OPEN_END_RESOLUTIONS, null], s.n) ?? null;
      return {
        op: {
          type: 'resolveOpenEnd',
          fragmentId: f.id,
          as,
          ...(as === 'elsewhere' && s.flag ? { page: '3' } : {}),
          ...(as ? { by: 'proofreader', at: '2026-12-07T03:00:00Z' } : {}),
        },
        mustFail: false,
      };
    }
    case 'batch': {
      if (depth > 0) return null;
      // "New article from selection, then set a role": sub-steps resolved against the state they will see.
      const kinds: StepKind[] = ['createWith', 'setRole', s.flag ? 'split' : 'toPool'];
      const ops: Op[] = [];
      let cur = issue;
      let mustFail = false;
      for (const [k, kind] of kinds.entries()) {
        const r = resolve(cur, { ...s, kind, picks: s.picks.map((p) => p + k) }, depth + 1);
        if (!r) continue;
        ops.push(r.op);
        try {
          cur = applyOp(cur, r.op, { unrecorded: true }).issue;
        } catch (e) {
          if (!(e instanceof OpError)) throw e;
          mustFail = true; // one refused step refuses the whole batch
          break;
        }
      }
      return ops.length ? { op: { type: 'batch', ops }, mustFail } : null;
    }
    default:
      return null;
  }
}

interface Entry {
  patches: Patch[];
  inversePatches: Patch[];
}

export interface RunStats {
  applied: number;
  refused: number;
  undos: number;
  redos: number;
}

/**
 * Runs one case and checks the property after every step; throws `PropertyViolation` (or an unexpected error)
 * on the first failure. `roundTripEvery` controls how often the JSON save/parse round trip runs mid-sequence.
 */
export function runCase(
  c: Case,
  stats: RunStats = { applied: 0, refused: 0, undos: 0, redos: 0 },
  roundTripEvery = 16,
): Issue {
  return runSteps(importPages(c.pages), c.steps, stats, roundTripEvery);
}

/** The same checks as `runCase`, from any imported issue (layout imports, large generated issues). */
export function runSteps(
  imported: Issue,
  steps: StepSeed[],
  stats: RunStats = { applied: 0, refused: 0, undos: 0, redos: 0 },
  roundTripEvery = 16,
): Issue {
  const original = deepFreeze(imported);
  checkInvariant(original);
  let issue = original;
  const undo: Entry[] = [];
  const redo: Entry[] = [];
  let clock = 0;
  steps.forEach((s, i) => {
    if (s.kind === 'undo' || s.kind === 'redo') {
      const from = s.kind === 'undo' ? undo : redo;
      const e = from.pop();
      if (!e) return;
      issue = applyRecorded(issue, s.kind === 'undo' ? e.inversePatches : e.patches);
      (s.kind === 'undo' ? redo : undo).push(e);
      if (s.kind === 'undo') stats.undos++;
      else stats.redos++;
    } else {
      const r = resolve(issue, s);
      if (!r) return;
      const before = issue;
      try {
        const applied = applyOp(issue, r.op, { at: new Date(Date.UTC(2026, 10, 27, 8, 0, clock++)).toISOString() });
        check(!r.mustFail, `operation should have been refused: ${JSON.stringify(r.op)}`);
        issue = applied.issue;
        undo.push({ patches: applied.patches, inversePatches: applied.inversePatches });
        redo.length = 0;
        stats.applied++;
      } catch (e) {
        if (!(e instanceof OpError)) throw e;
        check(issue === before, 'a refused operation replaced the issue');
        stats.refused++;
      }
    }
    checkInvariant(issue);
    if (roundTripEvery > 0 && i % roundTripEvery === roundTripEvery - 1) roundTrip(issue);
  });
  roundTrip(issue);
  const replayed = replayHistory(original, issue.history);
  check(isDeepStrictEqual(replayed, issue), 'replaying the history does not give the same document');
  let back = issue;
  while (undo.length) back = applyRecorded(back, undo.pop()!.inversePatches);
  check(isDeepStrictEqual(back, original), 'undoing everything does not give the original back');
  return issue;
}

function roundTrip(issue: Issue): void {
  // Deep equality, not string equality: key order may differ (zod emits schema order), values may not.
  check(isDeepStrictEqual(parseIssue(serializeIssue(issue)), issue), 'save/load round trip changed the issue');
}
