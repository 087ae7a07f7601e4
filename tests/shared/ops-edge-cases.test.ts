import { describe, expect, it } from 'vitest';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue, nextFreeId } from '@shared/model/create';
import { OpError, findFragment, originalTextOf, placeOf } from '@shared/model/lookup';
import { applyOp, applyRecorded, replayHistory, type Op } from '@shared/ops';
import { audit, textIntact } from '@shared/audit/audit';
import type { Issue } from '@shared/model/types';

/** Regression tests for the edge cases found while reviewing the model and the operations (one per fix). */
function issueOf(...texts: string[]): Issue {
  return createIssue(
    texts.map((t, i) => pageFromPlainText(t, { pageId: `p${i + 1}`, label: String(i + 1), encoding: 'utf-8' })),
    { id: 'i', title: 't' },
  );
}
const run = (issue: Issue, ...ops: Op[]) => ops.reduce((cur, op) => applyOp(cur, op).issue, issue);
const items = (issue: Issue, a = 0) => issue.articles[a].items.map((it) => `${it.id}${it.join ? '+' : ''}`);

describe('operations: edge cases', () => {
  const five = issueOf('甲一\n\n乙二\n\n丙三\n\n丁四\n\n戊五');

  it('inserting between two joined fragments cuts that join (the follower continued the anchor, not the newcomers)', () => {
    const a = run(
      five,
      { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2'] },
      { type: 'setJoin', fragmentId: 'p1.2', join: true },
      {
        type: 'moveFragments',
        fragmentIds: ['p1.4'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.1', join: true },
      },
    );
    expect(items(a)).toEqual(['p1.1', 'p1.4+', 'p1.2']);
  });

  it('removing a fragment cuts the join of the one that continued it', () => {
    const a = run(
      five,
      { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2', 'p1.3'] },
      { type: 'setJoin', fragmentId: 'p1.2', join: true },
      { type: 'setJoin', fragmentId: 'p1.3', join: true },
      { type: 'moveFragments', fragmentIds: ['p1.2'], to: { kind: 'discard' } },
    );
    expect(items(a)).toEqual(['p1.1', 'p1.3']);
  });

  it('keeps joins between fragments that travel together, in the order given', () => {
    const a = run(
      five,
      { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2', 'p1.3'] },
      { type: 'setJoin', fragmentId: 'p1.3', join: true },
      { type: 'createArticle', articleId: 'a2', fragmentIds: ['p1.5'] },
      { type: 'moveFragments', fragmentIds: ['p1.2', 'p1.3'], to: { kind: 'article', articleId: 'a2', after: 'p1.5' } },
    );
    expect(items(a, 0)).toEqual(['p1.1']);
    expect(items(a, 1)).toEqual(['p1.5', 'p1.2', 'p1.3+']);
  });

  it('refuses an anchor that lives in another article, and an anchor that is moving, changing nothing', () => {
    const a = run(
      five,
      { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] },
      { type: 'createArticle', articleId: 'a2', fragmentIds: ['p1.2'] },
    );
    expect(() =>
      applyOp(a, {
        type: 'moveFragments',
        fragmentIds: ['p1.3'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.2' },
      }),
    ).toThrow(OpError);
    expect(() =>
      applyOp(a, {
        type: 'moveFragments',
        fragmentIds: ['p1.1'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.1' },
      }),
    ).toThrow(/after one of themselves/);
    expect(placeOf(a, 'p1.3')).toEqual({ kind: 'pool', index: 0 });
  });

  it('splits a merged multi-span fragment at every offset with the provenance cut at the same place', () => {
    const base = run(issueOf('前一段文字\n\n后二段'), { type: 'mergeFragments', fragmentId: 'p1.1', nextId: 'p1.2' });
    const merged = findFragment(base, 'p1.1')!;
    expect(merged.spans).toHaveLength(2);
    for (let k = 1; k < merged.text.length; k++) {
      const s = applyOp(base, { type: 'splitFragment', fragmentId: 'p1.1', offset: k, newId: 'f1' }).issue;
      const [l, r] = [findFragment(s, 'p1.1')!, findFragment(s, 'f1')!];
      expect(originalTextOf(s, l) + originalTextOf(s, r)).toBe(merged.text);
      expect(originalTextOf(s, l)).toBe(l.text);
      expect(textIntact(audit(s))).toBe(true);
    }
  });

  it('splits an edited fragment where text was inserted and deleted, keeping coverage intact', () => {
    const e = run(issueOf('生产任务已排到下半年'), {
      type: 'editText',
      fragmentId: 'p1.1',
      text: '生产任务已经排到了下半年',
    });
    for (let k = 1; k < 12; k++) {
      const s = applyOp(e, { type: 'splitFragment', fragmentId: 'p1.1', offset: k, newId: 'f1' }).issue;
      expect(textIntact(audit(s))).toBe(true);
      expect(findFragment(s, 'p1.1')!.text + findFragment(s, 'f1')!.text).toBe('生产任务已经排到了下半年');
    }
    const cut = applyOp(e, { type: 'splitFragment', fragmentId: 'p1.1', offset: 8, newId: 'f1' }).issue;
    expect(originalTextOf(cut, findFragment(cut, 'f1')!)).toBe('下半年');
  });

  it('refuses splits at non-integer offsets and inside a letter+accent or an emoji sequence', () => {
    const i = issueOf('cafe\u0301 👍🏽 好');
    const split = (offset: number) => applyOp(i, { type: 'splitFragment', fragmentId: 'p1.1', offset, newId: 'f1' });
    expect(() => split(1.5)).toThrow(/whole number/);
    expect(() => split(4)).toThrow(/inside a character/); // between e and U+0301
    expect(() => split(8)).toThrow(/inside a character/); // between 👍 and the skin tone
    expect(findFragment(split(5).issue, 'f1')!.text).toBe(' 👍🏽 好');
  });

  it('never hands out an id that is already used, whatever the counter says', () => {
    const i = issueOf('一\n\n二\n\n三');
    expect(nextFreeId(i, 'p1.')).toBe('p1.4');
    expect(nextFreeId(i, 'p1.', 1)).toBe('p1.5');
    const a = run(i, { type: 'createArticle', articleId: 'f1' });
    expect(nextFreeId(a, 'f')).toBe('f2');
    expect(() => applyOp(a, { type: 'splitFragment', fragmentId: 'p1.1', offset: 1, newId: 'p1.2' })).toThrow(
      /already used/,
    );
  });

  it('records a plain copy of the operation, not the caller object', () => {
    const op: Op = { type: 'renameArticle', articleId: 'a1', title: 'x' };
    const a = run(five, { type: 'createArticle', articleId: 'a1', title: undefined });
    const r = applyOp(a, op).issue;
    expect(Object.isFrozen(op)).toBe(false);
    expect(r.history[0].op).toEqual({ type: 'createArticle', articleId: 'a1' });
    expect('title' in r.history[0].op).toBe(false);
    expect(r.history[1].op).not.toBe(op);
  });

  it('keeps the cached place index right across undo and redo', () => {
    const a = applyOp(five, { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.3'] });
    expect(placeOf(a.issue, 'p1.3')).toEqual({ kind: 'article', articleId: 'a1', index: 0 });
    const undone = applyRecorded(a.issue, a.inversePatches);
    expect(placeOf(undone, 'p1.3')).toEqual({ kind: 'pool', index: 2 });
    const redone = applyRecorded(undone, a.patches);
    expect(placeOf(redone, 'p1.3')).toEqual({ kind: 'article', articleId: 'a1', index: 0 });
    expect(placeOf(five, 'p1.3')).toEqual({ kind: 'pool', index: 2 });
  });

  it('replays a history to the same document, and refuses a history entry that is not an operation', () => {
    const done = run(
      five,
      { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.2', 'p1.1'] },
      { type: 'splitFragment', fragmentId: 'p1.2', offset: 1, newId: nextFreeId(five, 'f') },
      {
        type: 'batch',
        ops: [
          { type: 'setRole', fragmentIds: ['p1.1'], role: 'headline' },
          { type: 'moveFragments', fragmentIds: ['p1.5'], to: { kind: 'discard' } },
        ],
      },
    );
    expect(replayHistory(five, done.history)).toEqual(done);
    expect(() => replayHistory(five, [{ op: { type: 'explode' }, at: 'x' }])).toThrow(/history entry 1/);
  });

  it('a failing step inside a batch refuses the whole batch', () => {
    expect(() =>
      applyOp(five, {
        type: 'batch',
        ops: [
          { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] },
          { type: 'mergeFragments', fragmentId: 'p1.1', nextId: 'p1.3' },
        ],
      }),
    ).toThrow(OpError);
    expect(five.articles).toEqual([]);
  });
});

describe('operations: results are frozen like immer results', () => {
  it('freezes what moves and splits put into containers, also for an issue that was not frozen before', () => {
    const fresh = issueOf('甲一\n\n乙二\n\n丙三');
    const a = applyOp(fresh, { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2'] }).issue;
    const s = applyOp(a, { type: 'splitFragment', fragmentId: 'p1.1', offset: 1, newId: 'f1' }).issue;
    for (const x of [
      s,
      s.articles,
      s.articles[0],
      s.articles[0].items,
      ...s.articles[0].items,
      s.pool,
      s.pages[0].fragments,
      ...s.pages[0].fragments,
      s.history,
      s.history[0],
    ]) {
      expect(Object.isFrozen(x)).toBe(true);
    }
  });
});
