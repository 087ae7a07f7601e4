/**
 * Writes the PDF fixtures of tests/shared/import/pdf-layout.test.ts: two small newspaper pages printed from HTML
 * by headless chromium (bench/suggest/pdf-pages.ts; corpus text, CC BY 4.0, ECPO), each with its truth (titles,
 * decks and paragraphs of its articles) as JSON. Rerun: `npx tsx scripts/make-pdf-fixtures.ts` (needs chromium and
 * fonts-wqy-microhei; chromium stamps the creation date, so the PDF bytes differ from run to run, the text does not).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { headedArticles, pdfPageSpec, printHtml } from '../bench/suggest/pdf-pages';

const out = path.resolve(import.meta.dirname, '../tests/fixtures/pdf');
const pool = headedArticles('tune');
for (const [name, seed] of [
  ['columns-a', 5101],
  ['columns-b', 5103],
] as const) {
  const spec = pdfPageSpec(pool, seed, name, 2);
  const pdf = printHtml(spec.html);
  if (!pdf) throw new Error('chromium is needed to print the fixtures');
  writeFileSync(path.join(out, `${name}.pdf`), pdf);
  writeFileSync(path.join(out, `${name}.truth.json`), `${JSON.stringify({ articles: spec.articles }, null, 1)}\n`);
  console.log(name, pdf.length, 'bytes');
}
