import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPdfPart } from '../../../../electron/host/services/layout-import-pdf';
import { exportPageXmlFiles } from '../../../../electron/host/services/layout-export';
import { importPageFiles } from '../../../../electron/host/services/page-files';
import { audit, textIntact } from '../../../../shared/audit/audit';
import { imageInfo } from '../../../../shared/import/image';
import { makePdf, sampleNewspaperPdf } from '../../../shared/import/make-pdf';
import { makePng } from '../../../shared/import/make-png';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-pdf-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('PDF with a text layer (pdfjs legacy build in Node, CMaps for Chinese)', () => {
  it('groups text items into blocks with boxes in reading geometry; Chinese comes through the UniGB CMap', async () => {
    const part = await readPdfPart(sampleNewspaperPdf(), { firstPage: 1, sourceName: 'np.pdf' });
    const page = part.pages[0];
    expect(page.size).toEqual({ width: 420, height: 300 });
    const texts = page.fragments.map((f) => f.text);
    expect(texts).toEqual([
      '管家上门帮企业招工',
      '本报记者 Liu Jian',
      '循着轰隆隆的机器声，\n记者又一次走进企业。',
      '生产任务已排到下半年，\n六成以上的一线工人。',
      'Page 2',
    ]);
    expect(page.fragments[0].role).toBe('headline');
    // Boxes are in points from the top left: the headline is at the top, the page number at the bottom.
    const head = page.fragments[0].box!,
      foot = page.fragments[4].box!;
    expect(head.y).toBeLessThan(40);
    expect(foot.y).toBeGreaterThan(260);
    expect(page.fragments[3].box!.x).toBeCloseTo(230, 0);
    expect(
      textIntact(
        audit({
          format: 'galley-issue',
          version: 1,
          id: 'i',
          title: 't',
          pages: [page],
          articles: [],
          pool: page.fragments.map((f) => f.id),
          discarded: [],
          history: [],
          nextId: 1,
        }),
      ),
    ).toBe(true);
  });

  it('needs the packed CMaps: without cMapUrl pdfjs loses the Chinese text of the same file', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: sampleNewspaperPdf(), isEvalSupported: false, verbosity: 0 }).promise;
    const tc = await (await doc.getPage(1)).getTextContent();
    const text = tc.items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(text).toContain('Liu Jian');
    expect(text).not.toContain('管家');
    await doc.destroy();
  });

  it('renders the page to a PNG scan when the Node canvas is available, else says so', async () => {
    const part = await readPdfPart(
      makePdf([{ width: 200, height: 100, runs: [{ text: 'Scan', x: 20, y: 50, size: 20 }] }]),
      { firstPage: 1, renderScale: 1 },
    );
    const page = part.pages[0];
    if (page.image) {
      const b64 = page.image.src.replace(/^data:image\/png;base64,/, '');
      expect(imageInfo(new Uint8Array(Buffer.from(b64, 'base64')))).toEqual({
        mime: 'image/png',
        width: 200,
        height: 100,
      });
    } else {
      expect(part.warnings.join('\n')).toMatch(/not rendered/);
    }
  });

  it('importPageFiles takes a PDF and a PNG scan with the same name attaches to the text page', async () => {
    const dir = path.join(tmp, 'mixed');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'page-2.pdf'), sampleNewspaperPdf());
    await writeFile(path.join(dir, 'page-2.png'), makePng(840, 600));
    const warnings: string[] = [];
    const issue = await importPageFiles([path.join(dir, 'page-2.pdf')], { warnings });
    expect(issue.pages).toHaveLength(1);
    expect(issue.pages[0].fragments.length).toBe(5);
    // The scan with the PDF's base name replaces the page's own rendering; boxes stay in PDF points (page.size).
    const withScan = await importPageFiles([path.join(dir, 'page-2.pdf'), path.join(dir, 'page-2.png')], {
      baseDir: dir,
      warnings,
    });
    expect(withScan.pages).toHaveLength(1);
    expect(withScan.pages[0].image).toEqual({ src: 'page-2.png', width: 840, height: 600, mime: 'image/png' });
    expect(withScan.pages[0].size).toEqual({ width: 420, height: 300 });
    await writeFile(path.join(dir, 'scan.png'), makePng(840, 600));
    const onlyScan = await importPageFiles([path.join(dir, 'scan.png')], { baseDir: dir });
    expect(onlyScan.pages[0].image).toEqual({ src: 'scan.png', width: 840, height: 600, mime: 'image/png' });
    expect(onlyScan.pages[0].fragments).toEqual([]);
    // Without an issue folder (the app before its first save) the scan travels inside the issue.
    const inline = await importPageFiles([path.join(dir, 'scan.png')]);
    expect(inline.pages[0].image?.src).toMatch(/^data:image\/png;base64,iVBOR/);
  });

  it('PAGE export of a PDF page writes the rendered scan beside the XML and scales boxes to its pixels', async () => {
    await mkdir(path.join(tmp, 'own'), { recursive: true });
    await writeFile(path.join(tmp, 'own', 'np.pdf'), sampleNewspaperPdf());
    const issue = await importPageFiles([path.join(tmp, 'own', 'np.pdf')]);
    const page = issue.pages[0];
    expect(page.image).toBeDefined();
    const out = path.join(tmp, 'page-export');
    const res = await exportPageXmlFiles(issue, { output: out });
    expect(res.files.map((f) => path.basename(f))).toEqual(['page-1.xml', 'page-1.png']);
    const again = await importPageFiles([res.files[0]]);
    const img = again.pages[0].image!;
    expect([img.width, img.height]).toEqual([page.image!.width, page.image!.height]);
    expect(again.pages[0].size).toEqual({ width: page.image!.width, height: page.image!.height });
    const scale = page.image!.width / page.size!.width;
    const b0 = page.fragments[0].box!,
      a0 = again.pages[0].fragments[0].box!;
    expect(a0.x).toBeCloseTo(b0.x * scale, -1);
    expect(a0.w).toBeCloseTo(b0.w * scale, -1);
    expect(again.pages[0].fragments.map((f) => f.text)).toEqual(page.fragments.map((f) => f.text));
  });
});
