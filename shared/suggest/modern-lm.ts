/**
 * The modern-Chinese word bigram model (open-gram, CC BY-SA 3.0, derived by scripts/build-modern-lm.ts; attribution
 * in model/SOURCES.md) and its seam score: does B's text read on from A's as one modern sentence?
 *
 * `seamScore(aTail, bHead)` = ln P(a+b) − ln P(a) − ln P(b), each the probability of the best (max-probability)
 * segmentation of the text into the model's words under the back-off bigram model, a's first word and b's first
 * word taken without context. Over A's last and B's first ≤ 6 characters. So `如何|策划` scores
 * ln P(策划 | 如何) − ln P(策划) > 0 (a seen pair), `如何|一九` the back-off weight of 如何 (< 0), and a word across
 * the seam (`服务方|案`) the gain of reading it whole. Text is folded traditional → simplified one character at a
 * time with the word model's table (`t2s`); white space is skipped; a character that is neither Han nor one of the
 * model's punctuation marks ends the window.
 *
 * The model is decoded on first use (base64 → typed arrays, a word → id map): tens of ms, once per process.
 */
export interface ModernLmData {
  format: 'galley-suggest-modern-lm';
  version: number;
  source: string;
  licence: string;
  inputSha256: Record<string, string>;
  /** Unigram and bigram bytes hold round(−ln p · quantum). */
  quantum: number;
  /** Back-off bytes hold bowZero + round(ln bow · bowQuantum). */
  bowQuantum: number;
  bowZero: number;
  /** Id of the sentence boundary (its word string is empty). */
  boundary: number;
  /** Words by id, one a line, in code-unit order (the sentence boundary, the empty string, first). */
  words: string;
  unigram: string;
  backoff: string;
  /** Per left word id: varint count, then (varint right-id delta, byte) pairs; base64. */
  bigrams: string;
}

/** What the builder hands the encoder: probabilities as plain numbers, words by id. */
export interface ModernLmTables {
  words: string[];
  /** P(w) per word id. */
  unigram: number[];
  /** Back-off weight per word id. */
  backoff: number[];
  /** [left id, right id, P(right | left)]. */
  bigrams: Array<[number, number, number]>;
  boundary: number;
}

/** Unigram and bigram bytes: −ln p in steps of 1/QUANTUM nat (0–255: down to e^−21, below the rarest word). */
export const QUANTUM = 12;
/** Back-off bytes: ln(bow) in steps of 1/BOW_QUANTUM nat around BOW_ZERO (±4 nats). */
export const BOW_QUANTUM = 32;
export const BOW_ZERO = 128;

const byte = (v: number) => Math.min(255, Math.max(0, Math.round(v)));

function encodeBase64(bytes: ArrayLike<number>): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...Array.from({ length: Math.min(0x8000, bytes.length - i) }, (_, k) => bytes[i + k]));
  return btoa(bin);
}

/** The model file's tables from plain probabilities (scripts/build-modern-lm.ts; the loader reverses it). Word ids must follow the words' code-unit order. */
export function encodeModernLm(
  t: ModernLmTables,
  meta: Pick<ModernLmData, 'source' | 'licence' | 'inputSha256'>,
): ModernLmData {
  const rows: Array<Array<[number, number]>> = t.words.map(() => []);
  for (const [l, r, p] of t.bigrams) rows[l].push([r, byte(-Math.log(p) * QUANTUM)]);
  const bytes: number[] = [];
  const varint = (v: number) => {
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
  };
  for (const row of rows) {
    row.sort((a, b) => a[0] - b[0]);
    varint(row.length);
    let prev = 0;
    for (const [r, q] of row) {
      varint(r - prev);
      bytes.push(q);
      prev = r;
    }
  }
  return {
    format: 'galley-suggest-modern-lm',
    version: 1,
    ...meta,
    quantum: QUANTUM,
    bowQuantum: BOW_QUANTUM,
    bowZero: BOW_ZERO,
    boundary: t.boundary,
    words: t.words.join('\n'),
    unigram: encodeBase64(t.unigram.map((p) => byte(-Math.log(p) * QUANTUM))),
    backoff: encodeBase64(t.backoff.map((b) => byte(BOW_ZERO + Math.log(b) * BOW_QUANTUM))),
    bigrams: encodeBase64(bytes),
  };
}

export interface ModernSeam {
  /** ln P(a+b) − ln P(a) − ln P(b), nats; 0 when either side has no window. */
  score: number;
  /** The words read at the seam, as `left|right` (e.g. `如何|策划`), or the word across it (`服务方|案`). */
  words: string;
  /** The best reading of a+b has a word across the seam. */
  cross: boolean;
}

export interface ModernLm {
  seamScore: (aTail: string, bHead: string) => ModernSeam;
  /** ln P of the best segmentation of `text` (folded; no context before its first word). */
  logProb: (text: string) => number;
  /** Best segmentation of `text` into the model's words (folded). */
  segment: (text: string) => string[];
  size: { words: number; bigrams: number };
}

const SIDE = 6;
const MAX_WORD = 6;
/** A character the model lacks: ln of a probability below its rarest word's. */
const UNKNOWN = -22;

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function loadModernLm(data: ModernLmData, t2sPairs: string): ModernLm {
  if (data.format !== 'galley-suggest-modern-lm')
    throw new Error(`not a modern language model: ${String(data.format)}`);
  // Words are stored in code-unit order, so a word's id is found by binary search: no map of 70,000 strings to
  // build at load time (that alone took 150–300 ms).
  const words = data.words.split('\n');
  for (let i = 1; i < words.length; i++)
    if (!(words[i - 1] < words[i])) throw new Error('modern language model: words out of order');
  const idOf = (w: string): number | undefined => {
    let lo = 0;
    let hi = words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = words[mid];
      if (x === w) return mid;
      if (x < w) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const uniQ = decodeBase64(data.unigram);
  const bowQ = decodeBase64(data.backoff);
  if (uniQ.length !== words.length || bowQ.length !== words.length)
    throw new Error('modern language model: tables of different lengths');
  const uni = new Float32Array(words.length);
  const bow = new Float32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    uni[i] = -uniQ[i] / data.quantum;
    bow[i] = (bowQ[i] - data.bowZero) / data.bowQuantum;
  }
  // Bigrams as compressed rows: rowStart[l]..rowStart[l+1] index right[] (ascending) and logp[].
  const raw = decodeBase64(data.bigrams);
  const rowStart = new Int32Array(words.length + 1);
  let cap = raw.length >> 1;
  let right = new Int32Array(cap);
  let logp = new Float32Array(cap);
  let at = 0;
  let n = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = raw[at++];
      v |= (b & 0x7f) << shift;
      if (b < 0x80) return v >>> 0;
      shift += 7;
    }
  };
  for (let l = 0; l < words.length; l++) {
    rowStart[l] = n;
    const count = varint();
    let r = 0;
    for (let k = 0; k < count; k++) {
      r += varint();
      if (n === cap) {
        cap *= 2;
        const nr = new Int32Array(cap);
        nr.set(right);
        right = nr;
        const np = new Float32Array(cap);
        np.set(logp);
        logp = np;
      }
      right[n] = r;
      logp[n] = -raw[at++] / data.quantum;
      n++;
    }
  }
  rowStart[words.length] = n;
  if (at !== raw.length) throw new Error('modern language model: bigram table does not end where it should');

  /** ln P(w | v) with back-off; v = −1: no context. */
  const cond = (v: number, w: number): number => {
    if (v < 0) return uni[w];
    let lo = rowStart[v];
    let hi = rowStart[v + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = right[mid];
      if (x === w) return logp[mid];
      if (x < w) lo = mid + 1;
      else hi = mid - 1;
    }
    return bow[v] + uni[w];
  };

  const t2s = new Map<string, string>();
  const pairs = [...t2sPairs];
  for (let i = 0; i + 1 < pairs.length; i += 2) t2s.set(pairs[i], pairs[i + 1]);
  const foldChar = (ch: string): string | null => {
    const c = ch.codePointAt(0)!;
    if (c >= 0x3400 && c <= 0x9fff) return t2s.get(ch) ?? ch;
    if (idOf(ch) !== undefined) return ch;
    return ch === ',' ? '，' : null;
  };
  const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000';
  const tail = (text: string): string[] => {
    const out: string[] = [];
    const cs = [...text];
    for (let i = cs.length - 1; i >= 0 && out.length < SIDE; i--) {
      if (isSpace(cs[i])) continue;
      const f = foldChar(cs[i]);
      if (f === null) break;
      out.push(f);
    }
    return out.reverse();
  };
  const head = (text: string): string[] => {
    const out: string[] = [];
    for (const ch of text) {
      if (out.length >= SIDE) break;
      if (isSpace(ch)) continue;
      const f = foldChar(ch);
      if (f === null) break;
      out.push(f);
    }
    return out;
  };

  /**
   * Viterbi over (position, last word): best[j] holds, for each word ending at j, the best ln P of s[0..j) ending
   * with it. Unknown single characters are words of their own (id −2: no bigram context after them).
   */
  const viterbi = (s: string[]): { lp: number; path: Array<[number, number]> } => {
    const n = s.length;
    if (n === 0) return { lp: 0, path: [] };
    // ends[j]: list of [wordId, startPos, score, backIndex]
    const ends: Array<Array<[number, number, number, number]>> = Array.from({ length: n + 1 }, () => []);
    ends[0].push([-1, 0, 0, -1]);
    for (let j = 1; j <= n; j++) {
      for (let len = 1; len <= MAX_WORD && len <= j; len++) {
        const i = j - len;
        if (!ends[i].length) continue;
        const w = idOf(s.slice(i, j).join(''));
        if (w === undefined && len > 1) continue;
        let best = -Infinity;
        let arg = -1;
        ends[i].forEach(([v, , sc], k) => {
          const t = sc + (w === undefined ? UNKNOWN : cond(v < 0 ? -1 : v, w));
          if (t > best) {
            best = t;
            arg = k;
          }
        });
        ends[j].push([w ?? -2, i, best, arg]);
      }
    }
    let bi = 0;
    ends[n].forEach((e, k) => {
      if (e[2] > ends[n][bi][2]) bi = k;
    });
    const path: Array<[number, number]> = [];
    for (let j = n, k = bi; j > 0;) {
      const e = ends[j][k];
      path.push([e[1], j]);
      k = e[3];
      j = e[1];
    }
    return { lp: ends[n][bi][2], path: path.reverse() };
  };

  const cacheA = new Map<string, number>();
  const cacheB = new Map<string, number>();
  const memo = (cache: Map<string, number>, s: string[]): number => {
    const key = s.join('');
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size > 50_000) cache.clear();
      v = viterbi(s).lp;
      cache.set(key, v);
    }
    return v;
  };

  const seamScore = (aTail: string, bHead: string): ModernSeam => {
    const a = tail(aTail);
    const b = head(bHead);
    if (!a.length || !b.length) return { score: 0, words: '', cross: false };
    const joined = viterbi([...a, ...b]);
    const score = joined.lp - memo(cacheA, a) - memo(cacheB, b);
    // The words at the seam: the one across it, or the last before and the first after.
    const m = a.length;
    const s = [...a, ...b];
    const cross = joined.path.find(([i, j]) => i < m && j > m);
    const before = joined.path.find(([, j]) => j === m);
    const after = joined.path.find(([i]) => i === m);
    const text = (i: number, j: number) => s.slice(i, j).join('');
    const words = cross
      ? `${text(cross[0], m)}|${text(m, cross[1])}`
      : before && after
        ? `${text(before[0], m)}|${text(m, after[1])}`
        : '';
    return { score, words, cross: !!cross };
  };

  const fold = (text: string) => [...text].filter((c) => !isSpace(c)).map((c) => foldChar(c) ?? c);
  return {
    seamScore,
    logProb: (text) => viterbi(fold(text)).lp,
    segment: (text) => {
      const s = fold(text);
      return viterbi(s).path.map(([i, j]) => s.slice(i, j).join(''));
    },
    size: { words: words.length, bigrams: n },
  };
}
