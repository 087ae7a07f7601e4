import { describe, expect, it } from 'vitest';
import { findFragment, placeOf } from '@shared/model/lookup';
import { audit, textIntact } from '@shared/audit/audit';
import { selectDirty } from '../../../renderer/src/store/selectors';
import { COALESCE_MS } from '../../../renderer/src/store/history';
import { makeCtx, sampleIssue, tinyIssue } from '../workbench-harness';

describe('store: one undo stack for structure and text', () => {
  it('applies operations as undo steps with labels, and undo/redo walks them both ways', () => {
    const { store } = makeCtx('en');
    const base = sampleIssue();
    store.getState().load(base, null);
    const s = () => store.getState();
    expect(
      s().apply({ type: 'createArticle', articleId: 'a1', title: '灵峰社区"管家"上门帮企业', fragmentIds: ['p1.1'] }),
    ).toBe(true);
    expect(
      s().apply({
        type: 'moveFragments',
        fragmentIds: ['p1.2', 'p1.3', 'p1.4'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.1' },
      }),
    ).toBe(true);
    expect(s().past.map((e) => e.label)).toEqual([
      'New article from 1 fragment',
      'Move 3 fragments to 灵峰社区"管家"…',
    ]);
    expect(s().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.4']);

    s().undo();
    expect(s().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1']);
    s().undo();
    expect(s().doc).toEqual(base);
    s().redo();
    s().redo();
    expect(s().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.4']);
    expect(textIntact(audit(s().doc!))).toBe(true);
  });

  it("capture modes: 'record' closes a typing burst by itself; 'merge' folds into the last step, undone as one", () => {
    const { store } = makeCtx('en');
    const base = sampleIssue();
    store.getState().load(base, null);
    const s = () => store.getState();
    s().typeText('p1.2', 'typed', 1000);
    // No seal() first: a recorded operation is a step of its own, and the next keystroke opens another.
    expect(s().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] }, undefined, 'record')).toBe(
      true,
    );
    s().typeText('p1.2', 'typed more', 1100);
    expect(s().past).toHaveLength(3);
    expect(
      s().apply({
        type: 'moveFragments',
        fragmentIds: ['p1.3'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.1' },
      }),
    ).toBe(true);
    expect(
      s().apply(
        { type: 'moveFragments', fragmentIds: ['p1.4'], to: { kind: 'article', articleId: 'a1', after: 'p1.3' } },
        undefined,
        'merge',
      ),
    ).toBe(true);
    expect(s().past).toHaveLength(4);
    expect(s().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1', 'p1.3', 'p1.4']);
    s().undo();
    expect(s().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1']);
    s().redo();
    expect(s().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1', 'p1.3', 'p1.4']);
    expect(textIntact(audit(s().doc!))).toBe(true);
  });

  it('labels follow the language: zh-CN history reads 将 3 个片段移至 …', () => {
    const { store } = makeCtx('zh-CN');
    store.getState().load(sampleIssue(), null);
    store.getState().apply({ type: 'createArticle', articleId: 'a1', title: '灵峰社区', fragmentIds: ['p1.1'] });
    store.getState().apply({
      type: 'moveFragments',
      fragmentIds: ['p1.2', 'p1.3', 'p1.4'],
      to: { kind: 'article', articleId: 'a1', after: 'p1.1' },
    });
    expect(store.getState().past[1].label).toBe('将 3 个片段移至 灵峰社区');
  });

  it('a refused operation changes nothing and shows the reason', () => {
    const { store } = makeCtx('en');
    store.getState().load(tinyIssue(), null);
    const before = store.getState().doc;
    expect(store.getState().apply({ type: 'setJoin', fragmentId: 'p1.2', join: true })).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().notice).toMatchObject({
      kind: 'error',
      text: 'only fragments in an article can be joined',
    });
  });

  it('typing coalesces into one step per pause; another command closes the burst', () => {
    let now = 1000;
    const { store } = makeCtx('en', undefined, () => now);
    store.getState().load(tinyIssue(), null);
    const s = () => store.getState();
    const original = findFragment(s().doc!, 'p1.2')!.text;
    // A burst: each keystroke within the pause of the previous one.
    for (const [i, t] of [
      '生产任务已排到下半年,六成',
      '生产任务已排到下半年,六成以',
      '生产任务已排到下半年,六成以上',
    ].entries()) {
      now += 200 + i;
      s().typeText('p1.2', t, now);
    }
    expect(s().past).toHaveLength(1);
    expect(findFragment(s().doc!, 'p1.2')!.text).toBe('生产任务已排到下半年,六成以上');
    // One correction recorded with the final text (not one per keystroke).
    expect(s().doc!.history.filter((h) => h.op.type === 'editText')).toHaveLength(1);
    expect(s().doc!.history.at(-1)!.op).toMatchObject({ text: '生产任务已排到下半年,六成以上' });

    // After a pause: a new step.
    now += COALESCE_MS + 1;
    s().typeText('p1.2', '生产任务已排到下半年,六成以上的', now);
    expect(s().past).toHaveLength(2);

    // A command in between seals the burst even without a pause.
    s().apply({ type: 'setRole', fragmentIds: ['p1.2'], role: 'body' });
    now += 100;
    s().typeText('p1.2', '生产任务已排到下半年,六成以上的一', now);
    expect(s().past).toHaveLength(4);

    // Undo walks back step by step to the original text.
    s().undo();
    s().undo();
    s().undo();
    expect(findFragment(s().doc!, 'p1.2')!.text).toBe('生产任务已排到下半年,六成以上');
    s().undo();
    expect(findFragment(s().doc!, 'p1.2')!.text).toBe(original);
    expect(s().doc!.history).toHaveLength(0);
    // Typing right after an undo starts a fresh step (undone entries are sealed).
    s().redo();
    now += 10;
    s().typeText('p1.2', 'x', now);
    expect(s().past).toHaveLength(2);
    expect(s().future).toHaveLength(0);
  });

  it('dirty follows the saved mark, also when undoing back to the saved state', () => {
    const { store } = makeCtx('en');
    store.getState().load(tinyIssue(), null);
    const s = () => store.getState();
    expect(selectDirty(s())).toBe(false);
    s().apply({ type: 'moveFragments', fragmentIds: ['p1.5'], to: { kind: 'discard' } });
    expect(selectDirty(s())).toBe(true);
    s().markSaved({ token: 'tok-aaaaaaa', name: 'x.galley.json' }, '2026-11-27T10:00:00Z');
    expect(selectDirty(s())).toBe(false);
    s().undo();
    expect(selectDirty(s())).toBe(true);
    s().redo();
    expect(selectDirty(s())).toBe(false);
    expect(placeOf(s().doc!, 'p1.5')?.kind).toBe('discard');
  });
});
