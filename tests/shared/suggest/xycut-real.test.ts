import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageFromAlto } from '../../../shared/import/alto';
import { linePitch, readingOrder, writingMode, xyCutOrder } from '../../../shared/suggest/xycut';
import type { Fragment } from '../../../shared/model/types';
import { FIXTURES } from '../../support/paths';

/**
 * XY-cut on real ALTO pages (samples/real, evaluation only). The BnL files list their blocks in the reading order
 * of the METS articles (docWorks output, checked by the library), so on pages without tables that order is the
 * reference for a geometric reading order.
 */
const BNL = path.join(FIXTURES, 'real/bnl-luxzeit-1858-12-07/text');
const BL = path.join(FIXTURES, 'real/bl-statesman-1824-02-17/0002647_18240217_0003.xml');
const load = (file: string, id = 'p1'): Fragment[] =>
  pageFromAlto(readFileSync(file, 'utf8'), { pageId: id }).page.fragments;
const bnl = (k: number) => load(path.join(BNL, `1858-12-07_01-0000${k}.xml`), `p${k}`);

function xy(frags: Fragment[]): string[] {
  const mode = writingMode(frags);
  return xyCutOrder(
    frags.map((f) => f.box!),
    { writingMode: mode, lineHeight: linePitch(frags, mode) },
  ).map((k) => frags[k].id);
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let a = seed;
  for (let i = out.length - 1; i > 0; i--) {
    a = (a * 1103515245 + 12345) % 2147483648;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('XY-cut on real METS/ALTO pages', () => {
  it('reproduces the printed reading order of BnL pages 1 and 2 (masthead, two-language heads, feuilleton band)', () => {
    for (const k of [1, 2]) {
      const frags = bnl(k);
      expect(frags.every((f) => f.box)).toBe(true);
      expect(xy(frags)).toEqual(frags.map((f) => f.id));
    }
  });

  it('gives the same order whatever order the file lists the blocks in', () => {
    for (const frags of [bnl(1), bnl(2), bnl(3), load(BL)]) {
      const ref = xy(frags);
      for (const seed of [1, 2, 3]) expect(xy(shuffle(frags, seed))).toEqual(ref);
    }
  });

  it('suggest() input: a shuffled page gets its XY-cut order back, the file order is kept when it agrees', () => {
    const frags = bnl(1);
    expect(readingOrder(frags)).toBe(frags);
    expect(readingOrder(shuffle(frags, 7)).map((f) => f.id)).toEqual(frags.map((f) => f.id));
  });
});
