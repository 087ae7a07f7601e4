/**
 * Newspaper pages printed from HTML to PDF, with known truth: a headline across the width of its article, bodies
 * in 2–5 columns (CSS multi-column, justified; paragraphs marked by a first-line indent of two ems as Chinese
 * papers set them, or one em, or by a little space and no indent), headlines centred or set left, two articles side by side, now and then a deck under the headline and rules between the columns; the CJK font
 * (WenQuanYi Micro Hei, Debian `fonts-wqy-microhei`) embedded. Text: dev-fold articles of the ECPO corpus (never in
 * any model; CC BY 4.0, "Early Chinese Periodicals Online (ECPO), Heidelberg University"), odd seeds the held-out
 * half. Printed by Debian's `chromium --headless --print-to-pdf`; the PDFs are cached by content in the temp folder
 * (a page takes 1–3 s to print), so the bench needs chromium only on its first run.
 *
 * The truth is the page's articles as text (title, deck, paragraphs); `pdfTruth` (pdf-truth.ts) finds each
 * imported fragment in it, so the truth does not depend on how the importer cuts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus, type CorpusArticle } from '../../scripts/suggest/corpus';
import { isDevFile } from '../../scripts/suggest/split';
import { CORPUS_DIR } from './dev-set';
import { int, pick, rng } from './rng';

export interface PdfArticleTruth {
  title: string;
  deck?: string;
  paragraphs: string[];
}
export interface PdfPageSpec {
  name: string;
  html: string;
  articles: PdfArticleTruth[];
}

const PUNCT = /[，。、；：？！「」『』（）,.;:?!()]/;

/** Corpus articles usable as a headline (a short first paragraph without punctuation) and ≥ 2 body paragraphs. */
export function headedArticles(part: 'tune' | 'heldout', corpusDir = CORPUS_DIR): PdfArticleTruth[] {
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const dev = readCorpus(corpusDir).filter((a) => isDevFile(a.file, names));
  const mine = dev.filter((_, i) => (i % 2 === 0) === (part === 'tune'));
  return mine.flatMap((a: CorpusArticle) => {
    // Characters outside Unicode (the corpus's gaiji, a private-use code point) have no glyph in any font.
    const paras = a.paragraphs.map((p) => p.join('').replace(/[\ue000-\uf8ff]/g, '')).filter((p) => p.length > 0);
    const title = paras[0];
    const body = paras.slice(1).filter((p) => p.length >= 12);
    if (!title || title.length > 24 || title.length < 3 || PUNCT.test(title) || body.length < 2) return [];
    return [{ title, paragraphs: body.slice(0, 8).map((p) => p.slice(0, 600)) }];
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Characters an article may hold so its section fits: roughly the column area in ems, with room to spare. */
function budget(widthPx: number, fontPx: number, lines: number): number {
  return Math.floor((widthPx / fontPx) * lines * 0.8);
}

function take(a: PdfArticleTruth, chars: number, r: () => number): PdfArticleTruth {
  const paragraphs: string[] = [];
  let n = 0;
  for (const p of a.paragraphs) {
    if (paragraphs.length >= 2 && n + p.length > chars) break;
    paragraphs.push(p);
    n += p.length;
  }
  const deck =
    r() < 0.25
      ? a.paragraphs
          .at(-1)!
          .slice(0, int(r, 8, 16))
          .replace(PUNCT, '')
      : undefined;
  return { title: a.title, ...(deck && deck.length >= 6 ? { deck } : {}), paragraphs };
}

function articleHtml(a: PdfArticleTruth, cols: number, rule: boolean): string {
  return `<article><h1>${esc(a.title)}</h1>${a.deck ? `<h2>${esc(a.deck)}</h2>` : ''}<div class="cols" style="column-count:${cols}${rule ? ';column-rule:0.6px solid #444' : ''}">${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</div></article>`;
}

/**
 * One page: 3–4 sections stacked; a section is one article across the page (3–5 columns) or two side by side
 * (each 1–3 columns, widths 40–60 %).
 */
export function pdfPageSpec(
  pool: PdfArticleTruth[],
  seed: number,
  name: string,
  nSectionsWanted?: number,
): PdfPageSpec {
  const r = rng(seed);
  const W = 760;
  const font = int(r, 10, 12);
  const gap = pick(r, [0.8, 1, 1.5, 2]);
  const used = new Set<number>();
  const next = () => {
    let k = Math.floor(r() * pool.length);
    while (used.has(k)) k = (k + 1) % pool.length;
    used.add(k);
    return pool[k];
  };
  const sections: string[] = [];
  const articles: PdfArticleTruth[] = [];
  const nSections = nSectionsWanted ?? int(r, 3, 4);
  for (let s = 0; s < nSections; s++) {
    const rule = r() < 0.4;
    if (r() < 0.5) {
      const cols = int(r, 3, 5);
      const a = take(next(), budget(W, font, int(r, 16, 34)), r);
      articles.push(a);
      sections.push(`<section>${articleHtml(a, cols, rule)}</section>`);
    } else {
      const share = int(r, 40, 60);
      const parts: string[] = [];
      for (const w of [share, 100 - share]) {
        const cols = int(r, 1, w >= 50 ? 3 : 2);
        const a = take(next(), budget((W * w) / 100, font, int(r, 20, 44)), r);
        articles.push(a);
        parts.push(`<div style="width:${w}%">${articleHtml(a, cols, rule)}</div>`);
      }
      sections.push(`<section class="pair">${parts.join('')}</section>`);
    }
  }
  // Paragraph setting: a two-em or one-em first-line indent, or no indent and a little space between paragraphs.
  const para = pick(r, ['text-indent: 2em', 'text-indent: 2em', 'text-indent: 1em', 'margin-bottom: 0.4em']);
  const align = pick(r, ['center', 'center', 'left']);
  const html = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><style>
@page { size: ${W + 40}px ${nSectionsWanted ? 600 * nSectionsWanted : 2200}px; margin: 20px }
body { font-family: 'WenQuanYi Micro Hei'; font-size: ${font}px; line-height: ${pick(r, [1.4, 1.5, 1.6])}; margin: 0 }
section { margin: 0 0 ${font * 1.5}px; border-bottom: 1px solid #000; padding-bottom: ${font}px }
section.pair { display: flex; gap: ${font * 2}px }
section.pair > div { box-sizing: border-box }
h1 { font-size: ${font * pick(r, [1.8, 2.2, 2.6])}px; margin: 0 0 ${font * 0.5}px; text-align: ${align}; line-height: 1.2 }
h2 { font-size: ${font * 1.3}px; margin: 0 0 ${font * 0.5}px; text-align: ${align}; font-weight: normal }
.cols { column-gap: ${gap}em; column-fill: balance }
p { margin: 0; ${para}; text-align: justify; orphans: 1; widows: 1 }
</style></head><body>${sections.join('')}</body></html>`;
  return { name, html, articles };
}

/** The practice set: `count` pages from the held-out (or tuning) half of the dev folds. */
export function pdfPageSpecs(count: number, part: 'tune' | 'heldout'): PdfPageSpec[] {
  const pool = headedArticles(part);
  return Array.from({ length: count }, (_, k) =>
    pdfPageSpec(pool, 91000 + 2 * k + (part === 'tune' ? 0 : 1), `pdf-${part}-${k}`),
  );
}

/** Prints `html` to a PDF with headless chromium (cached by content); null when chromium is missing. */
export function printHtml(html: string, cacheDir = path.join(os.tmpdir(), 'galley-pdf-pages')): Uint8Array | null {
  const hash = createHash('sha256').update(html).digest('hex').slice(0, 16);
  const pdf = path.join(cacheDir, `${hash}.pdf`);
  if (existsSync(pdf)) return new Uint8Array(readFileSync(pdf));
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `${hash}.html`);
  writeFileSync(file, html);
  try {
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--user-data-dir=${path.join(cacheDir, 'profile')}`,
        `--print-to-pdf=${pdf}`,
        file,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
  } catch {
    return null;
  }
  return existsSync(pdf) ? new Uint8Array(readFileSync(pdf)) : null;
}
