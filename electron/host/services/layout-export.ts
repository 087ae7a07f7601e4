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
import { ExportWrites } from './export-writes';
import { containPath, ContainmentError, openContained } from '../security/containment';
import { extensionOf, imageMimeOf, imageTypeProblem, MAGIC_BYTES } from '../security/image-magic';
import { MAX_INPUT_BYTES } from '../../../shared/text/encoding';

/**
 * Writes the layout exports: `mets-alto` (a new METS next to one ALTO file per page — the untouched source ALTO,
 * or ALTO 4.4 written from the page — and each page's scan, in a folder or a `.zip`) and `page` (one PAGE XML
 * file per page in a folder). Pages remember their ALTO source as a path relative to the issue folder
 * (`sourceDir`) or an absolute one.
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
  /** Where the files go: collected for the caller to check and write (export-writes.ts); else written at the end. */
  writes?: ExportWrites;
}

/** The caller's collector, or one of our own that writes (replacing existing files) when `done` is called. */
function writesFor(opts: LayoutExportOptions): { writes: ExportWrites; done: (issue: Issue) => Promise<void> } {
  if (opts.writes) return { writes: opts.writes, done: async () => undefined };
  const writes = new ExportWrites();
  return { writes, done: (issue) => writes.commit(issue, { replace: true }) };
}
export interface LayoutExportResult {
  files: string[];
  warnings?: string[];
}

export class LayoutExportError extends Error {}

/** What the messages call the folders a reference may lie in. */
const REFERENCE_WHERE = "the issue's folder (or a folder its pages were imported from)";

function rootsOf(opts: LayoutExportOptions): string[] {
  return opts.referenceRoots ?? (opts.sourceDir ? [opts.sourceDir] : []);
}

/** A file the issue names, contained and opened for reading (see the file comment); throws ContainmentError. */
async function openReference(ref: string, what: string, opts: LayoutExportOptions) {
  const real = await containPath(ref, opts.sourceDir ?? process.cwd(), rootsOf(opts), {
    what,
    where: REFERENCE_WHERE,
    mustExist: true,
    refuseHardLinks: true,
  });
  return { real, fh: await openContained(real, what, true) };
}

/** True when every fragment of the page still has the text of its source spans (whitespace aside). */
function textUnchanged(issue: Issue, page: Page): boolean {
  const squash = (t: string) => t.replace(/\s+/g, '');
  return page.fragments.every((f) => squash(f.text) === squash(originalTextOf(issue, f)));
}

/**
 * One ALTO file per page: the source ALTO copied byte for byte when the page came from ALTO and its text is
 * unchanged; otherwise ALTO 4.4 written from the page (corrected text, the source's block boxes and unit).
 */
async function altoFiles(
  issue: Issue,
  opts: LayoutExportOptions,
): Promise<{ pages: MetsAltoPage[]; bytes: Map<string, Uint8Array>; warnings: string[] }> {
  const pages: MetsAltoPage[] = [];
  const bytes = new Map<string, Uint8Array>();
  const warnings: string[] = [];
  const replaced = { count: 0 };
  const names = uniqueFileNames(
    issue.pages.map((p) => path.parse(p.source?.name ?? p.id).name),
    'xml',
  );
  for (const [i, page] of issue.pages.entries()) {
    const href = `text/${names[i]}`;
    const stem = names[i].replace(/\.xml$/, '');
    let withImage = {};
    if (page.image) {
      const scan = await readScan(page, opts);
      if ('data' in scan) {
        const image = { href: `images/${stem}.${scan.ext}`, mime: scan.mime };
        bytes.set(image.href, scan.data);
        withImage = { image };
      } else warnings.push(scan.warning);
    }
    let sourceUnit: string | undefined;
    if (page.source?.format === 'alto') {
      const file = page.source.name;
      let data: Buffer;
      try {
        const { fh } = await openReference(file, `the ALTO file of page ${page.label}`, opts);
        try {
          data = await fh.readFile();
        } finally {
          await fh.close();
        }
      } catch (e) {
        if (e instanceof ContainmentError) throw new LayoutExportError(`${e.message}; nothing was exported`);
        throw new LayoutExportError(`the ALTO file of page ${page.label} is missing: ${file}`);
      }
      const alto = pageFromAlto(data.toString('utf8'), { pageId: page.id });
      if (alto.page.original !== page.original) {
        throw new LayoutExportError(
          `the ALTO file of page ${page.label} changed since the import (${file}); its text no longer matches the issue`,
        );
      }
      if (textUnchanged(issue, page)) {
        pages.push({ pageId: page.id, href, ...withImage, alto });
        bytes.set(href, new Uint8Array(data));
        continue;
      }
      sourceUnit = alto.measurementUnit;
      warnings.push(
        `page ${page.label}: its text was corrected, so its ALTO is written anew as ALTO ${ALTO_VERSION} (block positions kept, word positions of the source dropped)`,
      );
    }
    const w = buildAltoXml(issue, page.id, { physicalNr: i + 1, ...(sourceUnit ? { sourceUnit } : {}), replaced });
    pages.push({ pageId: page.id, href, ...withImage, written: { altoPageId: w.altoPageId, blockOf: w.blockOf } });
    bytes.set(href, new TextEncoder().encode(w.xml));
  }
  if (replaced.count)
    warnings.push(`mets-alto: replaced ${replaced.count} control character(s) ALTO cannot hold with U+FFFD`);
  return { pages, bytes, warnings };
}

export async function exportMetsAlto(issue: Issue, opts: LayoutExportOptions): Promise<LayoutExportResult> {
  const { pages, bytes, warnings } = await altoFiles(issue, opts);
  const extra = warnings.length ? { warnings } : {};
  const mets = buildMetsXml(issue, pages);
  const { writes, done } = writesFor(opts);
  if (/\.zip$/i.test(opts.output)) {
    const entries: Record<string, Uint8Array> = { 'mets.xml': new TextEncoder().encode(mets) };
    for (const [href, data] of bytes) entries[href] = data;
    await fs.mkdir(path.dirname(path.resolve(opts.output)), { recursive: true });
    writes.add(opts.output, zipSync(entries, { level: 6 }));
    await done(issue);
    return { files: [opts.output], ...extra };
  }
  const files: string[] = [];
  for (const [href, data] of bytes) {
    const target = path.join(opts.output, href);
    await fs.mkdir(path.dirname(target), { recursive: true });
    writes.add(target, data);
    files.push(target);
  }
  const metsFile = path.join(opts.output, 'mets.xml');
  writes.add(metsFile, mets);
  await done(issue);
  return { files: [metsFile, ...files], ...extra };
}

/**
 * A page's scan, read only when it is a real image of its declared type: an embedded data URL whose bytes match
 * its MIME type, or a file the issue names that `openReference` admits (read from the handle that was checked, so
 * a file swapped in meanwhile is not what gets copied). Otherwise a warning, and the name the exported file may
 * still give: none for a refused reference (a hostile path is not passed on), the original name for a missing one.
 */
type ScanRead = { data: Uint8Array; ext: string; mime: string } | { warning: string; nameInXml: string };

async function readScan(page: Page, opts: LayoutExportOptions): Promise<ScanRead> {
  const img = page.image!;
  const leftOut = (why: string): ScanRead => ({
    nameInXml: '',
    warning: `the scan of page ${page.label} was left out: ${why}`,
  });
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(img.src);
  if (m) {
    const data = new Uint8Array(Buffer.from(m[2], 'base64'));
    const problem = imageTypeProblem(data.subarray(0, MAGIC_BYTES), '', m[1]);
    if (problem) return leftOut(`the embedded image ${problem}`);
    return { data, ext: extensionOf(m[1]), mime: m[1] };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(img.src) && !/^[a-z]:[\\/]/i.test(img.src))
    return leftOut('it is not a file path (Galley never fetches files)');
  let opened: Awaited<ReturnType<typeof openReference>>;
  try {
    opened = await openReference(img.src, `the scan of page ${page.label}`, opts);
  } catch (e) {
    if (e instanceof ContainmentError)
      return { nameInXml: '', warning: `${e.message}; it was left out (not copied, not named in the exported file)` };
    return {
      nameInXml: img.src,
      warning: `the scan of page ${page.label} was not found (${img.src}); the export names it without a copy`,
    };
  }
  const { fh } = opened;
  try {
    // The signature first, and no file larger than an import reads: a huge or fake "scan" is never read whole.
    const { size } = await fh.stat();
    if (size > MAX_INPUT_BYTES) {
      return leftOut(
        `${path.basename(img.src).slice(0, 120)} is ${Math.round(size / 1048576)} MB, more than Galley reads`,
      );
    }
    const head = new Uint8Array(MAGIC_BYTES);
    const { bytesRead } = await fh.read(head, 0, MAGIC_BYTES, 0);
    const problem = imageTypeProblem(head.subarray(0, bytesRead), img.src, img.mime);
    if (problem) return leftOut(`${path.basename(img.src).slice(0, 120)} ${problem}`);
    const mime = imageMimeOf(head.subarray(0, bytesRead))!;
    return { data: new Uint8Array(await fh.readFile()), ext: extensionOf(mime), mime };
  } finally {
    await fh.close();
  }
}

/**
 * One PAGE XML per page; each page's scan is written next to it (`page-3.png`) when the issue holds it as a data
 * URL or the file is admitted (see `readScan`), since PAGE consumers expect the image beside the XML.
 */
export async function exportPageXmlFiles(issue: Issue, opts: LayoutExportOptions): Promise<LayoutExportResult> {
  await fs.mkdir(opts.output, { recursive: true });
  const { writes, done } = writesFor(opts);
  const names = uniqueFileNames(
    issue.pages.map((p) => `page-${p.label}`),
    'xml',
  );
  const files: string[] = [];
  const images: string[] = [];
  const warnings: string[] = [];
  for (const [i, page] of issue.pages.entries()) {
    const file = path.join(opts.output, names[i]);
    let imageFilename: string | undefined;
    if (page.image) {
      const scan = await readScan(page, opts);
      if ('data' in scan) {
        imageFilename = `${names[i].replace(/\.xml$/, '')}.${scan.ext}`;
        writes.add(path.join(opts.output, imageFilename), scan.data);
        images.push(path.join(opts.output, imageFilename));
      } else {
        imageFilename = scan.nameInXml;
        warnings.push(scan.warning);
      }
    }
    writes.add(file, buildPageXml(issue, page.id, imageFilename !== undefined ? { imageFilename } : {}));
    files.push(file);
  }
  await done(issue);
  return { files: [...files, ...images], ...(warnings.length ? { warnings } : {}) };
}
