import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeBytes, normalizeNewlines, type Encoding } from '../../../shared/text/encoding';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import type { Issue, Page } from '../../../shared/model/types';

/** A page label from a file name: the trailing page number (`…-p2.txt` → "2"), else the position. */
export function labelFromName(name: string, position: number): string {
  const m = /(?:^|[-_ .])(?:p|page|第)?(\d{1,4})(?:版)?$/i.exec(path.parse(name).name);
  return m ? String(Number(m[1])) : String(position);
}

export async function readPageFile(file: string, pageId: string, position: number, encoding?: Encoding): Promise<Page> {
  const bytes = await fs.readFile(file);
  const decoded = decodeBytes(bytes, encoding);
  return pageFromPlainText(normalizeNewlines(decoded.text), {
    pageId,
    label: labelFromName(file, position),
    encoding: decoded.encoding,
    sourceName: path.basename(file),
  });
}

/**
 * Page files of any supported format → one issue: plain text, ALTO, METS (with the ALTO pages it names, in
 * order, and its articles), PAGE XML, hOCR, TEI-like XML, PDF, and PNG/JPEG scans attached to pages (see
 * layout-import.ts). Problems that do not stop the import (a file a METS names but that is missing, a TIFF scan)
 * are appended to `meta.warnings` when given. `meta.baseDir` is the folder of the issue file to be written, so that
 * scan paths can be stored relative to it.
 */
export async function importPageFiles(files: string[], meta: { title?: string; warnings?: string[]; baseDir?: string } = {}): Promise<Issue> {
  const { importLayoutFiles } = await import('./layout-import');
  const r = await importLayoutFiles(files, {
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    ...(meta.baseDir !== undefined ? { baseDir: meta.baseDir } : {}),
    readTextPage: (file, pageId, position) => readPageFile(file, pageId, position),
  });
  meta.warnings?.push(...r.warnings);
  return r.issue;
}
