import { describe, expect, it } from 'vitest';
import { makePracticePageB, type KindB, type SourceArticle } from '../../../bench/suggest/practice-pages-b';
import { issueFromText } from '../../../bench/suggest/run';

/** Articles of made-up text whose every sentence is unique, so any misplaced line shows. */
function articles(n: number): SourceArticle[] {
  const digits = '〇一二三四五六七八九';
  const num = (k: number) => [...String(k)].map((d) => digits[Number(d)]).join('');
  return Array.from({ length: n }, (_, a) => ({
    title: a % 3 === 2 ? undefined : `第${num(a)}篇的标题`,
    paragraphs: Array.from({ length: 2 + (a % 3) }, (_, p) =>
      Array.from({ length: 3 + ((a + p) % 4) }, (_, s) => `这是第${num(a)}篇第${num(p)}段的第${num(s)}句话。`).join(''),
    ),
  }));
}

const strip = (s: string) => s.replace(/^#+ /, '').replace(/\s+/g, '');

describe('practice set B: the truth matches the page', () => {
  const source = articles(40);
  for (const kind of ['pairs', 'intrusions', 'briefs'] as KindB[]) {
    for (let seed = 1; seed <= 6; seed++) {
      it(`${kind}, seed ${seed}: every fragment in exactly one article, each article's text whole and in order`, () => {
        const page = makePracticePageB(source, { seed, targetFragments: 50, kind }, `t-${kind}-${seed}`);
        expect(page.kind).toBe(kind);
        const frags = issueFromText(page.text).pages[0].fragments;
        const textOf = new Map(frags.map((f) => [f.id, strip(f.text)]));
        const ids = page.truth.articles.flatMap((a) => a.items.map((it) => it.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual([...textOf.keys()].sort());
        for (const art of page.truth.articles) {
          expect(art.items[0].join).toBe(false);
          // Rebuild the article's paragraphs from the truth: a join continues the paragraph, else a new one starts.
          const paras: string[] = [];
          for (const it of art.items) {
            const t = textOf.get(it.id)!;
            if (it.join) paras[paras.length - 1] += t;
            else paras.push(t);
          }
          const src = source.find((s) =>
            paras.some((p) => p === s.title || s.paragraphs.some((q) => q.startsWith(p))),
          )!;
          expect(src).toBeDefined();
          const body = paras.filter((p) => p !== src.title && !/^（.+）$/.test(p));
          if (src.title && paras[0] !== src.title) throw new Error(`article of ${src.title} does not open with it`);
          // Body paragraphs are the source's, in order, from its first; a brief may end its last one early.
          body.forEach((p, k) => {
            if (kind === 'briefs') expect(src.paragraphs[k].startsWith(p)).toBe(true);
            else expect(p).toBe(src.paragraphs[k]);
          });
          if (kind === 'briefs') expect(paras[paras.length - 1]).toMatch(/^（.+）$/);
        }
      });
    }
  }

  it('pairs: two headlines of different articles stand one after the other, and the bodies interleave', () => {
    const page = makePracticePageB(source, { seed: 3, targetFragments: 50, kind: 'pairs' }, 'pairs');
    const articleOf = new Map(page.truth.articles.flatMap((a, ai) => a.items.map((it) => [it.id, ai] as const)));
    const frags = issueFromText(page.text).pages[0].fragments;
    const titles = frags.filter((f) => /标题$/.test(strip(f.text)));
    const adjacent = titles.filter(
      (f, k) => k > 0 && Number(f.id.split('.')[1]) === Number(titles[k - 1].id.split('.')[1]) + 1,
    );
    expect(adjacent.length).toBeGreaterThan(0);
    for (const t of adjacent)
      expect(articleOf.get(t.id)).not.toBe(articleOf.get(`p1.${Number(t.id.split('.')[1]) - 1}`));
  });

  it("intrusions: a block is cut in two around another article's column (a join across it)", () => {
    const page = makePracticePageB(source, { seed: 2, targetFragments: 50, kind: 'intrusions' }, 'intr');
    const pos = (id: string) => Number(id.split('.')[1]);
    const across = page.truth.articles.flatMap((a) =>
      a.items.filter((it, k) => it.join && k > 0 && pos(it.id) - pos(a.items[k - 1].id) > 1),
    );
    expect(across.length).toBeGreaterThan(0);
  });
});
