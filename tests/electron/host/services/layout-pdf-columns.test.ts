import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readPdfPart } from '../../../../electron/host/services/layout-import-pdf';
import { pageFromPdfText, type PdfTextItem } from '../../../../shared/import/pdf';
import { pdfTruth } from '../../../../bench/suggest/pdf-truth';
import type { PdfArticleTruth } from '../../../../bench/suggest/pdf-pages';

const dir = path.resolve(import.meta.dirname, '../../../fixtures/pdf');

/**
 * Newspaper pages printed from HTML by chromium (tests/fixtures/pdf, made by scripts/make-pdf-fixtures.ts):
 * headlines across their article, bodies in 2–5 justified columns with first-line indents, two articles side by
 * side. The truth is the text of each article's title, deck and paragraphs.
 */
describe('PDF pages set in columns: lines stay in their column, paragraphs come apart', () => {
  for (const name of ['columns-a', 'columns-b']) {
    it(`${name}: no fragment holds a line of another column, every paragraph opens a fragment of its own`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(dir, `${name}.pdf`)));
      const { articles } = JSON.parse(readFileSync(path.join(dir, `${name}.truth.json`), 'utf8')) as {
        articles: PdfArticleTruth[];
      };
      const part = await readPdfPart(bytes, { firstPage: 1, render: false });
      const page = part.pages[0];
      const { seg } = pdfTruth(page, articles);
      expect(seg.spliced).toBe(0);
      expect(seg.merged).toBe(0);
      expect(seg.breaksFound).toBe(seg.breaks);
      // Type size from the file: every title is a heading fragment of the top rank.
      for (const a of articles) {
        const f = page.fragments.find((x) => x.text.replace(/\s+/g, '') === a.title);
        expect(f?.hint, a.title).toBe('h1');
      }
    });
  }

  it('a one-em gutter between two columns on the same baselines is not a word space', () => {
    // Two columns of three lines each, 10 pt type, 10 pt gutter; the left column's second paragraph opens with a
    // two-em indent after a short last line.
    const items: PdfTextItem[] = [];
    const line = (x: number, y: number, str: string) =>
      items.push({ str, x, y, width: str.length * 10, size: 10, hasEOL: true });
    line(10, 700, '甲甲甲甲甲甲甲甲甲甲');
    line(120, 700, '乙乙乙乙乙乙乙乙乙乙');
    line(10, 686, '甲甲甲甲。');
    line(120, 686, '乙乙乙乙乙乙乙乙乙乙');
    line(30, 672, '丙丙丙丙丙丙丙丙');
    line(120, 672, '乙乙乙。');
    const page = pageFromPdfText({ width: 240, height: 720, items }, { pageId: 'p1', label: '1' });
    expect(page.fragments.map((f) => f.text)).toEqual([
      '甲甲甲甲甲甲甲甲甲甲\n甲甲甲甲。',
      '乙乙乙乙乙乙乙乙乙乙\n乙乙乙乙乙乙乙乙乙乙\n乙乙乙。',
      '丙丙丙丙丙丙丙丙',
    ]);
  });

  it('two headlines side by side one em apart stay two, the body rows under them show the gutter', () => {
    const items: PdfTextItem[] = [];
    const put = (x: number, y: number, str: string, size: number) =>
      items.push({ str, x, y, width: str.length * size, size, hasEOL: true });
    put(10, 700, '甲報新聞標題', 20); // ends at 130
    put(150, 700, '乙報新聞標題', 20); // one em (20 pt) further on
    for (let k = 0; k < 3; k++) {
      put(10, 670 - 14 * k, '甲甲甲甲甲甲甲甲甲甲甲甲', 10); // 10–130
      put(150, 670 - 14 * k, '乙乙乙乙乙乙乙乙乙乙乙乙', 10); // 150–270
    }
    const page = pageFromPdfText({ width: 300, height: 720, items }, { pageId: 'p1', label: '1' });
    expect(page.fragments.filter((f) => f.hint === 'h1').map((f) => f.text)).toEqual(['甲報新聞標題', '乙報新聞標題']);
  });
});
