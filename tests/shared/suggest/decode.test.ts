import { describe, expect, it } from 'vitest';
import { bestPath, heldKarp, orOpt, pathScore, pathsOf, type PathProblem } from '../../../shared/suggest/decode';
import { assignSuccessors } from '../../../shared/suggest/assignment';
import { makePracticePage } from '../../../bench/suggest/practice-pages';
import { pageFromPlainText } from '../../../shared/import/plain-text';

/** Decoders on small hand-made graphs whose best answer is known. */
function problem(
  n: number,
  w: Record<string, number>,
  start: (i: number) => number = () => 0,
  end: (i: number) => number = () => 0,
): PathProblem {
  return { nodes: Array.from({ length: n }, (_, i) => i), link: (a, b) => w[`${a}>${b}`] ?? -5, start, end };
}

describe('decoding', () => {
  it('Held–Karp finds the exact best path', () => {
    // 2 → 0 → 3 → 1 is the only chain of strong links.
    const p = problem(4, { '2>0': 5, '0>3': 4, '3>1': 6, '0>1': 4.5, '1>2': 1 });
    expect(heldKarp(p)).toEqual([2, 0, 3, 1]);
  });

  it('Or-opt never makes a path worse and repairs a misplaced node', () => {
    const w: Record<string, number> = {};
    for (let i = 0; i < 14; i++) w[`${i}>${i + 1}`] = 3;
    const p = problem(15, w);
    const shuffled = [0, 1, 2, 9, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14];
    const fixed = orOpt(p, shuffled);
    expect(pathScore(p, fixed)).toBeGreaterThanOrEqual(pathScore(p, shuffled));
    expect(fixed).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });

  it('the assignment takes the globally best set of links where a greedy choice would not', () => {
    // Greedy would take 0→1 (6) and leave 2 without a successor; the optimum is 0→3 (5) + 2→1 (5).
    const g: Record<string, number> = { '0>1': 6, '0>3': 5, '2>1': 5 };
    const { succ, pred } = assignSuccessors(4, (i, j) => g[`${i}>${j}`] ?? 0);
    expect([...succ]).toEqual([3, -1, 1, -1]);
    expect(pathsOf(succ, pred).map((p) => p.join(''))).toEqual(['03', '21']);
  });

  it('bestPath finds the order of a large group whose chains were moved as wholes (Or-opt alone moves 1–3 nodes)', () => {
    // True reading: 0–4, 10–14, 5–9, 15–19 (chains of five out of place), source order still weakly linked.
    const truth = [0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 5, 6, 7, 8, 9, 15, 16, 17, 18, 19];
    const w: Record<string, number> = {};
    for (let i = 0; i + 1 < 20; i++) w[`${i}>${i + 1}`] = 1;
    for (let k = 1; k < truth.length; k++) w[`${truth[k - 1]}>${truth[k]}`] = 4;
    const p = problem(20, w, (i) => (i === 0 ? 0 : 1e6));
    const source = Array.from({ length: 20 }, (_, i) => i);
    expect(orOpt(p, source, 30)).not.toEqual(truth);
    expect(bestPath(p, source)).toEqual(truth);
  });

  it('bestPath keeps the source-order start when the assignment is not clearly better', () => {
    const w: Record<string, number> = {};
    for (let i = 0; i + 1 < 16; i++) w[`${i}>${i + 1}`] = 2;
    const p = problem(16, w);
    const source = Array.from({ length: 16 }, (_, i) => i);
    expect(bestPath(p, source)).toEqual(source);
  });

  it('breaks cycles at their weakest link', () => {
    const g: Record<string, number> = { '0>1': 5, '1>2': 4, '2>0': 1 };
    const { succ } = assignSuccessors(3, (i, j) => g[`${i}>${j}`] ?? 0);
    expect([...succ]).toEqual([1, 2, -1]);
  });
});

describe('practice pages', () => {
  it('have a truth that covers every fragment exactly once', () => {
    const articles = [
      {
        file: 'x',
        paragraphs: [
          ['標題一'],
          ['第一段文字很長、', '還有更多的內容、一直寫下去、直到很長很長為止。'],
          ['第二段也有不少文字、繼續寫下去、為了測試而寫的句子。'],
        ],
      },
      {
        file: 'x',
        paragraphs: [
          ['標題二'],
          ['另一篇文章的第一段、內容和前一篇完全不同、講的是天氣。'],
          ['第二段講的是市場的價格、米價上漲、民眾議論紛紛。'],
        ],
      },
    ];
    for (let seed = 1; seed < 12; seed++) {
      // Odd seeds move runs of blocks, even seeds whole columns.
      const page = makePracticePage(
        articles,
        { seed, targetFragments: 30, moves: seed % 2 ? 'blocks' : 'columns' },
        't',
      );
      const frags = pageFromPlainText(page.text, { pageId: 'p1', label: '1', encoding: 'utf-8' }).fragments;
      const ids = page.truth.articles.flatMap((a) => a.items.map((it) => it.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(frags.map((f) => f.id).sort());
      for (const a of page.truth.articles) expect(a.items[0].join).toBe(false);
    }
  });
});
