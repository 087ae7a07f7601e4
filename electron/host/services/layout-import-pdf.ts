import { pathToFileURL } from 'node:url';
import { pageFromPdfText, type PdfTextItem } from '../../../shared/import/pdf';
import { emptyPart, type ImportedPart } from '../../../shared/import/layout-result';
import { pdfjsAssetOptions, pdfjsWorkerFile } from './pdfjs-assets';

/**
 * PDF with a text layer → pages, via the pdfjs-dist legacy build in Node. CJK fonts without embedded encodings
 * need the packed CMaps and the standard font data that ship in pdfjs-dist (offline: nothing is fetched). Each page is also
 * rendered to a PNG scan when `@napi-rs/canvas` (pdfjs' optional Node canvas) loads; if it does not, the page has
 * no scan and a warning says so (the renderer can draw PDFs itself later).
 */
export interface PdfReadOptions {
  firstPage: number;
  sourceName?: string;
  render?: boolean;
  renderScale?: number;
}

/** Rendered scans travel inside the issue as PNG data URLs; beyond this many pages the issue would grow too big. */
const MAX_RENDERED_PAGES = 60;

/** pdfjs' exceptions ("Invalid PDF structure.", "No password given") → one line that says what to do. */
export function pdfError(e: unknown, sourceName = 'the PDF'): Error {
  const err = e as { name?: string; message?: string; code?: number };
  switch (err?.name) {
    case 'PasswordException':
      return new Error(
        err.code === 2
          ? `${sourceName} is protected by a password and the one given is wrong; save an unprotected copy and import that`
          : `${sourceName} is protected by a password; save an unprotected copy (print to PDF, or remove the password in a PDF tool) and import that`,
      );
    case 'InvalidPDFException':
      return new Error(
        `${sourceName} is damaged or not a complete PDF (pdfjs: ${err.message ?? 'invalid structure'}); save or download it again and import the new copy`,
      );
    case 'MissingPDFException':
      return new Error(`${sourceName} holds no PDF data; save or download it again`);
    case 'UnknownErrorException':
    case 'FormatError':
    case 'UnexpectedResponseException':
      return new Error(
        `${sourceName} could not be read: it is damaged (pdfjs: ${(err.message ?? '').split('\n')[0].slice(0, 200)}); save or download it again and import the new copy`,
      );
    default:
      return e instanceof Error ? e : new Error(String(e));
  }
}

export async function readPdfPart(bytes: Uint8Array, opts: PdfReadOptions): Promise<ImportedPart> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // In Node pdfjs runs its worker in-process by importing `workerSrc`; point it at the package's file so this also
  // works when the main process is bundled (the default is relative to pdfjs' own module).
  if (!pdfjs.GlobalWorkerOptions.workerSrc) {
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(pdfjsWorkerFile()).href;
  }
  const part = emptyPart();
  const doc = await pdfjs
    .getDocument({
      data: bytes.slice(),
      ...pdfjsAssetOptions(),
      cMapPacked: true,
      isEvalSupported: false,
      useSystemFonts: false,
      // Never fetch anything a PDF names.
      disableAutoFetch: true,
      disableStream: true,
      // pdfjs prints its warnings ("Indexing all PDF objects") on the console; what matters reaches the user as an error.
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    })
    .promise.catch((e: unknown) => {
      throw pdfError(e, opts.sourceName);
    });
  try {
    await readPages(doc, part, opts);
  } catch (e) {
    throw pdfError(e, opts.sourceName);
  } finally {
    await doc.destroy();
  }
  return part;
}

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

async function readPages(doc: PdfDoc, part: ImportedPart, opts: PdfReadOptions): Promise<void> {
  let canvasOk = opts.render !== false;
  if (canvasOk && doc.numPages > MAX_RENDERED_PAGES) {
    canvasOk = false;
    part.warnings.push(
      `The PDF has ${doc.numPages} pages; scans are rendered for at most ${MAX_RENDERED_PAGES}, so this import has text only.`,
    );
  }
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const tc = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const it of tc.items) {
      if (!('str' in it)) continue;
      const [a, b, , , e, f] = it.transform as number[];
      items.push({
        str: it.str,
        x: e - x0,
        y: f - y0,
        width: it.width,
        size: Math.hypot(a, b) || it.height,
        hasEOL: it.hasEOL,
      });
    }
    const pageId = `p${opts.firstPage + n - 1}`;
    const gp = pageFromPdfText(
      { width: x1 - x0, height: y1 - y0, items },
      { pageId, label: String(n), ...(opts.sourceName ? { sourceName: opts.sourceName } : {}) },
    );
    if (!tc.items.length)
      part.warnings.push(
        `${opts.sourceName ?? 'PDF'} page ${n} has no text layer (a scan only?); it was imported without text.`,
      );
    if (canvasOk) {
      try {
        // About 1,400 px wide is enough to read a column and keeps each scan near 1 MB inside the issue.
        const scale = opts.renderScale ?? Math.min(2, 1400 / Math.max(1, x1 - x0));
        const viewport = page.getViewport({ scale });
        const { createCanvas } = (await import('@napi-rs/canvas' as string)) as {
          createCanvas: (
            w: number,
            h: number,
          ) => { getContext: (k: '2d') => unknown; toBuffer: (m: 'image/png') => Uint8Array };
        };
        const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
        await page.render({
          canvas: canvas as unknown as HTMLCanvasElement,
          canvasContext: canvas.getContext('2d') as CanvasRenderingContext2D,
          viewport,
        }).promise;
        const png = canvas.toBuffer('image/png');
        gp.image = {
          src: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
          width: Math.ceil(viewport.width),
          height: Math.ceil(viewport.height),
          mime: 'image/png',
        };
      } catch (e) {
        canvasOk = false;
        part.warnings.push(
          `PDF pages were not rendered to scans in this process (${(e as Error).message}); text was imported.`,
        );
      }
    }
    part.pages.push(gp);
    page.cleanup();
  }
}
