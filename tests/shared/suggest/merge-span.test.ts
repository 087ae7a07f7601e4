import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeGrid } from '../../../shared/suggest/merge-span';
import { APART_END, APART_START, bandPosteriors } from '../../../shared/suggest/bands';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';
import { suggest } from '../../../shared/suggest/engine';
import { sampleIssue } from './sample';

/**
 * Merge spans (shared/suggest/merge-span.ts): a column whose paragraph starts and ends were set apart by the
 * extraction and come after its full lines, last first. The sample page's column 策划,企业怎么发动… (p1.9–p1.29) is
 * such a column: p1.9–p1.23 are its full lines in order, p1.24–p1.29 its paragraph boundaries, bottom to top.
 */
const logSumExp = (xs: number[]) => {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
};

/** Every interleaving of A (in order) with B (in order) that starts with A[0], by brute force. */
function interleavings(A: number[], B: number[]): number[][] {
  const out: number[][] = [];
  const go = (i: number, j: number, acc: number[]) => {
    if (i === A.length && j === B.length) {
      out.push(acc);
      return;
    }
    if (i < A.length) go(i + 1, j, [...acc, A[i]]);
    if (j < B.length && i > 0) go(i, j + 1, [...acc, B[j]]);
  };
  go(0, 0, []);
  return out;
}

describe('mergeGrid', () => {
  const A = [0, 1, 2, 3];
  const B = [6, 5, 4];
  // Arbitrary but fixed link weights.
  const ln = (i: number, j: number) => Math.sin(i * 7 + j * 3) * 2;
  const score = (r: number[]) => r.slice(1).reduce((s, x, k) => s + ln(r[k], x), 0);
  const all = interleavings(A, B);

  it('sums over every interleaving that starts with the first full line, split by the last line', () => {
    const g = mergeGrid(A, B, ln);
    expect(g.endA).toBeCloseTo(logSumExp(all.filter((r) => r.at(-1) === 3).map(score)), 9);
    expect(g.endB).toBeCloseTo(logSumExp(all.filter((r) => r.at(-1) === 4).map(score)), 9);
  });

  it('gives each link its posterior among those readings', () => {
    const g = mergeGrid(A, B, ln);
    const endB = all.filter((r) => r.at(-1) === 4);
    const Z = logSumExp(endB.map(score));
    const got = new Map<string, number>();
    g.marginals(true, (i, j, p) => got.set(`${i}>${j}`, (got.get(`${i}>${j}`) ?? 0) + p));
    for (const key of ['0>6', '6>5', '5>1', '3>4', '2>3']) {
      const [i, j] = key.split('>').map(Number);
      const want = endB
        .filter((r) => r.some((x, k) => k > 0 && r[k - 1] === i && x === j))
        .reduce((s, r) => s + Math.exp(score(r) - Z), 0);
      expect(got.get(key) ?? 0, key).toBeCloseTo(want, 6);
    }
  });
});

describe('a column with its paragraph boundaries set apart (sample page, p1.9–p1.29)', () => {
  const issue = sampleIssue();
  const frags = issue.pages[0].fragments;
  const F = frags.map((f, i) => fragmentFeatures(f, i, bundledModel()));
  const pos = (n: number) => frags.findIndex((f) => f.id === `p1.${n}`);
  // The reading the truth file gives (tests/fixtures/suggest/zhejiang-p2.truth.json).
  const reading = [9, 29, 28, 10, 11, 12, 13, 14, 15, 16, 17, 27, 26, 18, 19, 20, 21, 22, 23, 25, 24];

  it('the band parser reads the set-apart lines back in where they were printed, from link scores none of which decides alone', () => {
    const truth = new Set(reading.slice(1).map((x, k) => `${pos(reading[k])}>${pos(x)}`));
    // A true link scores 2, the next line in source order 0.5: the set-apart reading wins only by its whole length.
    const lean = (i: number, j: number) => (truth.has(`${i}>${j}`) ? 2 : j === i + 1 ? 0.5 : -1);
    const apart = (i: number) =>
      (F[i].complete ? APART_END : 0) | ([24, 26, 28].map(pos).includes(i) ? APART_START : 0);
    const post = bandPosteriors(F.length, F, lean, () => true, apart);
    for (let k = 1; k < reading.length; k++)
      expect(post.prob(pos(reading[k - 1]), pos(reading[k])), `${reading[k - 1]} → ${reading[k]}`).toBeGreaterThan(0.7);
    // Without the set-apart lines the parser has only source order to offer.
    const none = bandPosteriors(F.length, F, lean, () => true);
    expect(none.prob(pos(17), pos(27))).toBeLessThan(0.3);
  });

  it('the engine orders the whole column so', () => {
    const s = suggest(issue);
    const next = new Map<string, string>();
    for (const a of s.articles)
      a.items.forEach((it, k) => {
        if (k > 0) next.set(a.items[k - 1].id, it.id);
      });
    const wrong = reading
      .slice(1)
      .filter((x, k) => next.get(`p1.${reading[k]}`) !== `p1.${x}`)
      .map((x, k) => `${reading[k]}→${x}`);
    expect(wrong).toEqual([]);
    // And says why: 2万|多名职工的奥妙所在。 is a set-apart paragraph end read back in after its column line.
    const item = s.articles.flatMap((a) => a.items).find((it) => it.id === 'p1.27')!;
    expect(item.reasons).toContain(
      'set-apart lines: this column’s paragraph starts and ends came after its full lines, last first',
    );
    // Full lines of the column that follow each other as extracted do not say it.
    const inOrder = s.articles.flatMap((a) => a.items).find((it) => it.id === 'p1.12')!;
    expect(inOrder.reasons.some((r) => r.startsWith('set-apart'))).toBe(false);
  });
});

describe('band posteriors with merge spans (property)', () => {
  // Any link scores and any set-apart kinds: the posteriors must stay probabilities of one reading of the run.
  const line = { cjk: true, headingLevel: 0, lineWidths: [12], box: null, page: 'p1' } as unknown as ReturnType<
    typeof fragmentFeatures
  >;
  const runArb = fc.integer({ min: 3, max: 24 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      scores: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      kinds: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    }),
  );
  it('gives every line at most one successor and one predecessor in all, and never more merged than total', () => {
    fc.assert(
      fc.property(runArb, ({ n, scores, kinds }) => {
        const F = Array.from({ length: n }, () => line);
        const post = bandPosteriors(
          n,
          F,
          (i, j) => scores[i * n + j],
          () => true,
          (i) => kinds[i],
        );
        let total = 0;
        for (let i = 0; i < n; i++) {
          let out = 0;
          let into = 0;
          for (let j = 0; j < n; j++) {
            out += post.prob(i, j);
            into += post.prob(j, i);
            expect(post.merged(i, j)).toBeLessThanOrEqual(post.prob(i, j) + 1e-9);
          }
          expect(out).toBeLessThanOrEqual(1 + 1e-6);
          expect(into).toBeLessThanOrEqual(1 + 1e-6);
          expect(post.inBand[i]).toBeLessThanOrEqual(1 + 1e-6);
          total += out;
        }
        // Every reading links the run's n lines by n − 1 links (posteriors below 1e-4 per span are dropped).
        expect(total).toBeLessThanOrEqual(n - 1 + 1e-6);
      }),
      { numRuns: 150 },
    );
  });
});
