import bundled from './model/words.json';
import { makeFolder } from './normalize';
import { WordTable, encodeKey } from './word-table';

/**
 * The modern-Chinese word model (jieba dictionary, MIT; built by scripts/build-word-model.ts, attribution in
 * model/SOURCES.md) and the word-level seam signals (a word cut in two at the seam), as a unigram word language
 * model over short windows: P(text) = Σ over segmentations of Π p(word), with p(word) = frequency / total and a
 * small probability for a single Han character the dictionary lacks.
 *
 * - `seamScore(aTail, bHead)`: PMI of the join, log P(a+b) − log P(a) − log P(b), over A's last ≤ 4 and B's first
 *   ≤ 4 Han characters. The segmentations of a+b are those that break at the seam (probability P(a)·P(b)) plus
 *   those with a word across it, so the score is log(1 + cross/break) ≥ 0: 0 when no frequent word straddles the
 *   seam, ≈ 2.6 for 六|成以上, ≈ 9 for 服务方|案 (案 alone is no word). It is the log-likelihood ratio "one
 *   running text" versus "two texts", so it adds up over the links of an arrangement. Measured on the real printed
 *   line cuts of the corpus training folds against random pairs (scripts/build-word-model.ts prints it): LR ≈ 0.74
 *   at 0, ≈ 4 for scores in (2, 3], ≈ 16 in (4, 6], ≈ 38 in (6, 8], > 300 above 8; roughly ln LR ≈ 0.6 · score.
 * - `startScore(bHead)` / `endScore(aTail)`: log-odds that a text picked up at an arbitrary point (a column cut
 *   is one: Chinese breaks lines anywhere) starts / ends in the middle of a word, e.g. B = `案，社工们…` or
 *   A = `…党的建`. Under the unigram model a position is a boundary with probability 1/E[len] and inside word w at
 *   a given offset with probability p(w)/E[len], so the odds are Σ_t mass(t)·P(rest) / P(text), where mass(t) sums
 *   p(w) over the words that end (start) with the proper part t.
 *
 * Windows: text is folded traditional → simplified one character at a time with the model's own table (the
 * dictionary keys were folded with the same table), white space is skipped (PDF line breaks), and any other
 * non-Han character (punctuation, digits, Latin) ends the window. Pure and allocation-light: the engine calls it for
 * every fragment's best candidates, and it runs in the suggestion Web Worker as well as the CLI.
 */
export interface WordModelData {
  format: 'galley-suggest-words';
  version: number;
  source: string;
  licence: string;
  /** Frequency sum of the whole jieba dictionary, the denominator of every word probability. */
  total: number;
  /** Log-frequencies are stored as round(ln(frequency) · quantum). */
  quantum: number;
  /** Traditional → simplified single-character pairs, concatenated. */
  t2s: string;
  /** Lines `length<TAB>q<TAB>words`, the words of that length concatenated without separators. */
  words: string;
}

export interface SeamScore {
  /** PMI of the join in nats, ≥ 0; 0 when either side has no Han character at the seam. */
  score: number;
  /** The likeliest word across the seam as `left|right` (e.g. `六|成`) when crossing is likelier than a boundary. */
  word: string | null;
  /** Log-odds that the seam falls inside a word rather than between words (≥ −8; 0 without a window). */
  crossOdds: number;
}

export interface WordModel {
  /** Folding used for the dictionary keys (traditional → simplified, digits → 0, Latin → a, punctuation classes). */
  fold: (text: string) => string;
  seamScore: (aTail: string, bHead: string) => SeamScore;
  /** Log-odds (clamped to ±8) that `bHead` starts in the middle of a word; 0 without a Han window. */
  startScore: (bHead: string) => number;
  /** Log-odds (clamped to ±8) that `aTail` ends in the middle of a word; 0 without a Han window. */
  endScore: (aTail: string) => number;
  /** ln p(word) for a dictionary word of 1–4 Han characters (folded first), or null when it is not in the model. */
  wordLogProb: (word: string) => number | null;
  /** Number of words in the model. */
  size: number;
}

/** Longest window per side, and longest word. */
const SIDE = 4;
const MAX_WORD = 4;
const CLAMP = 8;

export function loadWordModel(data: WordModelData): WordModel {
  if (data.format !== 'galley-suggest-words') throw new Error(`not a word model: ${String(data.format)}`);
  const table = new WordTable(data);
  // A Han character the dictionary does not list as a word of its own: rarer than its rarest single character.
  const pUnknown = 0.5 / data.total;

  // Traditional → simplified per code unit, for the Han block only (the keys were folded the same way).
  const t2s = new Uint16Array(0x9fff - 0x3400 + 1);
  for (let i = 0; i + 1 < data.t2s.length; i += 2) t2s[data.t2s.charCodeAt(i) - 0x3400] = data.t2s.charCodeAt(i + 1);
  const foldCode = (c: number): number => (c >= 0x3400 && c <= 0x9fff ? t2s[c - 0x3400] || c : -1);
  const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000;

  // Scratch buffers, reused by every call (the model is used from one thread at a time).
  const s = new Uint16Array(2 * SIDE);
  const p = new Float64Array(2 * SIDE * (MAX_WORD + 1));
  const alpha = new Float64Array(2 * SIDE + 1);
  const beta = new Float64Array(2 * SIDE + 1);

  /** Writes A's last ≤ 4 Han characters into s[0..n), returns n. */
  const readTail = (text: string): number => {
    let n = 0;
    const tmp = [0, 0, 0, 0];
    for (let i = text.length - 1; i >= 0 && n < SIDE; i--) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) continue;
      const f = foldCode(c);
      if (f < 0) break;
      tmp[n++] = f;
    }
    for (let k = 0; k < n; k++) s[k] = tmp[n - 1 - k];
    return n;
  };
  /** Writes B's first ≤ 4 Han characters into s[at..], returns how many. */
  const readHead = (text: string, at: number): number => {
    let n = 0;
    for (let i = 0; i < text.length && n < SIDE; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) continue;
      const f = foldCode(c);
      if (f < 0) break;
      s[at + n++] = f;
    }
    return n;
  };

  /** Fills p[i·5 + len] with the probability of the word s[i..i+len) for the window s[0..n). */
  const fillProbs = (n: number): void => {
    for (let i = 0; i < n; i++) {
      for (let len = 1; len <= MAX_WORD; len++) {
        let v = 0;
        if (i + len <= n) {
          v = table.wordProb(s, i, len);
          if (len === 1 && v === 0) v = pUnknown;
        }
        p[i * (MAX_WORD + 1) + len] = v;
      }
    }
  };
  const prob = (i: number, len: number) => p[i * (MAX_WORD + 1) + len];

  /** Forward (alpha[j]: all segmentations of s[0..j)) and backward (beta[i]: of s[i..n)) sums. */
  const forwardBackward = (n: number): void => {
    alpha[0] = 1;
    for (let j = 1; j <= n; j++) {
      let a = 0;
      for (let len = 1; len <= MAX_WORD && len <= j; len++) a += alpha[j - len] * prob(j - len, len);
      alpha[j] = a;
    }
    beta[n] = 1;
    for (let i = n - 1; i >= 0; i--) {
      let b = 0;
      for (let len = 1; len <= MAX_WORD && i + len <= n; len++) b += prob(i, len) * beta[i + len];
      beta[i] = b;
    }
  };

  const seamScore = (aTail: string, bHead: string): SeamScore => {
    const m = readTail(aTail);
    if (m === 0) return { score: 0, word: null, crossOdds: 0 };
    const k = readHead(bHead, m);
    if (k === 0) return { score: 0, word: null, crossOdds: 0 };
    const n = m + k;
    fillProbs(n);
    forwardBackward(n);
    const brk = alpha[m] * beta[m];
    let cross = 0;
    let best = 0;
    let bestI = -1;
    let bestLen = 0;
    for (let i = Math.max(0, m - MAX_WORD + 1); i < m; i++) {
      for (let len = m - i + 1; len <= MAX_WORD && i + len <= n; len++) {
        const w = prob(i, len);
        if (w === 0) continue;
        const t = alpha[i] * w * beta[i + len];
        cross += t;
        if (t > best) {
          best = t;
          bestI = i;
          bestLen = len;
        }
      }
    }
    const score = Math.log1p(cross / brk);
    const crossOdds = cross > 0 ? Math.max(-CLAMP, Math.log(cross / brk)) : -CLAMP;
    let word: string | null = null;
    if (cross > brk && bestI >= 0) {
      word = `${String.fromCharCode(...s.subarray(bestI, m))}|${String.fromCharCode(...s.subarray(m, bestI + bestLen))}`;
    }
    return { score, word, crossOdds };
  };

  const clampLog = (r: number) => (r > 0 ? Math.max(-CLAMP, Math.min(CLAMP, Math.log(r))) : -CLAMP);

  const startScore = (bHead: string): number => {
    const n = readHead(bHead, 0);
    if (n === 0) return 0;
    fillProbs(n);
    forwardBackward(n);
    let mid = 0;
    for (let j = 1; j <= Math.min(n, MAX_WORD - 1); j++) mid += table.suffixMass(s, 0, j) * beta[j];
    return clampLog(mid / beta[0]);
  };

  const endScore = (aTail: string): number => {
    const n = readTail(aTail);
    if (n === 0) return 0;
    fillProbs(n);
    forwardBackward(n);
    let mid = 0;
    for (let i = Math.max(0, n - MAX_WORD + 1); i < n; i++) mid += alpha[i] * table.prefixMass(s, i, n - i);
    return clampLog(mid / alpha[n]);
  };

  const fold = makeFolder(data.t2s);
  const wordLogProb = (word: string): number | null => {
    const f = fold(word);
    if (f.length === 0 || f.length > MAX_WORD) return null;
    const codes = new Uint16Array(f.length);
    for (let i = 0; i < f.length; i++) codes[i] = f.charCodeAt(i);
    if (encodeKey(codes, 0, f.length) === null) return null;
    const v = table.wordProb(codes, 0, f.length);
    return v > 0 ? Math.log(v) : null;
  };

  return { fold, seamScore, startScore, endScore, wordLogProb, size: table.words };
}

let cached: WordModel | undefined;

/** The bundled word model (≈ 1.9 MB JSON), built into its hash table once on first use. */
export function bundledWordModel(): WordModel {
  cached ??= loadWordModel(bundled as WordModelData);
  return cached;
}
