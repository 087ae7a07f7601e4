import { promises as fs } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { pageFromAlto } from '../../../shared/import/alto';
import { buildMetsXml, type MetsAltoPage } from '../../../shared/export/mets-alto';
import { buildPageXml } from '../../../shared/export/page-xml';
import { uniqueFileNames } from '../../../shared/export/file-names';
import type { Issue } from '../../../shared/model/types';
import { saveAtomic } from './atomic-save';
import { InputError, readImportFile } from './read-input';
import { decodeXmlBytes } from '../../../shared/import/xml-decode';

/**
 * Writes the layout exports: `mets-alto` (a new METS next to byte-identical copies of the source ALTO files, in a
 * folder or a `.zip`) and `page` (one PAGE XML file per page in a folder). Pages remember their ALTO source as
 * a path relative to the issue folder (`sourceDir`) or an absolute one.
 */
export interface LayoutExportOptions {
  output: string;
  /** Folder of the issue file, to resolve relative ALTO source paths. */
  sourceDir?: string;
}
export interface LayoutExportResult { files: string[]; warnings?: string[] }

export class LayoutExportError extends Error {}

async function altoSources(issue: Issue, sourceDir: string | undefined): Promise<{ pages: MetsAltoPage[]; bytes: Map<string, Uint8Array> }> {
  const pages: MetsAltoPage[] = [];
  const bytes = new Map<string, Uint8Array>();
  const names = uniqueFileNames(issue.pages.map((p) => path.parse(p.source?.name ?? p.id).name), 'xml');
  for (const [i, page] of issue.pages.entries()) {
    if (page.source?.format !== 'alto') {
      throw new LayoutExportError(`page ${page.label} was not imported from ALTO; the mets-alto export needs the ALTO file of every page (use the page or json export instead)`);
    }
    const file = path.resolve(sourceDir ?? process.cwd(), page.source.name);
    let data: Buffer;
    try {
      data = await readImportFile(file);
    } catch (e) {
      throw new LayoutExportError(e instanceof InputError && e.code !== 'not-found' ? `the ALTO file of page ${page.label} cannot be read: ${e.message}` : `the ALTO file of page ${page.label} is missing: ${file}`);
    }
    // Decoded as the import decoded it, so that an unchanged file compares equal.
    const alto = pageFromAlto(decodeXmlBytes(data), { pageId: page.id });
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
  const { pages, bytes } = await altoSources(issue, opts.sourceDir);
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

const IMAGE_EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * One PAGE XML per page; each page's scan is written next to it (`page-3.png`) when the issue holds it as a data
 * URL or the file can be found (relative to `sourceDir`), since PAGE consumers expect the image beside the XML.
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
    const img = page.image;
    if (img) {
      const stem = names[i].replace(/\.xml$/, '');
      const m = /^data:([^;,]+);base64,(.*)$/s.exec(img.src);
      try {
        if (m) {
          imageFilename = `${stem}.${IMAGE_EXT[m[1]] ?? 'bin'}`;
          await fs.writeFile(path.join(opts.output, imageFilename), Buffer.from(m[2], 'base64'));
        } else {
          const src = path.resolve(opts.sourceDir ?? process.cwd(), img.src);
          imageFilename = `${stem}${path.extname(src)}`;
          await fs.copyFile(src, path.join(opts.output, imageFilename));
        }
        images.push(path.join(opts.output, imageFilename));
      } catch {
        warnings.push(`the scan of page ${page.label} was not found (${img.src.startsWith('data:') ? 'data URL' : img.src}); the PAGE file names it without a copy`);
        imageFilename = img.src.startsWith('data:') ? '' : img.src;
      }
    }
    await saveAtomic(file, buildPageXml(issue, page.id, imageFilename !== undefined ? { imageFilename } : {}), { backup: false });
    files.push(file);
  }
  return { files: [...files, ...images], ...(warnings.length ? { warnings } : {}) };
}
