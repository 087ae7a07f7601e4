import { BOS, EOS, makeFolder } from './normalize';

/**
 * The character 3-gram model (built by scripts/build-suggest-model.ts) and the cross-seam join score
 * `join(A,B) = Σₖ log P(Bₖ | A's tail, B<ₖ) − log P(Bₖ | ⟨paragraph start⟩, B<ₖ)`:
 * positive when B reads as the continuation of A rather than as a fresh paragraph.
 */
export interface CharModelData {
  format: 'galley-suggest-lm';
  version: number;
  t2s: string;
  grams: string;
  characters: number;
}

export interface CharModel {
  fold: (text: string) => string;
  /** log P(c | context) with the last two characters of `context` used. */
  logProb: (context: string, c: string) => number;
  /** Join PMI from pre-split characters: A's last two, B's first two (folded). */
  joinChars: (a2: string, a1: string, b1: string, b2: string) => number;
  /** Join PMI over the first `k` characters of B (folded text expected). */
  joinScore: (aTailFolded: string, bHeadFolded: string, k?: number) => number;
  /** log P(paragraph end | A's tail): how much A looks like the end of a paragraph. */
  endScore: (aTailFolded: string) => number;
}

const L3 = 0.55;
const L2 = 0.3;

export function loadCharModel(data: CharModelData): CharModel {
  const counts = new Map<string, number>();
  for (const line of data.grams.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  const total = Math.max(1, data.characters);
  let vocab = 0;
  for (const k of counts.keys()) if ([...k].length === 1) vocab++;
  const floor = 1 / (vocab + 5000);
  const c = (g: string) => counts.get(g) ?? 0;

  /** log P(ch | x y) where x, y are the two characters before (either may be ''). */
  const logProb3 = (x: string, y: string, ch: string): number => {
    const p1 = c(ch) / total;
    const cy = y ? c(y) : 0;
    const p2 = cy > 0 ? c(y + ch) / cy : 0;
    const cxy = x && y ? c(x + y) : 0;
    const p3 = cxy > 0 ? c(x + y + ch) / cxy : 0;
    // Jelinek–Mercer interpolation; weights of missing orders move down so the estimate stays a distribution.
    const w3 = cxy > 0 ? L3 : 0;
    const w2 = cy > 0 ? L2 + (L3 - w3) * 0.7 : 0;
    const w1 = 1 - w3 - w2 - 0.02;
    return Math.log(w3 * p3 + w2 * p2 + w1 * p1 + 0.02 * floor);
  };
  const logProb = (context: string, ch: string): number => {
    const cs = [...context];
    return logProb3(cs[cs.length - 2] ?? '', cs[cs.length - 1] ?? '', ch);
  };

  const joinScore = (aTail: string, bHead: string, k = 3): number => {
    const a = [...aTail];
    const b = [...bHead].slice(0, k);
    let x = a[a.length - 2] ?? '';
    let y = a[a.length - 1] ?? '';
    let fx = '';
    let fy = BOS;
    let s = 0;
    // From the third character on, both contexts are inside B and the terms cancel: stop at two.
    for (const ch of b.slice(0, 2)) {
      s += logProb3(x, y, ch) - logProb3(fx, fy, ch);
      x = y;
      y = ch;
      fx = fy;
      fy = ch;
    }
    return s;
  };

  const endScore = (aTail: string): number => logProb(aTail, EOS);
  const joinChars = (a2: string, a1: string, b1: string, b2: string): number => {
    if (!b1) return 0;
    let s = logProb3(a2, a1, b1) - logProb3('', BOS, b1);
    if (b2) s += logProb3(a1, b1, b2) - logProb3(BOS, b1, b2);
    return s;
  };

  return { fold: makeFolder(data.t2s), logProb, joinScore, joinChars, endScore };
}
