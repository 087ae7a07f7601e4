import { describe, expect, it } from 'vitest';
import { suggest } from '../../../shared/suggest/engine';
import { suggestionOps } from '../../../shared/suggest/to-ops';
import { decisions, doubts } from '../../../shared/suggest/doubts';
import { placeAfterOp, readingOps, toggleJoinOp } from '../../../shared/suggest/doubt-ops';
import { applyOp, applyRecorded } from '../../../shared/ops/apply';
import { OpSchema } from '../../../shared/ops/op-schema';
import { audit, textIntact } from '../../../shared/audit/audit';
import { placeIndex } from '../../../shared/model/lookup';
import type { Issue } from '../../../shared/model/types';
import { sampleIssue } from './sample';

// The sample page with the engine's whole reading accepted (every fragment placed), and the reading of it.
const fresh = sampleIssue();
const accepted = applyOp(
  fresh,
  suggestionOps(fresh, suggest(fresh, { minConfidence: 0 }), { minConfidence: 0 })!,
).issue;
const reading = suggest(accepted, { includePlaced: true });
const links = (doc: Issue) =>
  doc.articles.flatMap((a) => a.items.slice(1).map((it, k) => ({ from: a.items[k].id, to: it.id, join: it.join })));

describe('decisions of a page (doubts.ts)', () => {
  const all = decisions(accepted, reading);

  it('lists every link and article start of the document once, least confident first', () => {
    expect(accepted.pool).toEqual([]);
    const linkKeys = all.filter((d) => d.kind === 'link').map((d) => `${d.from}>${d.to}`);
    expect(new Set(linkKeys).size).toBe(linkKeys.length);
    expect(linkKeys.sort()).toEqual(
      links(accepted)
        .map((l) => `${l.from}>${l.to}`)
        .sort(),
    );
    expect(all.filter((d) => d.kind === 'start').map((d) => d.to)).toEqual(
      expect.arrayContaining(accepted.articles.map((a) => a.items[0].id)),
    );
    for (let k = 1; k < all.length; k++) expect(all[k].confidence).toBeGreaterThanOrEqual(all[k - 1].confidence);
    // Roles: only the ones that are not body text.
    for (const d of all.filter((x) => x.kind === 'role')) expect(d.role).not.toBe('body');
  });

  it('offers three alternatives on both sides of a link from the page-wide solve, placed fragments included', () => {
    // Captions and other side items are placed by rule after the text above them: they have no text-link
    // predecessors to offer, so the weakest links between text fragments are checked.
    const weak = all
      .filter((d) => d.kind === 'link' && (reading.fragments[d.to!]?.predecessors ?? []).length > 0)
      .slice(0, 10);
    const places = placeIndex(accepted);
    for (const d of weak) {
      expect(d.successors.length, d.key).toBe(3);
      expect(d.predecessors.length, d.key).toBe(3);
      for (const a of [...d.successors, ...d.predecessors]) {
        expect(a.placed).toBe(places.get(a.id)?.kind === 'article');
        expect(a.probability).toBeGreaterThan(0);
      }
      expect(d.successors.map((a) => a.id)).not.toContain(d.from);
      expect(d.predecessors.map((a) => a.id)).not.toContain(d.to);
    }
    // Every fragment is placed here: alternatives can only be placed ones.
    expect(weak.every((d) => d.successors.every((a) => a.placed))).toBe(true);
  });

  it('the doubts are the decisions under the engine threshold; settled ones leave the queue', () => {
    const dd = doubts(accepted, reading);
    expect(dd.length).toBeGreaterThan(0);
    expect(dd.every((d) => d.confidence < reading.minConfidence)).toBe(true);
    expect(dd.length).toBe(all.filter((d) => d.confidence < reading.minConfidence).length);
    const settled = new Set(dd.slice(0, 3).map((d) => d.key));
    const left = doubts(accepted, reading, { settled });
    expect(left.length).toBe(dd.length - 3);
    expect(left.some((d) => settled.has(d.key))).toBe(false);
  });

  it('a link made against the reading is rated by the engine’s share for it', () => {
    const a = accepted.articles[0];
    // Move the article's third fragment to the end of the article: two new links the reading does not make.
    const moved = a.items[2].id;
    const doc = applyOp(accepted, {
      type: 'moveFragments',
      fragmentIds: [moved],
      to: { kind: 'article', articleId: a.id, after: a.items[a.items.length - 1].id, join: false },
    }).issue;
    const d = decisions(doc, reading).find((x) => x.kind === 'link' && x.to === moved)!;
    const share = reading.fragments[d.from!].candidates.find((c) => c.id === moved)?.probability ?? 0;
    expect(d.confidence).toBe(share);
  });

  it('ghost placements of pool fragments are decisions too', () => {
    const r = suggest(fresh, {});
    const ghosts = decisions(fresh, r).filter((d) => d.kind !== 'role');
    expect(ghosts.length).toBe(114);
    expect(ghosts.every((d) => d.ghost)).toBe(true);
  });
});

describe('the engine: predecessors and confirmed links', () => {
  it('gives each fragment up to three predecessors, best first, never itself', () => {
    for (const f of Object.values(reading.fragments)) {
      const p = f.predecessors!;
      expect(p.length).toBeLessThanOrEqual(3);
      expect(p.map((x) => x.id)).not.toContain(f.id);
      for (let k = 1; k < p.length; k++) expect(p[k].score).toBeLessThanOrEqual(p[k - 1].score);
    }
    expect(Object.values(reading.fragments).filter((f) => f.predecessors!.length === 3).length).toBeGreaterThan(50);
  });

  it('a confirmed link stands in the re-solve and nothing else follows its fragment', () => {
    const weak = decisions(accepted, reading).find((d) => d.kind === 'link')!;
    const pick = weak.successors[0].id;
    const r = suggest(accepted, {
      includePlaced: true,
      constraints: { fixLinks: [{ from: weak.from!, to: pick }], forbidLinks: [{ from: weak.from!, to: weak.to }] },
    });
    const next = new Map(r.articles.flatMap((a) => a.items.slice(1).map((it, k) => [a.items[k].id, it.id] as const)));
    expect(next.get(weak.from!)).toBe(pick);
    expect(r.fragments[weak.from!].candidates.map((c) => c.id)).toEqual([pick]);
  });
});

describe('the engine under many confirmed links', () => {
  it('links confirmed against the text leave groups with no allowed order: no crash, such links rated 0', () => {
    // Each of the first five true links confirmed backwards (B before A): orders the text never supports.
    const backwards = [...accepted.articles.flatMap((a) => a.items.slice(1).map((it, k) => [a.items[k].id, it.id]))]
      .slice(0, 5)
      .map(([from, to]) => ({ from: to, to: from }));
    const r = suggest(fresh, { includePlaced: true, constraints: { fixLinks: backwards } });
    const items = r.articles.flatMap((a) => a.items);
    expect(items).toHaveLength(114);
    for (const it of items.filter((x) => x.reasons.some((why) => why.startsWith('no allowed link'))))
      expect(it.confidence).toBe(0);
  });
});

describe('decision ops (doubt-ops.ts)', () => {
  const art = accepted.articles[0];
  const [a, b, c] = art.items.map((it) => it.id);

  it('places an alternative right after A in A’s article, never in a new one', () => {
    const other = accepted.articles[1].items[1].id;
    const op = placeAfterOp(accepted, a, other, true)!;
    const doc = applyOp(accepted, op).issue;
    expect(doc.articles).toHaveLength(accepted.articles.length);
    expect(doc.articles[0].items[1]).toEqual({ id: other, join: true });
    expect(doc.articles[0].items[2].id).toBe(b);
    // A in the pool: nothing (an article would have to be made up).
    expect(placeAfterOp(fresh, 'p1.1', 'p1.2', false)).toBeNull();
    expect(placeAfterOp(accepted, a, b, accepted.articles[0].items[1].join)).toBeNull();
  });

  it('toggles the seam before B, and not before an article’s first fragment', () => {
    const was = art.items[2].join;
    const doc = applyOp(accepted, toggleJoinOp(accepted, c)!).issue;
    expect(doc.articles[0].items[2].join).toBe(!was);
    expect(toggleJoinOp(accepted, a)).toBeNull();
  });

  it('re-reads scoped articles as the reading has them, in ONE undo step, keeping the proofreader’s links', () => {
    // Scramble two articles; the reading puts them back.
    const x = accepted.articles[1];
    const scrambled = applyOp(accepted, {
      type: 'batch',
      ops: [
        { type: 'moveFragments', fragmentIds: [x.items[1].id], to: { kind: 'article', articleId: art.id, after: a } },
        { type: 'moveFragments', fragmentIds: [c], to: { kind: 'pool' } },
      ],
    }).issue;
    const op = readingOps(scrambled, reading, { pageIds: ['p1'], articleIds: [art.id, x.id] })!;
    expect(OpSchema.safeParse(op).success).toBe(true);
    expect(op.type).toBe('batch');
    const r = applyOp(scrambled, op);
    expect(r.issue.articles[0]).toEqual(accepted.articles[0]);
    expect(r.issue.articles[1]).toEqual(accepted.articles[1]);
    expect(r.issue.articles).toHaveLength(accepted.articles.length);
    expect(textIntact(audit(r.issue))).toBe(true);
    expect(applyRecorded(r.issue, r.inversePatches)).toEqual(scrambled);
    expect(readingOps(accepted, reading, { pageIds: ['p1'] })).toBeNull();
    // A confirmed link wins over the reading.
    const kept = readingOps(scrambled, reading, {
      pageIds: ['p1'],
      articleIds: [art.id, x.id],
      keep: [{ from: a, to: x.items[1].id, join: false }],
    })!;
    const k = applyOp(scrambled, kept).issue.articles[0].items;
    expect(k[1].id).toBe(x.items[1].id);
    // Nothing is created unless asked.
    const none = readingOps(fresh, reading, { pageIds: ['p1'] });
    expect(none).toBeNull();
    const made = readingOps(fresh, reading, { pageIds: ['p1'], create: true })!;
    expect(applyOp(fresh, made).issue.pool).toEqual([]);
  });
});
