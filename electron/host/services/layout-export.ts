import { createWriteStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { pageFromAlto } from '../../../shared/import/alto';
import { buildMetsXml, type MetsAltoPage } from '../../../shared/export/mets-alto';
import { buildPageXml } from '../../../shared/export/page-xml';
import { uniqueFileNames } from '../../../shared/export/file-names';
import type { Issue } from '../../../shared/model/types';
import { saveAtomic } from './atomic-save';
import { containPath, ContainmentError, openContained } from '../security/containment';
import { extensionOf, imageMimeOf, imageTypeProblem, MAGIC_BYTES } from '../security/image-magic';

/**
 * Writes the layout exports: `mets-alto` (a new METS next to byte-identical copies of the source ALTO files, in a
 * folder or a `.zip`) and `page` (one PAGE XML file per page in a folder). Pages remember their ALTO source as
 * a path relative to the issue folder (`sourceDir`) or an absolute one.
 *
 * Every path the issue names is untrusted (an issue file can come from anyone): it is read only when it lies
 * inside `referenceRoots` after realpath, is a regular file with a single link, and (scans) carries the image
 * signature of its declared type. Anything else is left out and said so.
 */
export interface LayoutExportOptions {
  output: string;
  /** Folder of the issue file, to resolve relative ALTO source paths. */
  sourceDir?: string;
  /**
   * Folders the issue's file references may lie in: the issue's folder and the folders its pages were imported
   * from in this session. Default: `sourceDir` alone; none (no reference is read) without it.
   */
  referenceRoots?: string[];
}
export interface LayoutExportResult { files: string[]; warnings?: string[] }

export class LayoutExportError extends Error {}

/** What the messages call the folders a reference may lie in. */
const REFERENCE_WHERE = "the issue's folder (or a folder its pages were imported from)";

function rootsOf(opts: LayoutExportOptions): string[] {
  return opts.referenceRoots ?? (opts.sourceDir ? [opts.sourceDir] : []);
}

/** A file the issue names, contained and opened for reading (see the file comment); throws ContainmentError. */
async function openReference(ref: string, what: string, opts: LayoutExportOptions) {
  const real = await containPath(ref, opts.sourceDir ?? process.cwd(), rootsOf(opts), { what, where: REFERENCE_WHERE, mustExist: true, refuseHardLinks: true });
  return { real, fh: await openContained(real, what, true) };
}

async function altoSources(issue: Issue, opts: LayoutExportOptions): Promise<{ pages: MetsAltoPage[]; bytes: Map<string, Uint8Array> }> {
  const pages: MetsAltoPage[] = [];
  const bytes = new Map<string, Uint8Array>();
  const names = uniqueFileNames(issue.pages.map((p) => path.parse(p.source?.name ?? p.id).name), 'xml');
  for (const [i, page] of issue.pages.entries()) {
    if (page.source?.format !== 'alto') {
      throw new LayoutExportError(`page ${page.label} was not imported from ALTO; the mets-alto export needs the ALTO file of every page (use the page or json export instead)`);
    }
    const file = page.source.name;
    let data: Buffer;
    try {
      const { fh } = await openReference(file, `the ALTO file of page ${page.label}`, opts);
      try { data = await fh.readFile(); } finally { await fh.close(); }
    } catch (e) {
      if (e instanceof ContainmentError) throw new LayoutExportError(`${e.message}; nothing was exported`);
      throw new LayoutExportError(`the ALTO file of page ${page.label} is missing: ${file}`);
    }
    const alto = pageFromAlto(data.toString('utf8'), { pageId: page.id });
    if (alto.page.original !== page.original) {
      throw new LayoutExportError(`the ALTO file of page ${page.label} changed since the import (${file}); its text no longer matches the issue`);
    }
    const href = `text/${names[i]}`;
    pages.push({ pageId: page.id, href, alto });
    bytes.set(href, new Uint8Array(data));
  }
  return { pages, bytes };
}

export async function exportMetsAlto(issue: Issue, opts: LayoutExportOptions): Promise<LayoutExportResult> {
  const { pages, bytes } = await altoSources(issue, opts);
  const mets = buildMetsXml(issue, pages);
  if (/\.zip$/i.test(opts.output)) {
    const entries: Record<string, Uint8Array> = { 'mets.xml': new TextEncoder().encode(mets) };
    for (const [href, data] of bytes) entries[href] = data;
    await fs.mkdir(path.dirname(path.resolve(opts.output)), { recursive: true });
    await saveAtomic(opts.output, Buffer.from(zipSync(entries, { level: 6 })), { backup: false });
    return { files: [opts.output] };
  }
  await fs.mkdir(path.join(opts.output, 'text'), { recursive: true });
  const files: string[] = [];
  for (const [href, data] of bytes) {
    const target = path.join(opts.output, href);
    await fs.writeFile(target, data);
    files.push(target);
  }
  const metsFile = path.join(opts.output, 'mets.xml');
  await saveAtomic(metsFile, mets, { backup: false });
  return { files: [metsFile, ...files] };
}

/** Where a page's scan ended up in a PAGE export: the file name the XML names, and a warning when it was left out. */
interface ScanCopy { imageFilename: string; written?: string; warning?: string }

/**
 * Copies a page's scan next to its PAGE XML, only when it is a real image of its declared type: an embedded data
 * URL whose bytes match its MIME type, or a file the issue names that `openReference` admits. A scan that is
 * refused is not named in the XML either (a hostile path is not passed on); a missing one keeps its name.
 */
async function copyScan(page: Issue['pages'][number], stem: string, opts: LayoutExportOptions): Promise<ScanCopy> {
  const img = page.image!;
  const leftOut = (why: string): ScanCopy => ({ imageFilename: '', warning: `the scan of page ${page.label} was left out: ${why}` });
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(img.src);
  if (m) {
    const bytes = Buffer.from(m[2], 'base64');
    const problem = imageTypeProblem(bytes.subarray(0, MAGIC_BYTES), '', m[1]);
    if (problem) return leftOut(`the embedded image ${problem}`);
    const name = `${stem}.${extensionOf(m[1])}`;
    await fs.writeFile(path.join(opts.output, name), bytes);
    return { imageFilename: name, written: path.join(opts.output, name) };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(img.src) && !/^[a-z]:[\\/]/i.test(img.src)) return leftOut('it is not a file path (Galley never fetches files)');
  let opened: Awaited<ReturnType<typeof openReference>>;
  try {
    opened = await openReference(img.src, `the scan of page ${page.label}`, opts);
  } catch (e) {
    if (e instanceof ContainmentError) return { imageFilename: '', warning: `${e.message}; it was left out (not copied, not named in the PAGE file)` };
    return { imageFilename: img.src, warning: `the scan of page ${page.label} was not found (${img.src}); the PAGE file names it without a copy` };
  }
  const { fh } = opened;
  try {
    const head = new Uint8Array(MAGIC_BYTES);
    const { bytesRead } = await fh.read(head, 0, MAGIC_BYTES, 0);
    const problem = imageTypeProblem(head.subarray(0, bytesRead), img.src, img.mime);
    if (problem) return leftOut(`${path.basename(img.src).slice(0, 120)} ${problem}`);
    const name = `${stem}.${extensionOf(imageMimeOf(head.subarray(0, bytesRead))!)}`;
    const target = path.join(opts.output, name);
    // Copied from the handle that was checked, so a file swapped in meanwhile is not what gets copied.
    await pipeline(fh.createReadStream({ start: 0, autoClose: false }), createWriteStream(target));
    return { imageFilename: name, written: target };
  } finally {
    await fh.close();
  }
}

/**
 * One PAGE XML per page; each page's scan is written next to it (`page-3.png`) when the issue holds it as a data
 * URL or the file is admitted (see `copyScan`), since PAGE consumers expect the image beside the XML.
 */
export async function exportPageXmlFiles(issue: Issue, opts: LayoutExportOptions): Promise<LayoutExportResult> {
  await fs.mkdir(opts.output, { recursive: true });
  const names = uniqueFileNames(issue.pages.map((p) => `page-${p.label}`), 'xml');
  const files: string[] = [];
  const images: string[] = [];
  const warnings: string[] = [];
  for (const [i, page] of issue.pages.entries()) {
    const file = path.join(opts.output, names[i]);
    let imageFilename: string | undefined;
    if (page.image) {
      const r = await copyScan(page, names[i].replace(/\.xml$/, ''), opts);
      imageFilename = r.imageFilename;
      if (r.written) images.push(r.written);
      if (r.warning) warnings.push(r.warning);
    }
    await saveAtomic(file, buildPageXml(issue, page.id, imageFilename !== undefined ? { imageFilename } : {}), { backup: false });
    files.push(file);
  }
  return { files: [...files, ...images], ...(warnings.length ? { warnings } : {}) };
}
