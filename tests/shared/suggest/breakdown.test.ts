import { describe, expect, it } from 'vitest';
import { addBreakdown, emptyBreakdown, formatBreakdown } from '../../../bench/suggest/breakdown';
import { makePracticePage } from '../../../bench/suggest/practice-pages';
import type { Truth } from '../../../bench/suggest/truth';
import type { ArticleSuggestion, Suggestions } from '../../../shared/suggest/types';

/** Suggestions holding just the given articles (ids in order). */
function suggested(...articles: string[][]): Suggestions {
  const art = (ids: string[]): ArticleSuggestion => ({
    articleId: null,
    title: ids[0],
    confidence: 0.5,
    items: ids.map((id) => ({ id, join: false, confidence: 0.5, confident: false, fixed: false, reasons: [] })),
  });
  return {
    fragments: {},
    articles: articles.map(art),
    openEnds: [],
    minConfidence: 0.88,
    stats: { fragments: 0, ms: 0 },
  };
}

describe('bench breakdown: where the misses are', () => {
  // Article 0: a headline and two narrow columns of five lines read row by row (b1 c1 b2 c2 …); article 1: a
  // headline and two wide blocks, one of which (w2) landed inside article 0's band.
  const line = (id: string) => ({ id, text: `${id}这一行是窄栏的一行` });
  const blocks = [
    { id: 'h0', text: '标题一', hint: 'h1' },
    ...['b1', 'c1', 'b2', 'c2', 'b3'].map(line),
    { id: 'w2', text: '第二篇的第二段 跨了两行' },
    ...['c3', 'b4', 'c4', 'b5', 'c5'].map(line),
    { id: 'h1', text: '标题二', hint: 'h1' },
    { id: 'w1', text: '第二篇的第一段 跨了两行' },
  ];
  const band = ['b1', 'b2', 'b3', 'b4', 'b5', 'c1', 'c2', 'c3', 'c4', 'c5'];
  const truth: Truth = {
    articles: [
      { items: ['h0', ...band].map((id) => ({ id, join: false })) },
      { items: ['h1', 'w1', 'w2'].map((id) => ({ id, join: false })) },
    ],
    openEnds: [],
  };

  it('splits the links by layout and displacement and counts the ones found', () => {
    // Right inside the band but for the column foot (b5 → c1, where w2 was left); article 1 misses w2.
    const s = suggested(['h0', 'b1', 'b2', 'b3', 'b4', 'b5', 'w2', 'c1', 'c2', 'c3', 'c4', 'c5'], ['h1', 'w1']);
    const b = addBreakdown(emptyBreakdown(), blocks, truth, s);
    // The band's halves on either side of w2 are five and six blocks long: in place.
    expect(b.links.get('interleaved in place')).toEqual({ right: 9, total: 10 });
    // Article 1 is two blocks at the page foot and one far away: every link of it is displaced.
    expect(b.links.get('wide displaced')).toEqual({ right: 1, total: 2 });
    expect(b.links.size).toBe(2);
    const headed = b.grouping.get('headed')!;
    expect(headed.n).toBe(14);
    // w2 is in the wrong article: grouping below 1, and no headless article on this page.
    expect(headed.p / headed.n).toBeLessThan(1);
    expect(b.grouping.has('headless')).toBe(false);
    expect(formatBreakdown(b).join('\n')).toMatch(/successor, interleaved in place +0\.900/);
    // By kind: the band's steps and the headline links stand 1–4 places on; the column foot (b5 → c1) and w2 do not.
    expect(b.kinds.get('new paragraph just after')).toEqual({ right: 10, total: 10 });
    expect(b.kinds.get('new paragraph elsewhere')).toEqual({ right: 0, total: 2 });
    expect(b.kinds.size).toBe(2);
    expect(formatBreakdown(b).join('\n')).toMatch(/new paragraph elsewhere +0\.000 +\(0\/2, 0\.167 of the links/);
  });

  it('tells sentence joins from paragraph breaks', () => {
    const joined: Truth = {
      ...truth,
      articles: truth.articles.map((a) => ({
        items: a.items.map((it) => ({ ...it, join: it.id === 'b2' || it.id === 'w2' })),
      })),
    };
    const s = suggested(['h0', ...band], ['h1', 'w1']);
    const b = addBreakdown(emptyBreakdown(), blocks, joined, s);
    expect(b.kinds.get('sentence goes on just after')).toEqual({ right: 1, total: 1 });
    expect(b.kinds.get('sentence goes on elsewhere')).toEqual({ right: 0, total: 1 });
    expect(b.kinds.get('new paragraph just after')).toEqual({ right: 9, total: 9 });
    expect(b.kinds.get('new paragraph elsewhere')).toEqual({ right: 1, total: 1 });
  });

  it('scores a perfect answer perfectly', () => {
    const s = suggested(['h0', ...band], ['h1', 'w1', 'w2']);
    const b = addBreakdown(emptyBreakdown(), blocks, truth, s);
    for (const t of b.links.values()) expect(t.right).toBe(t.total);
    const g = b.grouping.get('headed')!;
    expect(g.p).toBe(g.n);
    expect(g.r).toBe(g.n);
  });

  it('practice pages with nothing moved keep every article’s blocks together in extraction order', () => {
    const articles = Array.from({ length: 12 }, (_, k) => ({
      file: 'f.xml',
      paragraphs: [
        [`标题${k}`],
        ['这是第一段的文字，写得很长很长，足够分成好几行，', '还有更多的内容在这里继续写下去。'],
        ['第二段的文字也很长很长，同样足够分成好几行，直到结束为止。'],
        ['第三段文字。'.repeat(8)],
      ],
    }));
    const contiguous = (moves: 'none' | 'blocks', seed: number) => {
      const page = makePracticePage(articles as never, { seed, targetFragments: 40, moves }, 't');
      const positions = page.truth.articles.map((a) => a.items.map((it) => Number(it.id.slice(3))));
      expect(positions.flat().length).toBe(page.text.split('\n\n').length);
      // Each article occupies one stretch of the page: its first to last position holds nothing else.
      return positions.every((a) => Math.max(...a) - Math.min(...a) + 1 === a.length);
    };
    const seeds = Array.from({ length: 8 }, (_, k) => k + 1);
    expect(seeds.every((seed) => contiguous('none', seed))).toBe(true);
    // The default damage does move blocks across articles on the same seeds (the check above can fail).
    expect(seeds.some((seed) => !contiguous('blocks', seed))).toBe(true);
  });
});

describe('practice pages', () => {
  it('set a first paragraph with no punctuation at all as the headline, however long (a headline stacked over lines)', () => {
    const long = '英法通知蘇聯締結三强協定蘇召各使回國傳將有新動作英與土耳其反侵略談判完成';
    const body = [
      ['這是第一段的文字，寫得很長很長，足夠分成好幾行，還有更多的內容在這裏繼續寫下去。'.repeat(2)],
      ['第二段的文字也很長很長，同樣足夠分成好幾行，直到結束爲止。'.repeat(2)],
    ];
    const articles = [
      { file: 'f.xml', paragraphs: [[long], ...body] },
      { file: 'f.xml', paragraphs: [['短標題'], ...body] },
      {
        file: 'f.xml',
        paragraphs: [['有標點、所以是正文的一段很長很長的文字，不是標題，因爲它有標點符號在裏面。'], ...body],
      },
    ];
    for (let seed = 1; seed <= 6; seed++) {
      const page = makePracticePage(articles as never, { seed, targetFragments: 500, moves: 'none' }, 't');
      const blocks = page.text.split('\n\n').map((b) => b.trim());
      expect(blocks).toContain(`# ${long}`);
      expect(blocks.some((b) => /^#+ 短標題$/.test(b))).toBe(true);
      expect(blocks.some((b) => b.startsWith('#') && b.includes('有標點'))).toBe(false);
    }
  });
});
