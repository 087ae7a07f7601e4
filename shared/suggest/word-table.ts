/**
 * Open-addressing hash table over strings of 1–4 Han characters (UTF-16 code units 0x3400–0x9FFF), keyed without
 * building strings: the code units are packed two per 32-bit integer. Each entry holds the probability of the
 * string as a word and the probability masses of the longer words it is a proper prefix / suffix of, which
 * words.ts needs for its mid-word odds. Built once from the word model's text (≈ 245k words → ≈ 360k entries,
 * ≈ 10 MB of typed arrays); lookups allocate nothing.
 */
export interface WordTableSource {
  total: number;
  quantum: number;
  words: string;
}

/** Packs s[i..i+len) (len 1–4, all Han) into two int32s, or null when a code unit is outside the Han blocks. */
export function encodeKey(s: ArrayLike<number>, i: number, len: number): [number, number] | null {
  for (let k = 0; k < len; k++) if (s[i + k] < 0x3400 || s[i + k] > 0x9fff) return null;
  return [lo(s, i, len), hi(s, i, len)];
}

function lo(s: ArrayLike<number>, i: number, len: number): number {
  return len > 1 ? s[i] | (s[i + 1] << 16) : s[i];
}

function hi(s: ArrayLike<number>, i: number, len: number): number {
  return len > 3 ? s[i + 2] | (s[i + 3] << 16) : len > 2 ? s[i + 2] : 0;
}

function mix(l: number, h: number): number {
  let x = (Math.imul(l, 0x9e3779b1) + Math.imul(h ^ 0x5bd1e995, 0x85ebca77)) | 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  return x ^ (x >>> 12);
}

/** Slot layout in 32-bit words: key low, key high, then three float32 fields. One slot is one cache access. */
const STRIDE = 5;
const P = 2;
const PREFIX = 3;
const SUFFIX = 4;

export class WordTable {
  /** Number of words (not counting entries that are only prefixes or suffixes). */
  readonly words: number = 0;
  private mask: number;
  private keys: Int32Array;
  private vals: Float32Array;
  private used = 0;
  private readonly src: WordTableSource;
  private masses = false;

  constructor(src: WordTableSource) {
    let estimate = 0;
    for (const line of src.words.split('\n')) {
      const t2 = line.indexOf('\t', line.indexOf('\t') + 1);
      estimate += (line.length - t2 - 1) / Number(line.slice(0, line.indexOf('\t')));
    }
    // Prefixes and suffixes add about half as many entries again; keep the final load under 0.75 (≈ 0.7: 2^19 slots,
    // 10 MB, instead of twice that).
    let cap = 1024;
    while (cap * 0.75 < estimate * 1.5) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap * STRIDE);
    this.vals = new Float32Array(this.keys.buffer);

    this.src = src;
    this.words = this.forEachWord((codes, len, p) => this.add(codes, 0, len, P, p));
  }

  /** Calls `visit` for every word of the model with its code units and probability; returns the word count. */
  private forEachWord(visit: (codes: Uint16Array, len: number, p: number) => void): number {
    const src = this.src;
    const codes = new Uint16Array(4);
    let words = 0;
    for (const line of src.words.split('\n')) {
      const t1 = line.indexOf('\t');
      const t2 = line.indexOf('\t', t1 + 1);
      if (t1 < 0 || t2 < 0) continue;
      const len = Number(line.slice(0, t1));
      const p = Math.exp(Number(line.slice(t1 + 1, t2)) / src.quantum) / src.total;
      for (let at = t2 + 1; at + len <= line.length; at += len) {
        for (let k = 0; k < len; k++) codes[k] = line.charCodeAt(at + k);
        visit(codes, len, p);
        words++;
      }
    }
    return words;
  }

  /**
   * Adds the prefix and suffix masses, on first use only: they take twice as long to build as the words (≈ 1M
   * table updates) and only the start/end odds need them.
   */
  private ensureMasses(): void {
    if (this.masses) return;
    this.masses = true;
    this.forEachWord((codes, len, p) => {
      for (let k = 1; k < len; k++) {
        this.add(codes, 0, k, PREFIX, p);
        this.add(codes, k, len - k, SUFFIX, p);
      }
    });
  }

  /** p(word) for s[i..i+len), 0 when it is not a word of the model. */
  wordProb(s: ArrayLike<number>, i: number, len: number): number {
    const slot = this.find(lo(s, i, len), hi(s, i, len));
    return slot < 0 ? 0 : this.vals[slot + P];
  }

  /** Σ p(w) over the longer words w that start with s[i..i+len). */
  prefixMass(s: ArrayLike<number>, i: number, len: number): number {
    this.ensureMasses();
    const slot = this.find(lo(s, i, len), hi(s, i, len));
    return slot < 0 ? 0 : this.vals[slot + PREFIX];
  }

  /** Σ p(w) over the longer words w that end with s[i..i+len). */
  suffixMass(s: ArrayLike<number>, i: number, len: number): number {
    this.ensureMasses();
    const slot = this.find(lo(s, i, len), hi(s, i, len));
    return slot < 0 ? 0 : this.vals[slot + SUFFIX];
  }

  /** Offset of the key's slot in `keys`, or -1. */
  private find(l: number, h: number): number {
    const keys = this.keys;
    for (let i = mix(l, h) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * STRIDE;
      const k = keys[at];
      if (k === 0) return -1;
      if (k === l && keys[at + 1] === h) return at;
    }
  }

  private add(s: ArrayLike<number>, i: number, len: number, field: number, value: number): void {
    const l = lo(s, i, len);
    const h = hi(s, i, len);
    let at = 0;
    for (let slot = mix(l, h) & this.mask; ; slot = (slot + 1) & this.mask) {
      at = slot * STRIDE;
      const k = this.keys[at];
      if (k === 0) break;
      if (k === l && this.keys[at + 1] === h) {
        this.vals[at + field] += value;
        return;
      }
    }
    if (this.used + 1 > this.mask * 0.85) {
      this.grow();
      this.add(s, i, len, field, value);
      return;
    }
    this.keys[at] = l;
    this.keys[at + 1] = h;
    this.vals[at + field] = value;
    this.used++;
  }

  /** Doubles the table (only if the size estimate was far off). */
  private grow(): void {
    const old = this.keys;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap * STRIDE);
    this.vals = new Float32Array(this.keys.buffer);
    for (let from = 0; from < old.length; from += STRIDE) {
      const l = old[from];
      if (l === 0) continue;
      let slot = mix(l, old[from + 1]) & this.mask;
      while (this.keys[slot * STRIDE] !== 0) slot = (slot + 1) & this.mask;
      // Copying the raw 32-bit words copies the float fields bit for bit.
      this.keys.set(old.subarray(from, from + STRIDE), slot * STRIDE);
    }
  }
}
