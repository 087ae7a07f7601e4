import { describe, expect, it } from 'vitest';
import { openEndHint } from '@shared/audit/open-end-hint';
import { applyOp } from '@shared/ops';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { DASH_ENDS, LOST_ENDS, arrangedIssue } from '../../support/open-ends-fixture';

describe('openEndHint', () => {
  it('proposes "ends here" for the two dash-closed paragraphs of the sample page and nothing for the lost text', () => {
    const issue = arrangedIssue();
    for (const id of DASH_ENDS) expect(openEndHint(issue, id)).toEqual({ as: 'ends', why: 'dash' });
    for (const id of LOST_ENDS) expect(openEndHint(issue, id)).toBeNull();
  });

  it('reads a jump line after the cut end, and a continuation already placed on another page', () => {
    const p1 = pageFromPlainText('第一篇正文写到这里没有写完\n\n（下转第三版）\n', {
      pageId: 'p1',
      label: '1',
      encoding: 'utf-8',
    });
    const p3 = pageFromPlainText('接着写完了。\n', { pageId: 'p3', label: '3', encoding: 'utf-8' });
    let issue = createIssue([p1, p3], { id: 'i', title: 'i' });
    issue = applyOp(issue, { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2'] }).issue;
    issue = applyOp(issue, { type: 'setRole', fragmentIds: ['p1.2'], role: 'jump' }).issue;
    expect(openEndHint(issue, 'p1.1')).toEqual({ as: 'elsewhere', page: '3', why: 'jump-line' });
    issue = applyOp(issue, { type: 'moveFragments', fragmentIds: ['p1.2'], to: { kind: 'discard' } }).issue;
    expect(openEndHint(issue, 'p1.1')).toBeNull();
    issue = applyOp(issue, {
      type: 'moveFragments',
      fragmentIds: ['p3.1'],
      to: { kind: 'article', articleId: 'a1', after: 'p1.1' },
    }).issue;
    expect(openEndHint(issue, 'p1.1')).toEqual({ as: 'elsewhere', page: '3', why: 'linked' });
  });
});
