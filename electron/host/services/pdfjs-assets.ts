import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where pdfjs-dist's run-time files are: the packed CMaps (Chinese fonts without embedded encodings), the standard
 * font data, and the worker module that pdfjs imports in Node. The main bundle holds pdfjs' code but not these:
 * - in development they are read from node_modules/pdfjs-dist;
 * - in the packaged app electron-builder copies them to `<resources>/pdfjs` (electron-builder.yml
 *   `extraResources`, checked by scripts/package-smoke.mjs), and the shell calls `setPdfjsRoot` with that folder
 *   at start (main decides, since only it knows `app.isPackaged`; this service never imports electron).
 */
export const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts'] as const;
export const PDFJS_WORKER = 'legacy/build/pdf.worker.mjs';
/** The folder name under the packaged app's resources. */
export const PDFJS_RESOURCES_DIR = 'pdfjs';

let configured: string | null = null;

/** The packaged app's copy (`<resources>/pdfjs`); null goes back to node_modules. */
export function setPdfjsRoot(dir: string | null): void {
  configured = dir;
}

/** The folder holding `cmaps/`, `standard_fonts/` and the worker, laid out as in the pdfjs-dist package. */
export function pdfjsRoot(): string {
  if (configured) return configured;
  try {
    return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    throw new Error(
      "PDF import is unavailable: the PDF reader's font data (pdfjs cmaps/standard_fonts) is missing from this installation",
    );
  }
}

/** Options for pdfjs `getDocument`; in Node pdfjs reads these with fs when given plain paths ending in a separator. */
export function pdfjsAssetOptions(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = pdfjsRoot();
  for (const d of [...PDFJS_ASSET_DIRS, PDFJS_WORKER]) {
    // Without the CMaps pdfjs silently drops the Chinese text of CMap fonts, and without the worker it fails
    // with "fake worker" noise: refuse with a clear message instead.
    if (!existsSync(path.join(root, d)))
      throw new Error(`PDF import is unavailable: ${path.join(root, d)} is missing from this installation`);
  }
  return {
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
  };
}

/** The worker module pdfjs imports in-process in Node. */
export function pdfjsWorkerFile(): string {
  return path.join(pdfjsRoot(), PDFJS_WORKER);
}
