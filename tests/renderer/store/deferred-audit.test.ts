import { describe, expect, it } from 'vitest';
import { audit } from '@shared/audit/audit';
import { applyOp } from '@shared/ops/apply';
import type { Issue } from '@shared/model/types';
import { auditFor, SYNC_LIMIT } from '../../../renderer/src/store/deferred-audit';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';

/**
 * The renderer's audit per document version: exact for every version, at once. A big document just
 * opened (not frozen) gets the full audit, is frozen when idle, and from then on every edit's version is audited
 * incrementally, still equal to the full audit.
 */
describe('auditFor', () => {
  it('gives every version of a big issue its exact report, synchronously', { timeout: 60_000 }, async () => {
    // 20 pages of 200 paragraphs; a third of them in 60 articles, the rest in the pool.
    const text = (p: number) =>
      Array.from({ length: 200 }, (_, i) => (i % 4 === 3 ? `第${p}页第${i}段结束。` : `第${p}页第${i}段没有结束`)).join(
        '\n\n',
      );
    let doc: Issue = createIssue(
      Array.from({ length: 20 }, (_, p) =>
        pageFromPlainText(text(p), { pageId: `p${p + 1}`, label: String(p + 1), encoding: 'utf-8' }),
      ),
      { id: 'big', title: 'big' },
    );
    const batch = {
      type: 'batch' as const,
      ops: Array.from({ length: 60 }, (_, a) => ({
        type: 'createArticle' as const,
        articleId: `a${a + 1}`,
        fragmentIds: doc.pages[a % 20].fragments
          .slice(Math.floor(a / 20) * 22, Math.floor(a / 20) * 22 + 22)
          .map((f) => f.id),
      })),
    };
    doc = structuredClone(applyOp(doc, batch).issue); // unfrozen, as a document just opened
    expect(doc.pages.reduce((n, p) => n + p.fragments.length, 0)).toBeGreaterThan(SYNC_LIMIT);
    expect(Object.isFrozen(doc)).toBe(false);
    expect(auditFor(doc)).toEqual(audit(doc));
    // Frozen when idle (immer would otherwise freeze the whole tree inside the first edit).
    await expect.poll(() => Object.isFrozen(doc.pages[7].fragments[3]), { timeout: 5000 }).toBe(true);

    let v = doc;
    for (let i = 0; i < 12; i++) {
      const id = v.pool[i * 7];
      v =
        i % 3 === 2
          ? applyOp(v, { type: 'editText', fragmentId: v.pages[i].fragments[5].id, text: `改过的第${i}段` }).issue
          : applyOp(v, {
              type: 'moveFragments',
              fragmentIds: [id],
              to: { kind: 'article', articleId: v.articles[i].id, after: null },
            }).issue;
      expect(auditFor(v)).toEqual(audit(v));
    }
    // Undo-like jump back to an earlier version: still exact.
    expect(auditFor(doc)).toEqual(audit(doc));
  });
});
