import type { FragFeatures } from './features';

/**
 * Paragraph starts from the first-line indent. Chinese papers indent every paragraph's first line by two
 * character cells (段首空两格); extraction drops the indent but not its trace: a paragraph's first line holds about
 * two characters fewer than the column's other lines. So a block whose first line is short and does not end a
 * sentence opens a paragraph (it follows a paragraph end, never a mid-sentence cut), and a block whose first line
 * fills the column continues one.
 *
 * Returns, per fragment, evidence in [-1, 1]: +1 "opens a paragraph", -1 "continues a paragraph", 0 unknown.
 * The column width comes from the block's own middle lines, or, for a one-line block (narrow columns come out a
 * line at a time), from the full lines of its neighbours in source order.
 */
export function indentEvidence(F: FragFeatures[], heading: boolean[]): Float64Array {
  const n = F.length;
  const out = new Float64Array(n);
  // Lines that show a column's full width: middle lines of multi-line blocks, and one-line blocks cut mid-sentence.
  const fullLines: number[][] = F.map((f, i) => {
    if (!f.cjk || heading[i] || f.caption || f.credit || f.byline || f.furniture) return [];
    const w = f.lineWidths;
    if (w.length >= 3) return w.slice(1, -1);
    if (w.length === 2) return f.lastLine === 'short' ? [] : [w[1]];
    return w.length === 1 && !f.complete ? [w[0]] : [];
  });
  for (let i = 0; i < n; i++) {
    const f = F[i];
    if (!f.cjk || heading[i] || !f.lineWidths.length || f.caption || f.credit || f.byline || f.furniture || f.dateline)
      continue;
    const first = f.lineWidths[0];
    // A one-line block that ends a sentence, or a block whose first line does (`…节省成本。' 为了更细致…`), may be
    // short because a paragraph ends there: no evidence.
    if ((f.lineWidths.length === 1 && f.complete) || f.firstLineEnds) continue;
    let ref: number[] = f.lineWidths.length >= 3 ? f.lineWidths.slice(1, -1) : [];
    if (f.lineWidths.length === 2 && f.lastLine !== 'short') ref = [f.lineWidths[1]];
    if (!ref.length) {
      for (let k = Math.max(0, i - 6); k <= Math.min(n - 1, i + 6); k++) {
        if (k !== i && F[k].page === f.page) ref = ref.concat(fullLines[k]);
      }
      // Neighbours from another column set (much wider or narrower) say nothing about this one.
      ref = ref.filter((w) => Math.abs(w - first) <= 4);
    }
    if (ref.length < 2) continue;
    // Upper quartile, not the median: spaces inside a line (names, `记者 刘健`) also split it, into short pieces.
    const col = quantile(ref, 0.75);
    if (col < 6) continue;
    // Two cells short: opens a paragraph (+1); as wide as the column: continues one (-1).
    out[i] = Math.max(-1, Math.min(1, col - first - 1));
  }
  return out;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const x = q * (s.length - 1);
  const lo = Math.floor(x);
  return s[lo] + (s[Math.min(s.length - 1, lo + 1)] - s[lo]) * (x - lo);
}
