import { describe, expect, it } from 'vitest';
import { changeKey, cleanupOp, previewCleanup, SOFT_HYPHEN } from '@shared/cleanup';
import { applyOp, applyRecorded } from '@shared/ops';
import { audit, textIntact } from '@shared/audit/audit';
import { findFragment } from '@shared/model/lookup';
import { buildExport } from '@shared/export/build';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { fragmentStarting, sampleIssue } from '../export/sample-issue';

describe('cleanup over an issue', () => {
  const issue = sampleIssue();

  it('previews every change with fragment, page, article and offsets, and applies them as one undo step', () => {
    const preview = previewCleanup(issue);
    expect(preview.changeCount).toBeGreaterThan(20);
    const early = preview.fragments.find((f) => f.fragmentId === fragmentStarting(issue, '早春时节'))!;
    expect(early).toMatchObject({
      pageId: 'p2',
      page: '2',
      articleId: 'a-lingfeng',
      after: '早春时节，循着轰隆隆的机器声，记者又一次走进宁波北仑区大碶街道',
    });
    expect(early.changes.map((c) => [c.start, c.before, c.after, c.rule])).toEqual([
      [4, ',', '，', 'punctuation'],
      [14, ',', '，', 'punctuation'],
      [15, ' ', '', 'cjk-spaces'],
    ]);
    // Pool fragments are not touched unless asked.
    expect(preview.fragments.every((f) => f.articleId !== null)).toBe(true);

    const op = cleanupOp(issue, preview)!;
    expect(op.type).toBe('batch');
    const applied = applyOp(issue, op);
    expect(findFragment(applied.issue, early.fragmentId)!.text).toBe(early.after);
    expect(textIntact(audit(applied.issue))).toBe(true);
    expect(applied.issue.history).toHaveLength(issue.history.length + 1);
    expect(applyRecorded(applied.issue, applied.inversePatches)).toEqual(issue);
    // Nothing left to do afterwards: cleanup is idempotent on its own output.
    expect(previewCleanup(applied.issue).changeCount).toBe(0);
  });

  it('pairs quotes across a joined cut and lets the editor skip single changes', () => {
    const preview = previewCleanup(issue, { articleIds: ['a-lingfeng'] });
    const cut = preview.fragments.find((f) => f.fragmentId === fragmentStarting(issue, '成以上的一线工人'))!;
    expect(cut.after.startsWith('成以上的一线工人连春节也在加班。”生产')).toBe(true);
    const skip = new Set([changeKey(cut.fragmentId, cut.changes[0])]);
    const applied = applyOp(issue, cleanupOp(issue, preview, skip)!).issue;
    expect(findFragment(applied, cut.fragmentId)!.text.startsWith('成以上的一线工人连春节也在加班。"生产')).toBe(true);
  });

  it('limits a preview to chosen fragments and refuses a stale preview', () => {
    const id = fragmentStarting(issue, '说是社区');
    const preview = previewCleanup(issue, { fragmentIds: [id] });
    expect(preview.fragments.map((f) => f.fragmentId)).toEqual([id]);
    const edited = applyOp(issue, { type: 'editText', fragmentId: id, text: '改过了' }).issue;
    expect(() => cleanupOp(edited, preview)).toThrow(/changed since the preview/);
  });

  it('de-hyphenates a Latin word across a join and the export joins it without a space', () => {
    const page = pageFromPlainText('The story con-\n\ntinued overleaf.', {
      pageId: 'e',
      label: '1',
      encoding: 'utf-8',
    });
    let en = createIssue([page], { id: 'en', title: 'en' });
    en = applyOp(en, { type: 'createArticle', articleId: 'a', fragmentIds: ['e.1', 'e.2'] }).issue;
    en = applyOp(en, { type: 'setJoin', fragmentId: 'e.2', join: true }).issue;
    const op = cleanupOp(en, previewCleanup(en))!;
    en = applyOp(en, op).issue;
    expect(findFragment(en, 'e.1')!.text).toBe(`The story con${SOFT_HYPHEN}`);
    expect(buildExport(en).articles[0].paragraphs[0].text).toBe('The story continued overleaf.');
  });

  it('a batch of text edits mixed with other steps applies in order and undoes in one step', () => {
    const id = fragmentStarting(issue, '说是社区');
    const op = {
      type: 'batch' as const,
      ops: [
        { type: 'editText' as const, fragmentId: id, text: '一二三四' },
        { type: 'editText' as const, fragmentId: id, text: '甲乙丙丁' },
        { type: 'splitFragment' as const, fragmentId: id, offset: 2, newId: 'n1' },
        { type: 'editText' as const, fragmentId: 'n1', text: '丙丁戊' },
      ],
    };
    const r = applyOp(issue, op);
    expect(findFragment(r.issue, id)!.text).toBe('甲乙');
    expect(findFragment(r.issue, 'n1')!.text).toBe('丙丁戊');
    expect(textIntact(audit(r.issue))).toBe(true);
    expect(applyRecorded(r.issue, r.inversePatches)).toEqual(issue);
    expect(applyRecorded(applyRecorded(r.issue, r.inversePatches), r.patches)).toEqual(r.issue);
  });
});
