import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { produce, type Patch } from 'immer';
import { audit } from '../../../shared/audit/audit';
import { createIncrementalAudit } from '../../../shared/audit/incremental';
import { PlacementTracker } from '../../../shared/audit/placements';
import { placeIndex } from '../../../shared/model/lookup';
import type { Issue } from '../../../shared/model/types';
import { applyOp, applyRecorded } from '../../../shared/ops';
import { caseArb, importPages, resolve } from '../ops-property-model';

/**
 * The incremental audit must give exactly the report of the full `audit()` for every version of a
 * document: random pages, the random operation sequences of the no-text-lost property (every op, undo, redo),
 * plus corruptions no operation produces (an id placed twice, unplaced, a placed id missing from the pages, a
 * fragment dropped from its page, the same article object twice, an unfrozen copy), so that the paths that fall
 * back to full computation are exercised too.
 */
const CORRUPTIONS = [
  'placeTwice',
  'unplace',
  'ghost',
  'dropFragment',
  'sameArticleTwice',
  'unfrozen',
  'refreeze',
] as const;
type Corruption = (typeof CORRUPTIONS)[number];

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

function corrupt(issue: Issue, kind: Corruption, n: number): Issue {
  const ids = issue.pages.flatMap((p) => p.fragments.map((f) => f.id));
  const id = ids.length ? ids[n % ids.length] : null;
  switch (kind) {
    case 'placeTwice':
      return id
        ? produce(issue, (d) => {
            d.pool.push(id);
          })
        : issue;
    case 'unplace':
      return id
        ? produce(issue, (d) => {
            d.pool = d.pool.filter((x) => x !== id);
            d.discarded = d.discarded.filter((x) => x !== id);
            for (const a of d.articles) a.items = a.items.filter((it) => it.id !== id);
          })
        : issue;
    case 'ghost':
      return produce(issue, (d) => {
        if (d.articles.length) d.articles[n % d.articles.length].items.push({ id: `ghost${n % 3}`, join: false });
        else d.discarded.push(`ghost${n % 3}`);
      });
    case 'dropFragment': {
      const p = issue.pages[n % issue.pages.length];
      return p.fragments.length
        ? produce(issue, (d) => {
            d.pages[n % issue.pages.length].fragments.splice(n % p.fragments.length, 1);
          })
        : issue;
    }
    case 'sameArticleTwice':
      return issue.articles.length
        ? deepFreeze({ ...issue, articles: [...issue.articles, issue.articles[n % issue.articles.length]] })
        : issue;
    case 'unfrozen':
      return structuredClone(issue);
    case 'refreeze':
      // A deep copy, frozen: every object is new, nothing is shared with the previous version.
      return deepFreeze(structuredClone(issue));
  }
}

const corruptionArb = fc.array(fc.record({ at: fc.nat(40), kind: fc.constantFrom(...CORRUPTIONS), n: fc.nat() }), {
  maxLength: 3,
});

describe('incremental audit', () => {
  it(
    'deep-equals audit() after every step of random operation sequences, undo/redo and corruptions',
    { timeout: 600_000 },
    () => {
      let steps = 0;
      let nonEmptyMisplaced = 0;
      let openEnds = 0;
      fc.assert(
        fc.property(caseArb, corruptionArb, (c, corruptions) => {
          const inc = createIncrementalAudit();
          let issue = deepFreeze(importPages(c.pages));
          const undo: { patches: Patch[]; inversePatches: Patch[] }[] = [];
          const redo: typeof undo = [];
          const check = (where: string) => {
            steps++;
            const want = audit(issue);
            const got = inc(issue);
            if (want.misplaced.length) nonEmptyMisplaced++;
            if (want.openEnds.length) openEnds++;
            if (!isDeepStrictEqual(got, want)) expect(got, where).toEqual(want);
            // Asked again for the same version: the same answer.
            if (!isDeepStrictEqual(inc(issue), want)) expect(inc(issue), `${where} (again)`).toEqual(want);
          };
          check('import');
          c.steps.forEach((s, i) => {
            for (const k of corruptions)
              if (k.at === i) {
                issue = corrupt(issue, k.kind, k.n);
                check(`corruption ${k.kind} at ${i}`);
              }
            try {
              if (s.kind === 'undo' || s.kind === 'redo') {
                const from = s.kind === 'undo' ? undo : redo;
                const e = from.pop();
                if (!e) return;
                issue = applyRecorded(issue, s.kind === 'undo' ? e.inversePatches : e.patches);
                (s.kind === 'undo' ? redo : undo).push(e);
              } else {
                const r = resolve(issue, s);
                if (!r) return;
                const applied = applyOp(issue, r.op, { at: '2026-11-27T08:00:00Z' });
                issue = applied.issue;
                undo.push({ patches: applied.patches, inversePatches: applied.inversePatches });
                redo.length = 0;
              }
            } catch {
              return; // refused (or not applicable to a corrupted document): the version did not change
            }
            check(`step ${i} ${s.kind}`);
          });
        }),
        { numRuns: 300 },
      );
      // The generators must reach the interesting states, or the equality proves little.
      expect(steps).toBeGreaterThan(3000);
      expect(nonEmptyMisplaced).toBeGreaterThan(50);
      expect(openEnds).toBeGreaterThan(500);
    },
  );

  it('reuses per-article work: a move between two articles recomputes only what it touched', () => {
    const inc = createIncrementalAudit();
    const text = Array.from({ length: 40 }, (_, i) => `第${i}段没有结束`).join('\n\n');
    let issue = deepFreeze(importPages([text, text]));
    const ids = issue.pages.flatMap((p) => p.fragments.map((f) => f.id));
    issue = applyOp(issue, { type: 'createArticle', articleId: 'a1', fragmentIds: ids.slice(0, 30) }).issue;
    issue = applyOp(issue, { type: 'createArticle', articleId: 'a2', fragmentIds: ids.slice(30, 60) }).issue;
    issue = applyOp(issue, { type: 'createArticle', articleId: 'a3', fragmentIds: ids.slice(60) }).issue;
    const r1 = inc(issue);
    expect(r1.openEnds).toHaveLength(ids.length);
    const moved = applyOp(issue, {
      type: 'moveFragments',
      fragmentIds: [ids[0]],
      to: { kind: 'article', articleId: 'a2', after: null, join: false },
    }).issue;
    // The untouched article keeps its object, and the report equals the full audit.
    expect(moved.articles[2]).toBe(issue.articles[2]);
    const r2 = inc(moved);
    expect(r2).toEqual(audit(moved));
    // A keystroke that keeps every sentence end: the open-end list is the same array (row badges reuse their set).
    const typed = applyOp(moved, { type: 'editText', fragmentId: ids[5], text: '第5段没有结束还在写' }).issue;
    const r3 = inc(typed);
    expect(r3).toEqual(audit(typed));
    expect(r3.openEnds).toBe(r2.openEnds);
    // One that ends a sentence: a new list without that fragment.
    const ended = applyOp(typed, { type: 'editText', fragmentId: ids[5], text: '第5段结束。' }).issue;
    const r4 = inc(ended);
    expect(r4).toEqual(audit(ended));
    expect(r4.openEnds).not.toContain(ids[5]);
  });
  it('an article object that leaves and comes back after its fragment changed is audited again', () => {
    const inc = createIncrementalAudit();
    let v = deepFreeze(importPages(['第一段没有结束\n\n第二段也没有结束']));
    const [f1, f2] = v.pages[0].fragments.map((f) => f.id);
    v = applyOp(v, { type: 'createArticle', articleId: 'a1', fragmentIds: [f1] }).issue;
    v = applyOp(v, { type: 'createArticle', articleId: 'a2', fragmentIds: [f2] }).issue;
    const x = v.articles[0];
    expect(inc(v).openEnds).toEqual([f1, f2]);
    const without = produce(v, (d) => {
      d.articles.splice(0, 1);
      d.pool.push(f1);
    });
    expect(inc(without)).toEqual(audit(without));
    const ended = applyOp(without, { type: 'editText', fragmentId: f1, text: '第一段结束了。' }).issue;
    expect(inc(ended)).toEqual(audit(ended));
    // The same (frozen) article object is back; its fragment now ends a sentence.
    const back = produce(ended, (d) => {
      d.articles.unshift(x);
      d.pool = d.pool.filter((id) => id !== f1);
    });
    expect(back.articles[0]).toBe(x);
    expect(inc(back)).toEqual(audit(back));
    expect(inc(back).openEnds).toEqual([f2]);
  });
});

describe('PlacementTracker', () => {
  it(
    'knows the container of every id placed once, like placeIndex, across random operations',
    { timeout: 300_000 },
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const tracker = new PlacementTracker();
          let issue = deepFreeze(importPages(c.pages));
          for (const s of c.steps) {
            const r = resolve(issue, s);
            if (!r) continue;
            try {
              issue = applyOp(issue, r.op).issue;
            } catch {
              continue;
            }
            expect(tracker.update(issue)).not.toBeNull();
            for (const [id, place] of placeIndex(issue)) {
              const o = tracker.ownerOf(id);
              const want = place.kind === 'article' ? place.articleId : place.kind;
              const got = typeof o === 'string' ? o : o?.id;
              if (got !== want) expect(got, id).toBe(want);
            }
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  it('declines an unfrozen document', () => {
    const tracker = new PlacementTracker();
    expect(tracker.update(importPages(['一。\n\n二。']))).toBeNull();
  });
});
