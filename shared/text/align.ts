import { diffChars } from 'diff';

/**
 * Maps an offset in a corrected text back to the corresponding offset in the original it was made from, so that
 * a split of an edited fragment also splits its provenance (the spans) at the right place.
 */
export function mapToOriginal(original: string, edited: string, offset: number): number {
  if (original === edited) return offset;
  let o = 0;
  let t = 0;
  for (const part of diffChars(original, edited)) {
    const len = part.value.length;
    if (part.added) {
      if (offset <= t + len) return o;
      t += len;
    } else if (part.removed) {
      o += len;
    } else {
      if (offset <= t + len) return o + (offset - t);
      o += len;
      t += len;
    }
  }
  return original.length;
}
