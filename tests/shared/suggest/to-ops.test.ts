import { describe, expect, it } from 'vitest';
import { suggest } from '../../../shared/suggest/engine';
import { suggestionOps } from '../../../shared/suggest/to-ops';
import { applySuggestions } from '../../../shared/suggest/apply';
import { applyOp, applyRecorded } from '../../../shared/ops/apply';
import { OpSchema } from '../../../shared/ops/op-schema';
import { audit, textIntact } from '../../../shared/audit/audit';
import { sampleIssue, sampleTruth, truthLinks } from './sample';

const issue = sampleIssue();
const s = suggest(issue);
const links = truthLinks(sampleTruth());

describe('suggestionOps', () => {
  it('turns the confident decisions into ONE valid batch op that loses no text and can be undone', () => {
    const op = suggestionOps(issue, s)!;
    expect(op.type).toBe('batch');
    expect(OpSchema.safeParse(op).success).toBe(true);
    const r = applyOp(issue, op);
    expect(r.issue.history).toHaveLength(1);
    const rep = audit(r.issue);
    expect(textIntact(rep)).toBe(true);
    expect(rep.misplaced).toEqual([]);
    expect(applyRecorded(r.issue, r.inversePatches)).toEqual(issue);
  });

  it('places only confident links, each right after a fragment already there, and they match the truth', () => {
    const r = applyOp(issue, suggestionOps(issue, s)!).issue;
    expect(r.articles).toHaveLength(9);
    let placedLinks = 0;
    for (const a of r.articles) {
      a.items.forEach((it, k) => {
        if (k === 0) return;
        placedLinks++;
        const t = links.get(a.items[k - 1].id);
        expect(t?.next, `${a.items[k - 1].id} → ${it.id}`).toBe(it.id);
        expect(it.join).toBe(t!.join);
      });
    }
    expect(placedLinks).toBeGreaterThanOrEqual(8); // not vacuous: the heading groups and several joins
    // Everything not confident stays unassigned.
    expect(r.pool.length).toBe(114 - r.articles.reduce((n, a) => n + a.items.length, 0));
  });

  it('uses new article ids from issue.nextId and sets suggested roles', () => {
    const op = suggestionOps(issue, s)!;
    const creates = (op.type === 'batch' ? op.ops : []).filter((o) => o.type === 'createArticle');
    expect(creates.map((o) => (o as { articleId: string }).articleId)[0]).toBe(`a${issue.nextId}`);
    const r = applyOp(issue, op).issue;
    const role = (id: string) => r.pages[0].fragments.find((f) => f.id === id)!.role;
    expect(role('p1.1')).toBe('kicker');
    expect(role('p1.2')).toBe('headline');
  });

  it('accepts one article or one decision at a time', () => {
    const one = suggestionOps(issue, s, { articles: [1] })!;
    const r = applyOp(issue, one).issue;
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].items[0].id).toBe('p1.40');
    const single = suggestionOps(issue, s, { items: ['p1.1'] })!;
    const r2 = applyOp(issue, single).issue;
    expect(r2.articles[0].items.map((it) => it.id)).toEqual(['p1.1']);
    expect(suggestionOps(issue, s, { minConfidence: 1.01 })).toBeNull();
  });

  it('applySuggestions extends an existing article without touching its items', () => {
    const placed = applyOp(issue, { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.98', 'p1.99'] }).issue;
    const r = applySuggestions(placed, { minConfidence: 0.5 });
    const a1 = r.issue.articles.find((a) => a.id === 'a1')!;
    expect(a1.items.slice(0, 2).map((it) => it.id)).toEqual(['p1.98', 'p1.99']);
    expect(a1.items[2]).toEqual({ id: 'p1.100', join: true }); // …办公室副 + 主任周庚渊说
    expect(textIntact(audit(r.issue))).toBe(true);
  });
});
