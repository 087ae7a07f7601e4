import { promises as fs } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { pageFromAlto } from '../../../shared/import/alto';
import { buildMetsXml, type MetsAltoPage } from '../../../shared/export/mets-alto';
import { ALTO_VERSION, buildAltoXml } from '../../../shared/export/alto-write';
import { originalTextOf } from '../../../shared/model/lookup';
import { buildPageXml } from '../../../shared/export/page-xml';
import { uniqueFileNames } from '../../../shared/export/file-names';
import type { Issue, Page } from '../../../shared/model/types';
import { saveAtomic } from './atomic-save';

/**
 * Writes the layout exports: `mets-alto` (a new METS next to one ALTO file per page — the untouched source ALTO,
 * or ALTO 4.4 written from the page — in a folder or a `.zip`) and `page` (one PAGE XML file per page in a
 * folder). Pages remember their ALTO source as a path relative to the issue folder (`sourceDir`) or an absolute one.
 */
export interface LayoutExportOptions {
  output: string;
  /** Folder of the issue file, to resolve relative ALTO source paths. */
  sourceDir?: string;
}
export interface LayoutExportResult { files: string[]; warnings?: string[] }

export class LayoutExportError extends Error {}

/** True when every fragment of the page still has the text of its source spans (whitespace aside). */
function textUnchanged(issue: Issue, page: Page): boolean {
  const squash = (t: string) => t.replace(/\s+/g, '');
  return page.fragments.every((f) => squash(f.text) === squash(originalTextOf(issue, f)));
}

/**
 * One ALTO file per page: the source ALTO copied byte for byte when the page came from ALTO and its text is
 * unchanged; otherwise ALTO 4.4 written from the page (corrected text, the source's block boxes and unit).
 */
async function altoFiles(issue: Issue, sourceDir: string | undefined): Promise<{ pages: MetsAltoPage[]; bytes: Map<string, Uint8Array>; warnings: string[] }> {
  const pages: MetsAltoPage[] = [];
  const bytes = new Map<string, Uint8Array>();
  const warnings: string[] = [];
  const replaced = { count: 0 };
  const names = uniqueFileNames(issue.pages.map((p) => path.parse(p.source?.name ?? p.id).name), 'xml');
  for (const [i, page] of issue.pages.entries()) {
    const href = `text/${names[i]}`;
    const scan = await scanOf(page, sourceDir, 'mets-alto', warnings);
    const image = scan ? { href: `images/${names[i].replace(/\.xml$/, '')}${scan.ext}`, mime: scan.mime } : undefined;
    if (scan && image) bytes.set(image.href, scan.data);
    const withImage = image ? { image } : {};
    let sourceUnit: string | undefined;
    if (page.source?.format === 'alto') {
      const file = path.resolve(sourceDir ?? process.cwd(), page.source.name);
      let data: Buffer;
      try { data = await fs.readFile(file); } catch { throw new LayoutExportError(`the ALTO file of page ${page.label} is missing: ${file}`); }
      const alto = pageFromAlto(data.toString('utf8'), { pageId: page.id });
      if (alto.page.original !== page.original) {
        throw new LayoutExportError(`the ALTO file of page ${page.label} changed since the import (${file}); its text no longer matches the issue`);
      }
      if (textUnchanged(issue, page)) {
        pages.push({ pageId: page.id, href, ...withImage, alto });
        bytes.set(href, new Uint8Array(data));
        continue;
      }
      sourceUnit = alto.measurementUnit;
      warnings.push(`page ${page.label}: its text was corrected, so its ALTO is written anew as ALTO ${ALTO_VERSION} (block positions kept, word positions of the source dropped)`);
    }
    const w = buildAltoXml(issue, page.id, { physicalNr: i + 1, ...(sourceUnit ? { sourceUnit } : {}), replaced });
    pages.push({ pageId: page.id, href, ...withImage, written: { altoPageId: w.altoPageId, blockOf: w.blockOf } });
    bytes.set(href, new TextEncoder().encode(w.xml));
  }
  if (replaced.count) warnings.push(`mets-alto: replaced ${replaced.count} control character(s) ALTO cannot hold with U+FFFD`);
  return { pages, bytes, warnings };
}

export async function exportMetsAlto(issue: Issue, opts: LayoutExportOptions): Promise<LayoutExportResult> {
  const { pages, bytes, warnings } = await altoFiles(issue, opts.sourceDir);
  const extra = warnings.length ? { warnings } : {};
  const mets = buildMetsXml(issue, pages);
  if (/\.zip$/i.test(opts.output)) {
    const entries: Record<string, Uint8Array> = { 'mets.xml': new TextEncoder().encode(mets) };
    for (const [href, data] of bytes) entries[href] = data;
    await fs.mkdir(path.dirname(path.resolve(opts.output)), { recursive: true });
    await saveAtomic(opts.output, Buffer.from(zipSync(entries, { level: 6 })), { backup: false });
    return { files: [opts.output], ...extra };
  }
  const files: string[] = [];
  for (const [href, data] of bytes) {
    const target = path.join(opts.output, href);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, data);
    files.push(target);
  }
  const metsFile = path.join(opts.output, 'mets.xml');
  await saveAtomic(metsFile, mets, { backup: false });
  return { files: [metsFile, ...files], ...extra };
}

const IMAGE_EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };
const EXT_MIME: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.tif': 'image/tiff', '.tiff': 'image/tiff' };

/**
 * The page's scan as bytes, from its data URL or its file (relative to `sourceDir`), with the extension and MIME
 * type to write it under; undefined (and a warning) when the file cannot be read.
 */
async function scanOf(page: Page, sourceDir: string | undefined, format: string, warnings: string[]): Promise<{ data: Uint8Array; ext: string; mime: string } | undefined> {
  const img = page.image;
  if (!img) return undefined;
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(img.src);
  try {
    if (m) return { data: new Uint8Array(Buffer.from(m[2], 'base64')), ext: `.${IMAGE_EXT[m[1]] ?? 'bin'}`, mime: m[1] };
    const src = path.resolve(sourceDir ?? process.cwd(), img.src);
    const ext = path.extname(src).toLowerCase();
    return { data: new Uint8Array(await fs.readFile(src)), ext, mime: img.mime ?? EXT_MIME[ext] ?? 'application/octet-stream' };
  } catch {
    warnings.push(`the scan of page ${page.label} was not found (${m ? 'data URL' : img.src}); the ${format} export has no copy of it`);
    return undefined;
  }
}

export async function exportPageXmlFiles(issue: Issue, opts: LayoutExportOptions): Promise<LayoutExportResult> {
  await fs.mkdir(opts.output, { recursive: true });
  const names = uniqueFileNames(issue.pages.map((p) => `page-${p.label}`), 'xml');
  const files: string[] = [];
  const images: string[] = [];
  const warnings: string[] = [];
  for (const [i, page] of issue.pages.entries()) {
    const file = path.join(opts.output, names[i]);
    let imageFilename: string | undefined;
    const img = page.image;
    if (img) {
      const scan = await scanOf(page, opts.sourceDir, 'PAGE', warnings);
      if (scan) {
        imageFilename = `${names[i].replace(/\.xml$/, '')}${scan.ext}`;
        await fs.writeFile(path.join(opts.output, imageFilename), scan.data);
        images.push(path.join(opts.output, imageFilename));
      } else {
        // The PAGE file still names the scan it was made from.
        imageFilename = img.src.startsWith('data:') ? '' : img.src;
      }
    }
    await saveAtomic(file, buildPageXml(issue, page.id, imageFilename !== undefined ? { imageFilename } : {}), { backup: false });
    files.push(file);
  }
  return { files: [...files, ...images], ...(warnings.length ? { warnings } : {}) };
}
