import { promises as fs } from 'node:fs';
import path from 'node:path';
import { detectFormat, IMAGE_FORMATS, type LayoutFormat } from '../../../shared/import/detect';
import { pageFromAlto } from '../../../shared/import/alto';
import { parseMets } from '../../../shared/import/mets';
import { partFromMets, type MetsPageInput } from '../../../shared/import/mets-issue';
import { partFromTei } from '../../../shared/import/tei';
import { assembleIssue, emptyPart, type ImportedPart } from '../../../shared/import/layout-result';
import { displayableImage, imageDataUrl, imageInfo } from '../../../shared/import/image';
import type { Issue, Page } from '../../../shared/model/types';
import { containPath, ContainmentError } from '../security/containment';
import { decodeXmlBytes } from '../../../shared/import/xml-decode';
import { InputError, isRegularFile, readImportFile } from './read-input';

/**
 * Reads layout files from disk for the pure importers in `shared/import`: a METS with the ALTO files it names
 * (relative to the METS), single ALTO / PAGE / hOCR / TEI / PDF files, and scan images attached to pages.
 * Never fetches anything: remote and absolute references in a METS are reported, not followed.
 */
export interface LayoutImportOptions {
  title?: string;
  /** Folder of the issue file to be written: image paths are stored relative to it. */
  baseDir?: string;
  /**
   * A plain-text page from the bytes of `file` (injected by page-files.ts, which owns the text path and the
   * encoding choice); it adds its own warnings (an encoding guessed without certainty) to `warnings`.
   */
  readTextPage: (bytes: Uint8Array, file: string, pageId: string, position: number, warnings: string[]) => Page;
}
export interface LayoutImportResult {
  issue: Issue;
  warnings: string[];
}

/**
 * How a page remembers its source file: relative to the issue folder when known, else absolute, so that the
 * `mets-alto` export can copy the untouched ALTO file later.
 */
function sourcePath(file: string, baseDir: string | undefined): string {
  return baseDir ? path.relative(baseDir, file).split(path.sep).join('/') : path.resolve(file);
}

/**
 * Without an issue folder (the app imports before the first save) a scan travels inside the issue as a data URL,
 * so the renderer can show it with no file access; up to this size (a newspaper PNG is 1–5 MB; the schema caps
 * `src` at 50 M characters). Larger scans keep their absolute path and a warning.
 */
const DATA_URL_LIMIT = 24 * 1024 * 1024;

const exists = isRegularFile;

/** Runs a reader of `file`; its error message is prefixed with the file name when it does not say which file. */
async function naming<T>(file: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const name = path.basename(file);
    if (e instanceof Error && !e.message.startsWith(name)) e.message = `${name}: ${e.message}`;
    throw e;
  }
}

/**
 * A scan another file names (METS, ALTO, PAGE, hOCR): one that cannot be read (too large, not a regular file)
 * costs the page its scan, with a warning, not the whole import.
 */
async function readNamedScan(file: string, warnings: string[]): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readImportFile(file, 'convert it to a smaller PNG or JPEG'));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    warnings.push(`The scan was not attached: ${e.message}.`);
    return null;
  }
}

/** Text of an XML or hOCR file, decoded as it declares. */
function xmlText(bytes: Uint8Array): string {
  return decodeXmlBytes(bytes);
}

/**
 * A file a METS or ALTO names, looked up inside the folder of the file that names it (docs/security.md,
 * "Containment"): `..`, links leading out, hard-linked files and device names are refused with the reason,
 * never followed. `file` is the path as named (for the stored source name), `real` the checked path to read.
 */
type Located = { file: string; real: string } | { missing: true } | { refused: string };
async function locate(href: string, folder: string, what: string, namedIn: string): Promise<Located> {
  try {
    const real = await containPath(href, folder, [folder], {
      what,
      where: `the folder of ${namedIn}`,
      mustExist: true,
      refuseHardLinks: true,
    });
    if (!(await exists(real))) return { missing: true };
    return { file: path.resolve(folder, href.replace(/\\/g, '/')), real };
  } catch (e) {
    if (e instanceof ContainmentError) return { refused: `Not read: ${e.message}` };
    return { missing: true };
  }
}

function isRemote(href: string): boolean {
  // A scheme (`http:`, `ftp:`), but not a Windows drive letter (`C:\`).
  return /^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[a-z]:[\\/]/i.test(href);
}

async function attachImage(
  page: Page,
  file: string,
  bytes: Uint8Array,
  baseDir: string | undefined,
  warnings: string[],
): Promise<void> {
  const info = imageInfo(bytes);
  if (!info) {
    warnings.push(`${path.basename(file)}: not an image Galley can read; not attached.`);
    return;
  }
  if (info.mime === 'image/tiff') {
    // Browsers cannot draw TIFF: the scan travels inside the issue as a (grey, at most 2,400 px wide) PNG.
    try {
      const { tiffToPng } = await import('./layout-tiff');
      const r = tiffToPng(bytes);
      page.image = { src: imageDataUrl(r.png, 'image/png'), width: r.width, height: r.height, mime: 'image/png' };
      page.size ??= { width: r.sourceWidth, height: r.sourceHeight };
    } catch (e) {
      warnings.push(
        `${path.basename(file)}: the TIFF scan could not be read (${(e as Error).message}); convert it to PNG or JPEG to see it.`,
      );
    }
    return;
  }
  if (!displayableImage(info.mime)) {
    warnings.push(
      `${path.basename(file)}: ${info.mime} scans cannot be shown; convert it to PNG or JPEG to see the scan.`,
    );
    return;
  }
  let src: string;
  if (baseDir) src = path.relative(baseDir, file).split(path.sep).join('/');
  else if (bytes.length <= DATA_URL_LIMIT) src = imageDataUrl(bytes, info.mime);
  else {
    src = path.resolve(file);
    warnings.push(
      `${path.basename(file)} is too large to keep inside the issue; it is linked by its path and may not show in every view.`,
    );
  }
  page.image = { src, width: info.width, height: info.height, mime: info.mime };
  // Boxes of a page without a coordinate space of its own are in image pixels.
  page.size ??= { width: info.width, height: info.height };
}

/** A METS file and the ALTO pages it names, in physical order; a warning for every named file that is missing. */
export async function readMetsPart(
  metsFile: string,
  firstPage: number,
  baseDir: string | undefined,
  metsBytes?: Uint8Array,
): Promise<ImportedPart> {
  const metsText = xmlText(metsBytes ?? (await readImportFile(metsFile)));
  const mets = await naming(metsFile, () => parseMets(metsText));
  const dir = path.dirname(metsFile);
  const part = emptyPart();
  if (mets.title) part.title = mets.title;
  part.warnings.push(...mets.warnings);
  const inputs: MetsPageInput[] = [];
  const images: { page: Page; file: string }[] = [];
  for (const mp of mets.pages) {
    const alto = mp.altoFileId ? mets.files.get(mp.altoFileId) : undefined;
    if (!alto) {
      part.warnings.push(`METS page ${mp.label} has no ALTO file; skipped.`);
      continue;
    }
    if (isRemote(alto.href) || path.isAbsolute(alto.href)) {
      part.warnings.push(
        `Not read: ${alto.href} (page ${mp.label}) is not a path relative to the METS; Galley never fetches files.`,
      );
      continue;
    }
    const metsName = path.basename(metsFile);
    const found = await locate(alto.href, dir, `the ALTO file of page ${mp.label}`, metsName);
    if ('refused' in found) {
      part.warnings.push(found.refused);
      continue;
    }
    if ('missing' in found) {
      // Something else by that name (a folder, a pipe, a device) is never read: say so rather than "missing".
      const other = await fs.stat(path.resolve(dir, alto.href)).then(
        () => true,
        () => false,
      );
      part.warnings.push(
        other
          ? `Not read: ${alto.href} (page ${mp.label}, named in the METS) is not a regular file.`
          : `Missing file: ${alto.href} (page ${mp.label}, named in the METS)`,
      );
      continue;
    }
    const pageId = `p${firstPage + inputs.length}`;
    const altoBytes = await readImportFile(found.real);
    const res = await naming(found.file, () =>
      pageFromAlto(xmlText(altoBytes), { pageId, label: mp.label, sourceName: sourcePath(found.file, baseDir) }),
    );
    inputs.push({ fileId: alto.id, alto: res });
    // The scan: the first image the METS names for the page that exists and a browser can show (a master TIFF
    // is often listed before a PNG). When none exists, one warning names the first (the master).
    const candidates = mp.imageFileIds
      .map((id) => mets.files.get(id)!)
      .filter((f) => !isRemote(f.href) && !path.isAbsolute(f.href));
    const located = new Map<string, Located>();
    for (const f of candidates)
      located.set(f.href, await locate(f.href, dir, `the scan of page ${mp.label}`, metsName));
    const real = (href: string) => {
      const l = located.get(href);
      return l && 'real' in l ? l.real : undefined;
    };
    let chosen: string | undefined;
    for (const f of candidates) {
      const imgFile = real(f.href);
      if (imgFile && !/\.(tiff?|jp2)$/i.test(f.href)) {
        chosen = imgFile;
        break;
      }
    }
    // A TIFF master is converted (slower), so only when no PNG/JPEG is there.
    for (const f of chosen ? [] : candidates) {
      const imgFile = real(f.href);
      if (/\.tiff?$/i.test(f.href) && imgFile) {
        chosen = imgFile;
        break;
      }
    }
    for (const l of located.values()) if ('refused' in l) part.warnings.push(l.refused);
    if (chosen) images.push({ page: res.page, file: chosen });
    else if (candidates.some((f) => !('refused' in located.get(f.href)!))) {
      const present = candidates.filter((f) => real(f.href)).map((f) => f.href);
      part.warnings.push(
        present.length
          ? `The scan of page ${mp.label} (${present[0]}) is in a format that cannot be shown; convert it to PNG or JPEG to see it.`
          : `Missing file: ${candidates[0].href} (scan of page ${mp.label}, named in the METS)`,
      );
    }
  }
  const built = partFromMets(mets, inputs);
  part.pages = built.pages;
  part.articles = built.articles;
  part.warnings.push(...built.warnings);
  for (const img of images) {
    const page = part.pages.find((p) => p.id === img.page.id);
    const bytes = page ? await readNamedScan(img.file, part.warnings) : null;
    if (page && bytes) await attachImage(page, img.file, bytes, baseDir, part.warnings);
  }
  return part;
}

/** One non-METS layout file → its part. */
async function readOnePart(
  file: string,
  format: LayoutFormat,
  bytes: Uint8Array,
  firstPage: number,
  opts: LayoutImportOptions,
): Promise<ImportedPart> {
  const name = path.basename(file);
  const text = () => xmlText(bytes);
  switch (format) {
    case 'mets':
      return readMetsPart(file, firstPage, opts.baseDir, bytes);
    case 'alto': {
      const r = pageFromAlto(text(), { pageId: `p${firstPage}`, sourceName: sourcePath(file, opts.baseDir) });
      return {
        ...emptyPart(),
        pages: [r.page],
        warnings: r.warnings,
        images: r.imageHref ? [{ pageId: r.page.id, href: r.imageHref }] : [],
      };
    }
    case 'tei':
      return partFromTei(text(), { firstPage, sourceName: name });
    case 'page-xml': {
      const { partFromPageXml } = await import('../../../shared/import/page-xml');
      return partFromPageXml(text(), { firstPage, sourceName: name });
    }
    case 'hocr': {
      const { partFromHocr } = await import('../../../shared/import/hocr');
      return partFromHocr(text(), { firstPage, sourceName: name });
    }
    case 'pdf': {
      const { readPdfPart } = await import('./layout-import-pdf');
      return readPdfPart(bytes, { firstPage, sourceName: name });
    }
    default: {
      const part = emptyPart();
      part.pages.push(opts.readTextPage(bytes, file, `p${firstPage}`, firstPage, part.warnings));
      return part;
    }
  }
}

/**
 * Imports page files of any supported format into one issue, in the given order. Images are attached as scans
 * to the page from the file with the same base name, else to the next page without a scan, else become a page
 * of their own (with no text).
 */
export async function importLayoutFiles(files: string[], opts: LayoutImportOptions): Promise<LayoutImportResult> {
  const parts: ImportedPart[] = [];
  const warnings: string[] = [];
  const images: { file: string; bytes: Uint8Array }[] = [];
  const pageFile = new Map<string, string>();
  let next = 1;
  for (const file of files) {
    const bytes = new Uint8Array(await readImportFile(file));
    const format = detectFormat(bytes, file);
    if (IMAGE_FORMATS.includes(format)) {
      images.push({ file, bytes });
      continue;
    }
    const part = await naming(file, () => readOnePart(file, format, bytes, next, opts));
    for (const p of part.pages) pageFile.set(p.id, file);
    for (const ref of part.images) {
      const page = part.pages.find((p) => p.id === ref.pageId);
      if (!page || page.image) continue;
      if (isRemote(ref.href)) {
        part.warnings.push(`Not read: the scan ${ref.href} is not a local file; Galley never fetches files.`);
        continue;
      }
      const found = await locate(ref.href, path.dirname(file), `the scan of page ${page.label}`, path.basename(file));
      if ('refused' in found) part.warnings.push(found.refused);
      else if ('missing' in found)
        part.warnings.push(`Missing file: ${ref.href} (scan named in ${path.basename(file)})`);
      else {
        const scan = await readNamedScan(found.real, part.warnings);
        if (scan) await attachImage(page, found.file, scan, opts.baseDir, part.warnings);
      }
    }
    next += part.pages.length;
    warnings.push(...part.warnings);
    parts.push(part);
  }
  const pages = parts.flatMap((p) => p.pages);
  const stem = (f: string) => path.parse(f).name.toLowerCase();
  const attached = new Set<string>();
  for (const img of images) {
    // Same base name wins, even over a PDF page's own rendering: the user chose that scan.
    let page = pages.find(
      (p) => pageFile.has(p.id) && stem(pageFile.get(p.id)!) === stem(img.file) && !attached.has(p.id),
    );
    page ??= pages.find((p) => !p.image);
    if (!page) {
      page = {
        id: `p${next++}`,
        label: String(pages.length + 1),
        original: '',
        encoding: 'utf-8',
        markup: [],
        fragments: [],
        source: { name: path.basename(img.file), format: 'image' },
      };
      pages.push(page);
      parts.push({ ...emptyPart(), pages: [page] });
    }
    attached.add(page.id);
    await attachImage(page, img.file, img.bytes, opts.baseDir, warnings);
  }
  if (pages.length === 0) {
    // The warnings say why (a METS whose files are all missing…): they go into the one message.
    const why = warnings.length
      ? `: ${warnings[0].replace(/\.$/, '')}${warnings.length > 1 ? ` (and ${warnings.length - 1} more problem${warnings.length > 2 ? 's' : ''})` : ''}`
      : '';
    throw new Error(`None of the files holds a page Galley can import${why}.`);
  }
  const title = opts.title ?? parts.find((p) => p.title)?.title ?? path.parse(files[0]).name;
  return { issue: assembleIssue(parts, { title }), warnings };
}
