/**
 * Topic vectors for grouping: TF-IDF over character bigrams for Han text, over
 * lower-cased words for Latin text, with IDF taken from the page itself (each text is a document), cosine
 * similarity through an inverted index so a 300-fragment page stays cheap.
 */
export type TopicVector = Map<string, number>;

export function terms(text: string, cjk: boolean): string[] {
  if (!cjk) return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !STOP.has(w));
  const han = [...text].filter((ch) => {
    const c = ch.charCodeAt(0);
    return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x7a);
  });
  const out: string[] = [];
  for (let i = 0; i + 1 < han.length; i++) out.push(han[i] + han[i + 1]);
  return out;
}

const STOP = new Set(
  'the and that with for from this have which were was are not but his her their they been has had will would there what when into than then them these those also upon our its les des une dans pour par sur est qui que pas plus aux avec der die das und den dem des ein eine ist nicht mit sich auf für von'.split(
    ' ',
  ),
);

/** Builds unit-length TF-IDF vectors for a list of term bags. */
export function tfidf(bags: string[][]): TopicVector[] {
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bags.length;
  return bags.map((bag) => {
    const tf = new Map<string, number>();
    for (const t of bag) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: TopicVector = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const d = df.get(t) ?? 1;
      if (d === n && n > 2) continue;
      const w = (1 + Math.log(c)) * Math.log((n + 1) / d);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

/** All pairwise cosines as a dense matrix (row-major n×n), computed through an inverted index. */
export function cosineMatrix(vectors: TopicVector[]): Float32Array {
  const n = vectors.length;
  const m = new Float32Array(n * n);
  const inv = new Map<string, Array<[number, number]>>();
  vectors.forEach((v, i) => {
    for (const [t, w] of v) {
      let l = inv.get(t);
      if (!l) inv.set(t, (l = []));
      l.push([i, w]);
    }
  });
  for (const list of inv.values()) {
    for (let a = 0; a < list.length; a++) {
      const [i, wi] = list[a];
      for (let b = a + 1; b < list.length; b++) {
        const [j, wj] = list[b];
        m[i * n + j] += wi * wj;
        m[j * n + i] += wi * wj;
      }
    }
  }
  return m;
}
