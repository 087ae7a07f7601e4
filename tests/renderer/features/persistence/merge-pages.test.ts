import { describe, expect, it } from 'vitest';
import { pageFromPlainText } from '../../../../shared/import/plain-text';
import { createIssue } from '../../../../shared/model/create';
import { audit, textIntact } from '../../../../shared/audit/audit';
import { IssueSchema } from '../../../../shared/model/schema';
import { mergePages } from '../../../../renderer/src/features/persistence/merge-pages';

const page = (text: string, label: string) =>
  pageFromPlainText(text, { pageId: 'p1', label, encoding: 'utf-8', sourceName: `${label}.txt` });

/** Adding imported pages to the open issue: no id collides, no text is lost or doubled, the open issue is kept. */
describe('mergePages', () => {
  it('renames the added page and fragment ids and keeps every character in one place', () => {
    const base = createIssue([page('第一版\n\n正文一。\n\n正文二。', '1')], { id: 'i', title: '日报' });
    const withArticle = {
      ...base,
      articles: [{ id: 'a1', status: 'draft', items: [{ id: 'p1.1', join: false }] }] as never,
      pool: base.pool.filter((id) => id !== 'p1.1'),
    };
    const added = createIssue(
      [page('第二版\n\n另一篇。', '2'), page('第三版\n\n又一篇。', '3')].map((p, i) => ({
        ...p,
        id: `p${i + 1}`,
        fragments: p.fragments.map((f) => ({ ...f, id: f.id.replace(/^p1/, `p${i + 1}`), page: `p${i + 1}` })),
      })),
      { id: 'j', title: 'x' },
    );
    const merged = mergePages(IssueSchema.parse(withArticle), added);
    expect(merged.pages.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(merged.pages.map((p) => p.label)).toEqual(['1', '2', '3']);
    const ids = merged.pages.flatMap((p) => p.fragments.map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(merged.pages[1].fragments.every((f) => f.page === 'p2' && f.id.startsWith('p2.'))).toBe(true);
    expect(merged.title).toBe('日报');
    expect(merged.articles.map((a) => a.id)).toEqual(['a1']);
    expect(IssueSchema.safeParse(merged).success).toBe(true);
    const r = audit(merged);
    expect(textIntact(r)).toBe(true);
    expect(r.misplaced).toEqual([]);
    expect(merged.pool).toHaveLength(ids.length - 1);
  });
});
