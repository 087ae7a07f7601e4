/**
 * Truth of a PDF practice page over the fragments the importer made: each fragment is found in the text of the
 * articles (whitespace ignored, the printed text has no other change), so the truth does not depend on how the
 * importer cut. A fragment that is found nowhere as one piece holds a line of another column (or article).
 */
import type { Page } from '../../shared/model/types';
import type { PdfArticleTruth } from './pdf-pages';
import type { Truth, TruthArticle } from './truth';

export interface PdfSegmentation {
  fragments: number;
  /** Fragments that are not one contiguous piece of one article (a line of another column spliced in). */
  spliced: number;
  /** Paragraph starts (titles, decks and body paragraphs) that open a fragment / all of them. */
  breaksFound: number;
  breaks: number;
  /** Fragments that hold more than one paragraph (a paragraph start inside). */
  merged: number;
}

const norm = (s: string) => s.replace(/\s+/g, '');

interface Placed {
  id: string;
  article: number;
  start: number;
  end: number;
}

export function pdfTruth(page: Page, articles: PdfArticleTruth[]): { truth: Truth; seg: PdfSegmentation } {
  const texts: string[] = [];
  const starts: number[][] = [];
  for (const a of articles) {
    let t = '';
    const st: number[] = [];
    for (const p of [a.title, ...(a.deck ? [a.deck] : []), ...a.paragraphs]) {
      st.push(t.length);
      t += norm(p);
    }
    texts.push(t);
    starts.push(st);
  }
  const placed: Placed[] = [];
  const taken = texts.map(() => new Set<number>());
  let spliced = 0;
  for (const f of page.fragments) {
    const n = norm(f.text);
    let hit: Placed | null = null;
    for (let a = 0; a < texts.length && !hit; a++) {
      let at = texts[a].indexOf(n);
      while (at >= 0 && taken[a].has(at)) at = texts[a].indexOf(n, at + 1);
      if (at >= 0) hit = { id: f.id, article: a, start: at, end: at + n.length };
    }
    if (!hit) {
      // A character the embedded font has no glyph for comes out as U+FFFD or a space: let it stand for up to two
      // characters of the truth.
      const loose = new RegExp(
        f.text
          .trim()
          .split(/[\s\ufffd]+/)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.{0,2}'),
      );
      for (let a = 0; a < texts.length && !hit; a++) {
        const m = loose.exec(texts[a]);
        if (m && !taken[a].has(m.index)) hit = { id: f.id, article: a, start: m.index, end: m.index + m[0].length };
      }
    }
    if (!hit) {
      spliced++;
      // Place it by its first line, so the successor figures still count it somewhere.
      const first = norm(f.text.split('\n')[0]);
      for (let a = 0; a < texts.length && !hit; a++) {
        const at = texts[a].indexOf(first);
        if (at >= 0) hit = { id: f.id, article: a, start: at, end: at + first.length };
      }
    }
    if (hit) {
      taken[hit.article].add(hit.start);
      placed.push(hit);
    }
  }
  let breaksFound = 0;
  let breaks = 0;
  let merged = 0;
  const truthArticles: TruthArticle[] = texts.map((_, a) => {
    const mine = placed.filter((p) => p.article === a).sort((x, y) => x.start - y.start);
    const st = new Set(starts[a]);
    breaks += starts[a].length;
    breaksFound += starts[a].filter((s) => mine.some((p) => p.start === s)).length;
    merged += mine.filter((p) => starts[a].some((s) => s > p.start && s < p.end)).length;
    return { items: mine.map((p, k) => ({ id: p.id, join: k > 0 && !st.has(p.start) })) };
  });
  return {
    truth: { articles: truthArticles.filter((a) => a.items.length), openEnds: [] },
    seg: { fragments: page.fragments.length, spliced, breaksFound, breaks, merged },
  };
}
