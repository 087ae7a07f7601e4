import { describe, expect, it } from 'vitest';
import { chineseNumber, jumpFromCue, jumpToCue, pageMatches, parseJumpCues } from '../../../shared/suggest/cues';
import { suggest } from '../../../shared/suggest/engine';
import { suggestionOps } from '../../../shared/suggest/to-ops';
import { UNCUED_CAP } from '../../../shared/suggest/jumps';
import { applyOp } from '../../../shared/ops/apply';
import { audit, textIntact } from '../../../shared/audit/audit';
import { buildExport } from '../../../shared/export/build';
import { compact } from '../../../shared/suggest/text-signals';
import type { Issue } from '../../../shared/model/types';
import type { ArticleSuggestion, Suggestions } from '../../../shared/suggest/types';
import { sampleIssue } from './sample';
import {
  jumpIssue,
  keywordPage3,
  LATIN_A1,
  LATIN_A5,
  PAGE_1,
  PAGE_1_UNCUED,
  PAGE_3,
  PAGE_3_TOPIC_ONLY,
  PAGE_3_WITH_JUMP,
  PAGE_4,
} from './jump-pages';
import { applySuggestions } from '../../../shared/suggest/apply';

/** The suggested article holding a fragment, and the ids of its items. */
function articleWith(s: Suggestions, id: string): { a: ArticleSuggestion; ids: string[] } {
  const a = s.articles.find((x) => x.items.some((it) => it.id === id));
  expect(a, `an article holds ${id}`).toBeDefined();
  return { a: a!, ids: a!.items.map((it) => it.id) };
}
const item = (s: Suggestions, id: string) => articleWith(s, id).a.items.find((it) => it.id === id)!;
/** Applies the confident suggestions and checks that no text was lost or duplicated. */
function applied(issue: Issue, s: Suggestions, minConfidence?: number): Issue {
  const op = suggestionOps(issue, s, minConfidence === undefined ? {} : { minConfidence });
  expect(op).not.toBeNull();
  const next = applyOp(issue, op!).issue;
  const rep = audit(next);
  expect(textIntact(rep)).toBe(true);
  expect(rep.misplaced).toEqual([]);
  return next;
}
const exportedText = (issue: Issue, articleHolding: string) => {
  const doc = buildExport(issue);
  const a = doc.articles.find((x) => x.paragraphs.some((p) => p.fragments.includes(articleHolding)));
  return a ? a.paragraphs.map((p) => p.text) : [];
};

describe('jump cues', () => {
  it.each([
    ['(上接第一版)衢州', 'from', '1', '上接第一版', '衢州', true],
    ['（上接第一版）', 'from', '1', '上接第一版', null, true],
    ['### (上接第一版)', 'from', '1', '上接第一版', null, true],
    ['（接第二十版）', 'from', '20', '接第二十版', null, true],
    ['续第十一版', 'from', '11', '续第十一版', null, true],
    ['（续第二〇版）', 'from', '20', '续第二〇版', null, true],
    ['（上接第3版）', 'from', '3', '上接第3版', null, true],
    ['（上接第一版）衢州明显没有优势，营商环境怎么弥补', 'from', '1', '上接第一版', null, false],
    ['（下转第三版）', 'to', '3', '下转第三版', null, true],
    ['……数据安（下转第三版）', 'to', '3', '下转第三版', null, false],
    ['下转3版', 'to', '3', '下转3版', null, true],
    ['（转5版）', 'to', '5', '转5版', null, true],
    ['(转第十二版)', 'to', '12', '转第十二版', null, true],
    ['转第十一版', 'to', '11', '转第十一版', null, true],
    ['Continued on page 5', 'to', '5', 'Continued on page 5', null, true],
    ['the bill passes. Continued on page A3.', 'to', 'A3', 'Continued on page A3', null, false],
    ['See BUDGET, page 4', 'to', '4', 'See BUDGET, page 4', 'BUDGET', true],
    ['Continued from page 1', 'from', '1', 'Continued from page 1', null, true],
    ['(Continued from Page One)', 'from', '1', 'Continued from Page One', null, true],
    ['From page 1', 'from', '1', 'From page 1', null, true],
    ['BUDGET, from page A1', 'from', 'A1', 'BUDGET, from page A1', 'BUDGET', true],
  ] as const)('%s → %s page %s', (text, direction, page, cue, keyword, standalone) => {
    const cues = parseJumpCues(text);
    expect(cues).toHaveLength(1);
    expect(cues[0]).toMatchObject({ direction, page, cue, keyword, standalone });
  });

  it('ignores running text that merely mentions a page, and sentences that start like a jump line', () => {
    for (const t of [
      '已转三版',
      '接三版会议',
      'From page 1 of the report we learn that costs rose.',
      '详见第三版',
      '本报讯 第一版刊登的消息',
    ])
      expect(parseJumpCues(t), t).toEqual([]);
  });

  it('reads Chinese numerals and matches page labels', () => {
    expect(['一', '九', '十', '十一', '二十', '二十三', '二〇', '〇', '12'].map(chineseNumber)).toEqual([
      1, 9, 10, 11, 20, 23, 20, 0, 12,
    ]);
    expect(chineseNumber('十十')).toBeNull();
    expect(pageMatches('3', '3')).toBe(true);
    expect(pageMatches('3', '03')).toBe(true);
    expect(pageMatches('3', '第3版')).toBe(true);
    expect(pageMatches('A3', 'a3')).toBe(true);
    expect(pageMatches('1', 'A1')).toBe(false);
    expect(pageMatches('1', '11')).toBe(false);
  });

  it('feeds the fragment features: the sample page’s (上接第一版) line and a 下转 line say which page', () => {
    const f85 = sampleIssue().pages[0].fragments.find((f) => f.id === 'p1.85')!;
    expect(jumpFromCue(compact(f85.text))).toBe('continued from page 1 (上接第一版)');
    expect(jumpToCue('（下转第三版）')).toBe('continued on page 3 (下转第三版)');
  });
});

describe('linking jumping articles across pages', () => {
  const two = jumpIssue([
    ['1', PAGE_1],
    ['3', PAGE_3],
  ]);
  const s2 = suggest(two);

  it('two pages: each continuation lands in the article that jumps to it, the cut paragraph reads on', () => {
    // 衢州 (p1.1–p1.3, cut at 审) goes on at p3.7 (批流程…); 西湖 (p1.5–p1.7, cut at 临) at p3.5 (时休息点…),
    // although page 3 prints them in the other order.
    const q = articleWith(s2, 'p1.1');
    expect(q.ids.slice(0, 4)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p3.7']);
    const w = articleWith(s2, 'p1.5');
    expect(w.ids.slice(0, 4)).toEqual(['p1.5', 'p1.6', 'p1.7', 'p3.5']);
    for (const id of ['p3.7', 'p3.5']) {
      const it = item(s2, id);
      expect(it.join).toBe(true);
      expect(it.confidence).toBeGreaterThanOrEqual(0.9);
      expect(it.reasons[0]).toBe('continued from page 1 (上接第一版)');
      expect(it.reasons).toContain('page 1 jumps here (下转第三版)');
    }
    // The jump lines stay in their article, after the text they link; page 3's own article is untouched.
    expect(q.ids).toEqual(expect.arrayContaining(['p1.4', 'p3.6']));
    expect(w.ids).toEqual(expect.arrayContaining(['p1.8', 'p3.4']));
    expect(articleWith(s2, 'p3.1').ids).toEqual(['p3.1', 'p3.2', 'p3.3']);
    expect(s2.articles).toHaveLength(3);
    // The cut fragment's candidates now start with its continuation on the other page.
    expect(s2.fragments['p1.3'].candidates[0]).toMatchObject({ id: 'p3.7', join: true });
  });

  it('applying the suggestions keeps every character and exports the article across the page break', () => {
    const next = applied(two, s2);
    const a = next.articles.find((x) => x.items.some((it) => it.id === 'p1.1'))!;
    expect(a.items.map((it) => it.id).slice(0, 4)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p3.7']);
    const paragraphs = exportedText(next, 'p1.1');
    expect(paragraphs.some((p) => p.includes('衢州企业普遍反映审批流程明显加快'))).toBe(true);
  });

  it('three pages: two jumps from page 1 and one from page 3 to page 4 each find their source', () => {
    const three = jumpIssue([
      ['1', PAGE_1],
      ['3', PAGE_3_WITH_JUMP],
      ['4', PAGE_4],
    ]);
    const s = suggest(three);
    expect(articleWith(s, 'p1.1').ids.slice(0, 4)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p3.7']);
    expect(articleWith(s, 'p1.5').ids.slice(0, 4)).toEqual(['p1.5', 'p1.6', 'p1.7', 'p3.5']);
    const j = articleWith(s, 'p3.8');
    expect(j.ids.slice(0, 3)).toEqual(['p3.8', 'p3.9', 'p4.2']);
    expect(item(s, 'p4.2')).toMatchObject({
      join: true,
      reasons: expect.arrayContaining(['continued from page 3 (上接第三版)', 'page 3 jumps here (下转第四版)']),
    });
    expect(articleWith(s, 'p4.3').ids).toEqual(['p4.3', 'p4.4']);
    const next = applied(three, s);
    expect(exportedText(next, 'p3.8').some((p) => p.includes('更新期待已久'))).toBe(true);
  });

  it('a chain: a continuation that jumps on again is followed to its third page', () => {
    // 衢州 goes p1 → p3 → p4: its page-3 part ends mid-word with （下转第四版）.
    const p3 = PAGE_3.replace(
      '衢州制造业投资热度持续上升。',
      '衢州制造业投资热度持续上升，全年新增制造业投资有望再创新',
    ).concat('\n\n（下转第四版）');
    const p4 = PAGE_4.replace(
      '（上接第三版）\n\n待已久。嘉兴市住建局表示，南湖片区',
      '（上接第三版）\n\n高。衢州市发展改革委表示，衢州',
    );
    const s = suggest(
      jumpIssue([
        ['1', PAGE_1],
        ['3', p3],
        ['4', p4],
      ]),
    );
    const q = articleWith(s, 'p1.1');
    expect(q.ids.slice(0, 5)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p3.7', 'p4.2']);
    expect(item(s, 'p4.2').reasons[0]).toBe('continued from page 3 (上接第三版)');
  });

  it('an ambiguous jump (both page-1 articles jump to page 3) is decided by the keyword its jump line names', () => {
    for (const [keyword, source, other] of [
      ['西湖', 'p1.5', 'p1.1'],
      ['衢州', 'p1.1', 'p1.5'],
    ] as const) {
      const s = suggest(
        jumpIssue([
          ['1', PAGE_1],
          ['3', keywordPage3(keyword)],
        ]),
      );
      expect(articleWith(s, source).ids, keyword).toContain('p3.4');
      expect(articleWith(s, other).ids, keyword).not.toContain('p3.4');
      expect(item(s, 'p3.4').reasons).toContain(`the jump line's keyword ${keyword} is in the headline`);
    }
  });

  it('without any 下转 line, the open end and the topic decide, with a confidence that "accept all" does not take', () => {
    const issue = jumpIssue([
      ['1', PAGE_1_UNCUED],
      ['3', PAGE_3_TOPIC_ONLY],
    ]);
    // Page 1 alone in an issue without page 3: both cut ends are open ends.
    const alone = suggest(jumpIssue([['1', PAGE_1_UNCUED]]));
    expect(alone.openEnds.map((o) => o.id).sort()).toEqual(['p1.3', 'p1.6']);
    // Asked for page 1 only, the solve takes in page 3, whose jump line names page 1: the same answer for page 1.
    const scoped = suggest(issue, { pageIds: ['p1'] });
    expect(scoped.openEnds.map((o) => o.id)).toEqual(['p1.3']);
    expect(articleWith(scoped, 'p1.4').ids).toEqual(['p1.4', 'p1.5', 'p1.6', 'p3.3', 'p3.4']);
    const s = suggest(issue);
    const w = articleWith(s, 'p1.4');
    expect(w.ids).toEqual(['p1.4', 'p1.5', 'p1.6', 'p3.3', 'p3.4']);
    const link = item(s, 'p3.3');
    expect(link.confidence).toBeLessThanOrEqual(UNCUED_CAP);
    expect(link.confidence).toBeGreaterThan(0.5);
    expect(link.confident).toBe(false);
    expect(link.reasons.join(' ')).toMatch(/ends mid-sentence \(…增设了临\).*topic similarity/);
    expect(articleWith(s, 'p1.1').ids).not.toContain('p3.3');
    // The continued end is no longer an open end; the other one still is.
    expect(s.openEnds.map((o) => o.id)).toEqual(['p1.3']);
    // "Accept all" stops before the doubtful link: page 3's continuation stays unassigned, nothing is lost.
    const next = applied(issue, s);
    expect(next.pool).toEqual(expect.arrayContaining(['p3.3', 'p3.4']));
    const lower = applied(issue, s, 0.5);
    expect(lower.articles.find((a) => a.items.some((it) => it.id === 'p1.4'))!.items.map((it) => it.id)).toEqual([
      'p1.4',
      'p1.5',
      'p1.6',
      'p3.3',
      'p3.4',
    ]);
  });

  it('a jump to a page the issue does not have leaves the article alone and says why (the sample page)', () => {
    const sample = sampleIssue(); // page 2 of its day; its (上接第一版) article's page 1 is not in the issue
    const s = suggest(sample);
    const a = articleWith(s, 'p1.85');
    expect(a.ids[0]).toBe('p1.85');
    expect(a.a.items[0].reasons).toContain(
      'continued from page 1 (上接第一版), but this issue has no page 1: left as an article of its own',
    );
    // An existing page that has no candidate source says so too.
    const s2 = suggest(
      jumpIssue([
        ['1', keywordPage3('西湖').replace('（上接第一版）', '（上接第三版）')],
        ['3', PAGE_3],
      ]),
    );
    const j = articleWith(s2, 'p1.3');
    expect(j.ids[0]).toBe('p1.3');
    expect(j.a.items[0].reasons.join(' ')).toMatch(/no article on page 3 jumps to this page or ends mid-sentence/);
  });

  it('English pages labelled A1 and A5: "Continued on page A5" and "BUDGET, from page A1" link the budget story', () => {
    const issue = jumpIssue([
      ['A1', LATIN_A1],
      ['A5', LATIN_A5],
    ]);
    const s = suggest(issue);
    const b = articleWith(s, 'pA1.1');
    expect(b.ids.slice(0, 3)).toEqual(['pA1.1', 'pA1.2', 'pA5.4']);
    expect(item(s, 'pA5.4')).toMatchObject({
      join: true,
      reasons: expect.arrayContaining([
        'continued from page A1 (BUDGET, from page A1)',
        'page A1 jumps here (Continued on page A5)',
        "the jump line's keyword BUDGET is in the headline",
      ]),
    });
    // The jump line the per-page pass had filed with the next story goes with the text it links.
    expect(b.ids).toContain('pA1.3');
    expect(articleWith(s, 'pA1.4').ids).toEqual(['pA1.4', 'pA1.5']);
    const next = applied(issue, s);
    expect(exportedText(next, 'pA1.1').some((p) => p.includes('repair the oldest bridges'))).toBe(true);
  });

  it('page by page, as in the app: "suggest for page 1" takes in page 3 and accepting it places the whole article', () => {
    // Asked for page 3 alone, the solve takes in page 1 (named by page 3's jump lines): the article shows whole.
    expect(articleWith(suggest(two, { pageIds: ['p3'] }), 'p3.7').ids.slice(0, 4)).toEqual([
      'p1.1',
      'p1.2',
      'p1.3',
      'p3.7',
    ]);
    const page1 = applySuggestions(two, { pageIds: ['p1'] }).issue;
    const q = page1.articles.find((a) => a.items[0].id === 'p1.1')!;
    const w = page1.articles.find((a) => a.items[0].id === 'p1.5')!;
    expect(q.items.map((it) => it.id).slice(0, 4)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p3.7']);
    expect(w.items.map((it) => it.id).slice(0, 4)).toEqual(['p1.5', 'p1.6', 'p1.7', 'p3.5']);
    expect(exportedText(page1, 'p1.5').some((p) => p.includes('增设了临时休息点'))).toBe(true);
    expect(exportedText(page1, 'p1.1').join('')).toContain('批流程明显加快');
    // Suggesting for page 3 afterwards moves nothing that is placed.
    const s = suggest(page1, { pageIds: ['p3'] });
    expect(s.articles.flatMap((a) => a.items.filter((it) => !it.fixed).map((it) => it.id))).not.toContain('p3.7');
  });

  it('a link the proofreader rejected is never made', () => {
    const s = suggest(two, { constraints: { forbidLinks: [{ from: 'p1.3', to: 'p3.7' }] } });
    // Neither right after the cut end nor after its 下转 line: the 衢州 article does not get p3.7 at all.
    expect(articleWith(s, 'p1.1').ids).not.toContain('p3.7');
    expect(articleWith(s, 'p3.7').ids).not.toContain('p1.1');
    const op = suggestionOps(two, s, { minConfidence: 0 })!;
    const next = applyOp(two, op).issue;
    for (const a of next.articles)
      a.items.forEach((it, k) => {
        if (k > 0) expect(`${a.items[k - 1].id}→${it.id}`).not.toBe('p1.3→p3.7');
      });
  });

  it('an article the proofreader placed is only extended at its end; a continuation the proofreader placed stays put', () => {
    const placed = applyOp(two, {
      type: 'createArticle',
      articleId: 'a1',
      fragmentIds: ['p1.1', 'p1.2', 'p1.3', 'p1.4'],
    }).issue;
    const s = suggest(placed);
    const q = articleWith(s, 'p1.1');
    expect(q.a.articleId).toBe('a1');
    expect(q.a.items.slice(0, 4).every((it) => it.fixed)).toBe(true);
    expect(q.ids.slice(0, 5)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.4', 'p3.7']);
    // The placed 下转 line stands between: the continuation opens a paragraph instead of joining across it.
    expect(item(s, 'p3.7').join).toBe(false);
    const next = applied(placed, s);
    expect(
      next.articles
        .find((a) => a.id === 'a1')!
        .items.map((it) => it.id)
        .slice(0, 5),
    ).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.4', 'p3.7']);

    const cont = applyOp(two, { type: 'createArticle', articleId: 'a9', fragmentIds: ['p3.6', 'p3.7'] }).issue;
    const s3 = suggest(cont);
    expect(s3.articles.some((a) => a.items.some((it) => it.id === 'p3.7'))).toBe(false);
    expect(articleWith(s3, 'p1.5').ids).toContain('p3.5');
  });
});
