import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { mkdtemp, rm, cp, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPdfPart } from '../../../../electron/host/services/layout-import-pdf';
import {
  PDFJS_ASSET_DIRS,
  PDFJS_WORKER,
  pdfjsRoot,
  setPdfjsRoot,
} from '../../../../electron/host/services/pdfjs-assets';
import { sampleNewspaperPdf } from '../../../shared/import/make-pdf';
import { ROOT } from '../../../support/paths';

/**
 * Packaging: the PDF import reads pdfjs' CMaps, fonts and worker from the folder main names — node_modules
 * in development, `<resources>/pdfjs` in the packaged app (a copy laid out as electron-builder.yml's extraResources
 * make it) — and says clearly when they are missing instead of losing the Chinese text.
 */
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-pdfjs-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});
afterEach(() => setPdfjsRoot(null));

describe('pdfjs run-time assets', () => {
  it('development: found in node_modules/pdfjs-dist', () => {
    expect(pdfjsRoot()).toBe(path.join(ROOT, 'node_modules/pdfjs-dist'));
  });

  it('packaged layout: a PDF with a CMap font reads its Chinese text from <resources>/pdfjs', async () => {
    const resources = path.join(tmp, 'resources/pdfjs');
    const src = path.join(ROOT, 'node_modules/pdfjs-dist');
    for (const d of [...PDFJS_ASSET_DIRS, PDFJS_WORKER]) {
      await mkdir(path.dirname(path.join(resources, d)), { recursive: true });
      await cp(path.join(src, d), path.join(resources, d), { recursive: true });
    }
    setPdfjsRoot(resources);
    const part = await readPdfPart(sampleNewspaperPdf(), { firstPage: 1, sourceName: 'np.pdf', render: false });
    expect(part.pages[0].fragments[0].text).toBe('管家上门帮企业招工');
  });

  it('missing assets: a clear refusal, not a silent loss of text', async () => {
    const empty = path.join(tmp, 'empty');
    await mkdir(empty, { recursive: true });
    setPdfjsRoot(empty);
    await expect(readPdfPart(sampleNewspaperPdf(), { firstPage: 1, render: false })).rejects.toThrow(
      /PDF import is unavailable: .*cmaps is missing/,
    );
  });
});
