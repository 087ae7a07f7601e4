import { describe, expect, it } from 'vitest';
import { articleDiff, reviewSummary, textDiff } from '@shared/export/article-diff';
import { applyOp } from '@shared/ops';
import { fragmentStarting, sampleIssue } from './sample-issue';

describe('what changed in an article', () => {
  it('lists each fragment against its original text as renderable pieces', () => {
    let issue = sampleIssue();
    const id = fragmentStarting(issue, '为让员工更有归属感');
    const before = issue.pages[0].fragments.find((f) => f.id === id)!.text;
    issue = applyOp(issue, { type: 'editText', fragmentId: id, text: before.replace('人职', '入职') }).issue;
    issue = applyOp(issue, {
      type: 'setStatus',
      articleId: 'a-lingfeng',
      status: 'corrected',
      by: '王编辑',
      at: '2026-11-27T10:00:00Z',
    }).issue;
    const d = articleDiff(issue, 'a-lingfeng');
    expect(d).toMatchObject({
      articleId: 'a-lingfeng',
      status: 'corrected',
      review: { by: '王编辑' },
      changedFragments: 1,
      added: 1,
      removed: 1,
    });
    const f = d.fragments.find((x) => x.fragmentId === id)!;
    expect(f.changed).toBe(true);
    expect(f.pieces.filter((p) => p.kind !== 'equal')).toEqual([
      { kind: 'removed', text: '人' },
      { kind: 'added', text: '入' },
    ]);
    // Pieces rebuild both texts.
    expect(
      f.pieces
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(f.original);
    expect(
      f.pieces
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(f.current);
    expect(d.fragments.find((x) => x.fragmentId === fragmentStarting(issue, '成以上的一线工人'))!.join).toBe(true);
    expect(reviewSummary(issue).map((s) => [s.articleId, s.status, s.changedFragments])).toEqual([
      ['a-poetry', 'draft', 0],
      ['a-lingfeng', 'corrected', 1],
      ['a-minsu', 'draft', 0],
    ]);
  });

  it('has a single equal piece for unchanged text and none for empty text', () => {
    expect(textDiff('同', '同')).toEqual([{ kind: 'equal', text: '同' }]);
    expect(textDiff('', '')).toEqual([]);
  });
});
