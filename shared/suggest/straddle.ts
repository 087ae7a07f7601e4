/**
 * "A word is cut in two at the seam": segment the last characters of A plus the
 * first characters of B with the built-in ICU word segmenter (`Intl.Segmenter`, in Node and Chromium) and check
 * whether a multi-character word spans the cut. Results are memoised per seam string because the decoder asks
 * for the same pairs repeatedly.
 */
let segmenter: Intl.Segmenter | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter =
        typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

const memo = new Map<string, string | null>();

/**
 * The word that straddles the seam between `aTail` and `bHead`, e.g. `高新技|术`, or null. Only words with at least
 * one Han character on each side count (digits and Latin runs are handled by other signals).
 */
export function straddlingWord(aTail: string, bHead: string): string | null {
  if (!aTail || !bHead) return null;
  const key = `${aTail}\u0000${bHead}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let found: string | null = null;
  const seg = getSegmenter();
  if (seg) {
    const s = aTail + bHead;
    const cut = aTail.length;
    for (const part of seg.segment(s)) {
      const start = part.index;
      const end = start + part.segment.length;
      if (start < cut && end > cut && part.isWordLike !== false) {
        const left = s.slice(start, cut);
        const right = s.slice(cut, end);
        // A "clean" straddle leaves the rest of B as B alone would read: 六|成 + 以上 (yes), 六|人 + 社部门
        // where B alone reads 人社|部门 (no: the join would tear B's own first word apart).
        if (/[\u3400-\u9fff]/.test(left) && /[\u3400-\u9fff]/.test(right) && boundaries(bHead).has(right.length))
          found = `${left}|${right}`;
        break;
      }
      if (start >= cut) break;
    }
  }
  if (memo.size > 50_000) memo.clear();
  memo.set(key, found);
  return found;
}

const boundaryMemo = new Map<string, Set<number>>();

/** Word boundary offsets (UTF-16) of a text segmented alone. */
function boundaries(text: string): Set<number> {
  let b = boundaryMemo.get(text);
  if (b) return b;
  b = new Set<number>([0, text.length]);
  const seg = getSegmenter();
  if (seg) for (const part of seg.segment(text)) b.add(part.index + part.segment.length);
  if (boundaryMemo.size > 20_000) boundaryMemo.clear();
  boundaryMemo.set(text, b);
  return b;
}
