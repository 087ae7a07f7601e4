import { describe, expect, it } from 'vitest';
import { makePracticePageC, type KindC } from '../../../bench/suggest/practice-pages-c';
import type { SourceArticle } from '../../../bench/suggest/practice-pages-b';
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

describe('practice set C: the truth matches the page', () => {
  const source = articles(40);
  for (const kind of ['triples', 'inline-pens', 'mixed'] as KindC[]) {
    for (let seed = 1; seed <= 4; seed++) {
      it(`${kind}, seed ${seed}: every fragment in exactly one article, each article's text whole and in order`, () => {
        const page = makePracticePageC(source, { seed, targetFragments: 50, kind }, `t-${kind}-${seed}`);
        expect(page.text).not.toMatch(/^#/m);
        const frags = issueFromText(page.text).pages[0].fragments;
        const textOf = new Map(frags.map((f) => [f.id, f.text.replace(/\s+/g, '')]));
        const ids = page.truth.articles.flatMap((a) => a.items.map((it) => it.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual([...textOf.keys()].sort());
        for (const art of page.truth.articles) {
          const paras: string[] = [];
          for (const it of art.items) {
            if (it.join) paras[paras.length - 1] += textOf.get(it.id)!;
            else paras.push(textOf.get(it.id)!);
          }
          const body = paras.filter((p) => !/^第.+篇的标题$/.test(p) && !/^（.+）$/.test(p));
          const src = source.find((s) => s.paragraphs[0].startsWith(body[0].replace(/（.+）$/, '')))!;
          expect(src).toBeDefined();
          // Body paragraphs are the source's, from its first, in order (an item may end its paragraph early).
          body.forEach((p, k) => expect(src.paragraphs[k].startsWith(p.replace(/（.+）$/, ''))).toBe(true));
          if (kind === 'inline-pens') expect(paras[paras.length - 1]).toMatch(/（.+）$/);
        }
      });
    }
  }
});
