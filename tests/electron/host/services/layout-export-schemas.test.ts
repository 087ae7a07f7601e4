import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, mkdir, rm, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importPageFiles } from '../../../../electron/host/services/page-files';
import { exportMetsAlto, exportPageXmlFiles } from '../../../../electron/host/services/layout-export';
import { applyOp } from '../../../../shared/ops';
import { findFragment } from '../../../../shared/model/lookup';
import type { Issue } from '../../../../shared/model/types';
import { FIXTURES } from '../../../support/paths';
import { finishedIssue } from '../../../shared/export/sample-issue';
import { sampleNewspaperPdf } from '../../../shared/import/make-pdf';
import { XSD, altoXsdFor, validateFiles } from '../../../shared/export/xsd';
import { articleView, metsRole } from '../../../shared/export/layout-trip';
import { altoVisibleText } from '../../../../shared/export/alto-write';

/**
 * Every XML file of the `page` and `mets-alto` exports validates against the official schema of the version it
 * declares (PAGE 2019-07-15, METS 1.12.1, ALTO 4.4, and the source ALTO 3.1 / 1.4 copied unchanged), for the
 * sample text page, the BnL and BL issues, a PDF page, an hOCR page and a PAGE file — each with a joined
 * paragraph, since joins are where the PAGE export used to break the schema — and imports back with the same
 * articles, order, joins and text.
 */
const BNL_DIR = path.join(FIXTURES, 'real/bnl-luxzeit-1858-12-07');
const BNL = path.join(BNL_DIR, '2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml');
const BL = path.join(FIXTURES, 'real/bl-statesman-1824-02-17/0002647_18240217_mets.xml');

const HOCR = `<!DOCTYPE html><html><head><title>p</title></head><body>
<div class="ocr_page" id="page_1" title="bbox 0 0 1200 1800; ppageno 0">
  <div class="ocr_carea" title="bbox 100 80 1100 160"><span class="ocr_line"><span class="ocrx_word">Galley</span> <span class="ocrx_word">fixes</span> <span class="ocrx_word">columns</span></span></div>
  <div class="ocr_carea" title="bbox 100 200 580 900"><span class="ocr_line"><span class="ocrx_word">The</span> <span class="ocrx_word">first</span> <span class="ocrx_word">column</span> <span class="ocrx_word">ends</span></span><span class="ocr_line"><span class="ocrx_word">in</span> <span class="ocrx_word">mid-</span></span></div>
  <div class="ocr_carea" title="bbox 620 200 1100 900"><span class="ocr_line"><span class="ocrx_word">sentence</span> <span class="ocrx_word">&amp;</span> <span class="ocrx_word">goes</span> <span class="ocrx_word">on</span> <span class="ocrx_word">"here"</span>.</span></div>
  <div class="ocr_carea" title="bbox 100 1700 300 1750"><span class="ocr_line"><span class="ocrx_word">Seite</span> <span class="ocrx_word">3</span></span></div>
</div></body></html>`;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-xsd-export-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** An article of the page's first `n` fragments, the last joined to the one before. */
function withJoinedArticle(issue: Issue, n = 3): Issue {
  const ids = issue.pages[0].fragments.slice(0, n).map((f) => f.id);
  let next = applyOp(issue, { type: 'createArticle', articleId: 'a-test', fragmentIds: ids }).issue;
  next = applyOp(next, { type: 'setRole', fragmentIds: [ids[0]], role: 'headline' }).issue;
  return applyOp(next, { type: 'setJoin', fragmentId: ids[n - 1], join: true }).issue;
}

async function validateExports(
  issue: Issue,
  name: string,
  sourceDir?: string,
): Promise<{ page: string[]; mets: string; alto: string[]; viaMets: Issue; warnings: string[] }> {
  const pageDir = path.join(tmp, name, 'page');
  const page = (await exportPageXmlFiles(issue, { output: pageDir, ...(sourceDir ? { sourceDir } : {}) })).files.filter(
    (f) => f.endsWith('.xml'),
  );
  expect(page.length).toBe(issue.pages.length);
  const pageResult = validateFiles(XSD.page2019, page);
  expect(pageResult.errors).toBe('');
  const metsDir = path.join(tmp, name, 'mets');
  const { warnings = [] } = await exportMetsAlto(issue, { output: metsDir, ...(sourceDir ? { sourceDir } : {}) });
  const mets = path.join(metsDir, 'mets.xml');
  expect(validateFiles(XSD.mets1121, [mets]).errors).toBe('');
  const alto = (await readdir(path.join(metsDir, 'text'))).map((f) => path.join(metsDir, 'text', f));
  expect(alto.length).toBe(issue.pages.length);
  for (const f of alto) expect(validateFiles(altoXsdFor(await readFile(f, 'utf8')), [f]).errors).toBe('');
  // And Galley reads back what it wrote: PAGE exactly, METS/ALTO as ALTO holds text and METS holds roles.
  expect(articleView(await importPageFiles(page))).toEqual(articleView(issue));
  const viaMets = await importPageFiles([mets]);
  expect(articleView(viaMets, altoVisibleText)).toEqual(articleView(issue, altoVisibleText, metsRole));
  expect(viaMets.articles.flatMap((a) => a.items).some((it) => it.join)).toBe(true);
  return { page, mets, alto, viaMets, warnings };
}

const declared = async (files: string[]) =>
  Promise.all(files.map(async (f) => path.basename(altoXsdFor(await readFile(f, 'utf8')))));

describe('the layout exports validate against the official XSDs (xmllint --schema)', () => {
  it('the vendored schemas reject what they should: a PAGE join written as two RegionRefs is invalid', async () => {
    const bad = path.join(tmp, 'bad-page.xml');
    await writeFile(
      bad,
      `<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Metadata><Creator>t</Creator><Created>2024-01-01T00:00:00</Created><LastChange>2024-01-01T00:00:00</LastChange></Metadata>
<Page imageFilename="" imageWidth="10" imageHeight="10"><Relations><Relation id="j1" type="join"><RegionRef regionRef="r1"/><RegionRef regionRef="r2"/></Relation></Relations>
<TextRegion id="r1"><Coords points="0,0 1,0 1,1 0,1"/></TextRegion><TextRegion id="r2"><Coords points="0,0 1,0 1,1 0,1"/></TextRegion></Page></PcGts>`,
    );
    const r = validateFiles(XSD.page2019, [bad]);
    expect(r.ok).toBe(false);
    expect(r.errors).toMatch(/RegionRef/);
  });

  it('sample text page (3 articles, one join): PAGE 2019, METS 1.12.1 and ALTO 4.4 without positions', async () => {
    const { alto } = await validateExports(finishedIssue(), 'sample');
    expect(await declared(alto)).toEqual(['alto-4-4.xsd']);
    expect(await readFile(alto[0], 'utf8')).not.toMatch(/HPOS=/);
  });

  it('BnL 1858 (METS + ALTO 3.1, joins from the METS): copies stay ALTO 3.1; a corrected page is written as ALTO 4.4', async () => {
    const issue = await importPageFiles([BNL]);
    expect(issue.articles.some((a) => a.items.some((it) => it.join))).toBe(true);
    const plain = await validateExports(issue, 'bnl', BNL_DIR);
    expect(await declared(plain.alto)).toEqual(['alto-3-1.xsd', 'alto-3-1.xsd', 'alto-3-1.xsd']);
    const id = issue.articles[0].items[0].id;
    const fixed = applyOp(issue, {
      type: 'editText',
      fragmentId: id,
      text: `${findFragment(issue, id)!.text} (korrigiert)`,
    }).issue;
    const corrected = await validateExports(fixed, 'bnl-fixed', BNL_DIR);
    expect(await declared(corrected.alto)).toEqual(['alto-4-4.xsd', 'alto-3-1.xsd', 'alto-3-1.xsd']);
    expect(corrected.warnings).toEqual([
      'page 1: its text was corrected, so its ALTO is written anew as ALTO 4.4 (block positions kept, word positions of the source dropped)',
    ]);
    expect(plain.warnings).toEqual([]);
    expect(await readFile(corrected.alto[0], 'utf8')).toMatch(/<MeasurementUnit>mm10<\/MeasurementUnit>/);
  });

  it('BL 1824 (METS + ALTO 1.4 with structLink articles)', async () => {
    const issue = withJoinedArticle(await importPageFiles([BL]), 4);
    const { alto } = await validateExports(issue, 'bl', path.dirname(BL));
    // The new article moved blocks; the text is unchanged, so the source ALTO 1.4 is copied.
    expect(await declared(alto)).toEqual(['alto-1-4.xsd']);
  });

  it('a PDF page (boxes in points → ALTO inch1200) and an hOCR page (pixels)', async () => {
    const dir = path.join(tmp, 'src');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'np.pdf'), sampleNewspaperPdf());
    await writeFile(path.join(dir, 'p3.hocr'), HOCR);
    const pdf = await validateExports(withJoinedArticle(await importPageFiles([path.join(dir, 'np.pdf')])), 'pdf');
    const pdfAlto = await readFile(pdf.alto[0], 'utf8');
    expect(pdfAlto).toMatch(/<MeasurementUnit>inch1200<\/MeasurementUnit>/);
    expect(pdfAlto).toMatch(/<Page ID="P1" PHYSICAL_IMG_NR="1" PRINTED_IMG_NR="1" WIDTH="7000" HEIGHT="5000">/);
    // The rendered scan travels along: in the METS image group, linked from the page, found again on import.
    expect(await readFile(pdf.mets, 'utf8')).toMatch(
      /<fileGrp ID="IMGGRP" USE="Images">\s*<file ID="IMG00001" MIMETYPE="image\/png" SEQ="1">\s*<FLocat LOCTYPE="URL" xlink:href="file:\/\/.\/images\/np.png"\/>/,
    );
    expect(pdf.viaMets.pages[0].image?.width).toBeGreaterThan(0);
    const hocr = await validateExports(withJoinedArticle(await importPageFiles([path.join(dir, 'p3.hocr')])), 'hocr');
    expect(await readFile(hocr.alto[0], 'utf8')).toMatch(
      /<TextBlock ID="P1_TB00001" HPOS="100" VPOS="80" WIDTH="1000" HEIGHT="80">/,
    );
  });

  it('a PAGE file as the source (Galley’s own PAGE export of the sample, imported again)', async () => {
    const first = await exportPageXmlFiles(finishedIssue(), { output: path.join(tmp, 'page-src') });
    const issue = await importPageFiles(first.files.filter((f) => f.endsWith('.xml')));
    expect(issue.articles.some((a) => a.items.some((it) => it.join))).toBe(true);
    await validateExports(issue, 'from-page');
  });
});
