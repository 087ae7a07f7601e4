import { describe, it, expect } from 'vitest';
import { produce } from 'immer';
import { audit } from '@shared/audit/audit';
import { applyOp } from '@shared/ops/apply';
import type { Issue } from '@shared/model/types';
import { smallIssue } from '../../recovery-fixtures';

/**
 * The audit memoizes per-page coverage and per-article open ends for frozen (immer-produced) objects, so the
 * overview and status bar can audit a 20,000-fragment issue after every edit. The memo must never hide a problem.
 */
describe('audit memo', () => {
  const frozen = (): Issue =>
    applyOp(smallIssue({ pages: 3, perPage: 6, articles: 2 }), { type: 'setStatus', articleId: 'a1', status: 'draft' })
      .issue;

  it('a changed page (new frozen version) is audited again: lost text is found', () => {
    const doc = frozen();
    expect(audit(doc).lost).toEqual([]);
    const broken = produce(doc, (d) => {
      d.pages[1].fragments[2].spans[0].end -= 2;
    }); // two characters uncovered
    expect(audit(broken).lost).toHaveLength(1);
    expect(audit(doc).lost).toEqual([]); // the old version keeps its own (correct) result
  });

  it('open ends follow edits of the fragment text even when the article object is unchanged', () => {
    const doc = frozen();
    const id = doc.articles[0].items[1].id;
    const before = audit(doc).openEnds.includes(id);
    const edited = applyOp(doc, { type: 'editText', fragmentId: id, text: before ? '完整的一句。' : '半句话' }).issue;
    expect(edited.articles[0]).toBe(doc.articles[0]); // same article object: only the page changed
    expect(audit(edited).openEnds.includes(id)).toBe(!before);
  });

  it('hand-built objects mutated in place are never served from the memo', () => {
    const doc = smallIssue({ pages: 1, perPage: 4 });
    expect(audit(doc).lost).toEqual([]);
    doc.pages[0].fragments[0].spans[0].end -= 1;
    expect(audit(doc).lost).toHaveLength(1);
  });
});
