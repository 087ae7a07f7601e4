import { describe, expect, it } from 'vitest';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { applyOp, applyRecorded } from '@shared/ops';
import { audit, textIntact } from '@shared/audit/audit';
import { findFragment, placeOf } from '@shared/model/lookup';
import type { Issue } from '@shared/model/types';

function issueOf(text: string): Issue {
  return createIssue([pageFromPlainText(text, { pageId: 'p1', label: '1', encoding: 'utf-8' })], {
    id: 'i',
    title: 't',
  });
}

describe('editorial operations', () => {
  const base = issueOf('# 标题\n\n生产任务已排到下半年,六\n\n另一篇文章。\n\n成以上的一线工人连春节也在加班。');

  it('creates an article from a selection, joins a cut paragraph, and undoes back to the original', () => {
    const a = applyOp(base, { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2', 'p1.4'] });
    expect(a.issue.articles[0].items.map((i) => i.id)).toEqual(['p1.1', 'p1.2', 'p1.4']);
    expect(audit(a.issue).openEnds).toEqual(['p1.2']);
    const b = applyOp(a.issue, { type: 'setJoin', fragmentId: 'p1.4', join: true });
    expect(audit(b.issue).openEnds).toEqual([]);
    expect(textIntact(audit(b.issue))).toBe(true);
    const undone = applyRecorded(applyRecorded(b.issue, b.inversePatches), a.inversePatches);
    expect(undone).toEqual(base);
  });

  it('splits on a code-point boundary and never inside a surrogate pair', () => {
    const i = issueOf('𠮷野家的𩸽');
    expect(() => applyOp(i, { type: 'splitFragment', fragmentId: 'p1.1', offset: 1, newId: 'f1' })).toThrow(
      /surrogate/,
    );
    const r = applyOp(i, { type: 'splitFragment', fragmentId: 'p1.1', offset: 2, newId: 'f1' });
    expect(findFragment(r.issue, 'p1.1')!.text).toBe('𠮷');
    expect(findFragment(r.issue, 'f1')!.text).toBe('野家的𩸽');
    expect(textIntact(audit(r.issue))).toBe(true);
    expect(r.issue.nextId).toBe(2);
  });

  it('splits an edited fragment at the matching place of the original', () => {
    const e = applyOp(base, { type: 'editText', fragmentId: 'p1.2', text: '生产任务已经排到下半年，六' });
    const s = applyOp(e.issue, { type: 'splitFragment', fragmentId: 'p1.2', offset: 7, newId: 'f9' });
    const left = findFragment(s.issue, 'p1.2')!;
    const right = findFragment(s.issue, 'f9')!;
    expect(left.text).toBe('生产任务已经排');
    expect(right.text).toBe('到下半年，六');
    const orig = s.issue.pages[0].original;
    expect(orig.slice(right.spans[0].start, right.spans[0].end)).toBe('到下半年,六');
    expect(textIntact(audit(s.issue))).toBe(true);
  });

  it('deleting an article returns its fragments to the pool in source order', () => {
    const a = applyOp(base, { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.3', 'p1.1'] });
    const d = applyOp(a.issue, { type: 'deleteArticle', articleId: 'a1' });
    expect(d.issue.pool).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.4']);
  });

  it('merges a fragment with the next one in its container and refuses non-neighbours', () => {
    expect(() => applyOp(base, { type: 'mergeFragments', fragmentId: 'p1.1', nextId: 'p1.3' })).toThrow(/right after/);
    const m = applyOp(base, { type: 'mergeFragments', fragmentId: 'p1.2', nextId: 'p1.3' });
    expect(findFragment(m.issue, 'p1.2')!.text).toBe('生产任务已排到下半年,六另一篇文章。');
    expect(placeOf(m.issue, 'p1.3')).toBeUndefined();
    expect(textIntact(audit(m.issue))).toBe(true);
  });

  it('records every operation in the correction history', () => {
    const a = applyOp(
      base,
      { type: 'moveFragments', fragmentIds: ['p1.4'], to: { kind: 'discard' } },
      { at: '2026-01-01T00:00:00Z' },
    );
    expect(a.issue.history).toEqual([
      { op: { type: 'moveFragments', fragmentIds: ['p1.4'], to: { kind: 'discard' } }, at: '2026-01-01T00:00:00Z' },
    ]);
    expect(a.issue.discarded).toEqual(['p1.4']);
  });
});
