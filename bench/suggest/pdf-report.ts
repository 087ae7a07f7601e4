/**
 * The benchmark's PDF section: practice pages printed from HTML (pdf-pages.ts), imported through the app's PDF
 * importer (text layer only, no rendering), then the engine's whole reading scored against the truth
 * (pdf-truth.ts). Besides successor and BCubed: paragraph breaks found (paragraph starts that open a fragment),
 * fragments holding two paragraphs, and fragments with a line of another column spliced in.
 */
import { createIssue } from '../../shared/model/create';
import type { Page } from '../../shared/model/types';
import { DEFAULT_PARAMS, suggest, type EngineParams } from '../../shared/suggest/engine';
import { readPdfPart } from '../../electron/host/services/layout-import-pdf';
import { scorePage, summarize, type PageScore, type Summary } from './metrics';
import { pdfPageSpecs, printHtml, type PdfPageSpec } from './pdf-pages';
import { pdfTruth, type PdfSegmentation } from './pdf-truth';

export interface PdfPageRun {
  spec: PdfPageSpec;
  page: Page;
  score: PageScore;
  seg: PdfSegmentation;
}

export async function runPdfPages(
  specs: PdfPageSpec[],
  params: EngineParams = DEFAULT_PARAMS,
): Promise<PdfPageRun[] | null> {
  const out: PdfPageRun[] = [];
  for (const spec of specs) {
    const bytes = printHtml(spec.html);
    if (!bytes) return null;
    const part = await readPdfPart(bytes, { firstPage: 1, render: false, sourceName: `${spec.name}.pdf` });
    if (part.pages.length !== 1) throw new Error(`${spec.name}: printed on ${part.pages.length} pages`);
    const page = part.pages[0];
    const { truth, seg } = pdfTruth(page, spec.articles);
    const issue = createIssue([page], { id: spec.name, title: spec.name });
    const s = suggest(issue, {}, params);
    out.push({ spec, page, score: scorePage(s, truth), seg });
  }
  return out;
}

export function segRow(runs: PdfPageRun[]): string {
  const sum = (f: (s: PdfSegmentation) => number) => runs.reduce((n, r) => n + f(r.seg), 0);
  return `paragraph breaks found ${(
    sum((s) => s.breaksFound) /
    Math.max(
      1,
      sum((s) => s.breaks),
    )
  ).toFixed(
    3,
  )} (${sum((s) => s.breaksFound)}/${sum((s) => s.breaks)}), fragments holding two paragraphs ${sum((s) => s.merged)}, with a line of another column ${sum((s) => s.spliced)} (of ${sum((s) => s.fragments)})`;
}

export async function pdfPagesReport(quick: boolean, row: (name: string, s: Summary) => string): Promise<string[]> {
  const lines = ['PDF pages printed from HTML (chromium; held-out dev-fold text; mode G):'];
  for (const part of ['tune', 'heldout'] as const) {
    const runs = await runPdfPages(pdfPageSpecs(quick ? 3 : part === 'tune' ? 10 : 24, part));
    if (!runs) return [...lines, '  (chromium not found: PDF pages skipped)'];
    lines.push(row(`PDF pages, ${part === 'tune' ? 'tuning part' : 'held out'}`, summarize(runs.map((r) => r.score))));
    lines.push(`  ${segRow(runs)}`);
    if (part === 'heldout') {
      const off = await runPdfPages(pdfPageSpecs(quick ? 3 : 24, part), { ...DEFAULT_PARAMS, layoutReading: false });
      if (off) lines.push(row('  same, layout reading off', summarize(off.map((r) => r.score))));
    }
  }
  return lines;
}
