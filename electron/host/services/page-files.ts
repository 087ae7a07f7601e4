import path from 'node:path';
import { decodeBytes, encodingName, normalizeNewlines, type Encoding } from '../../../shared/text/encoding';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import type { Issue, Page } from '../../../shared/model/types';
import { readImportFile } from './read-input';

/** A page label from a file name: the trailing page number (`…-p2.txt` → "2"), else the position. */
export function labelFromName(name: string, position: number): string {
  const m = /(?:^|[-_ .])(?:p|page|第)?(\d{1,4})(?:版)?$/i.exec(path.parse(name).name);
  return m ? String(Number(m[1])) : String(position);
}

/** How the user forces an encoding, for the "not sure" warning (the CLI names its option; the app its own). */
export type EncodingAdvice = (alternative: Encoding) => string;
const defaultAdvice: EncodingAdvice = (alt) => `import it again with the encoding set to ${alt}`;

/**
 * A plain-text page from its bytes. `encoding` forces the decoding; when detection was not sure, a warning names
 * the encoding chosen, the likely alternative and how to force it.
 * @throws DecodeError, prefixed with the file name
 */
export function pageFromTextBytes(
  bytes: Uint8Array,
  file: string,
  pageId: string,
  position: number,
  opts: { encoding?: Encoding; warnings?: string[]; advice?: EncodingAdvice } = {},
): Page {
  const name = path.basename(file);
  let decoded;
  try {
    decoded = decodeBytes(bytes, opts.encoding);
  } catch (e) {
    if (e instanceof Error && !e.message.startsWith(name)) e.message = `${name}: ${e.message}`;
    throw e;
  }
  if (decoded.alternative) {
    opts.warnings?.push(
      `${name}: the encoding is not certain; it was read as ${encodingName(decoded.encoding)}, but it may be ${encodingName(decoded.alternative)}. If the text looks wrong, ${(opts.advice ?? defaultAdvice)(decoded.alternative)}.`,
    );
  }
  return pageFromPlainText(normalizeNewlines(decoded.text), {
    pageId,
    label: labelFromName(file, position),
    encoding: decoded.encoding,
    sourceName: name,
  });
}

export async function readPageFile(
  file: string,
  pageId: string,
  position: number,
  encoding?: Encoding,
  warnings?: string[],
): Promise<Page> {
  return pageFromTextBytes(await readImportFile(file), file, pageId, position, {
    ...(encoding ? { encoding } : {}),
    ...(warnings ? { warnings } : {}),
  });
}

export interface ImportMeta {
  title?: string;
  warnings?: string[];
  baseDir?: string;
  /** Forces the encoding of plain-text pages (after a wrong guess). */
  encoding?: Encoding;
  /** How the user forces an encoding, in the words of the caller (CLI option or dialog). */
  advice?: EncodingAdvice;
}

/**
 * Page files of any supported format → one issue: plain text, ALTO, METS (with the ALTO pages it names, in
 * order, and its articles), PAGE XML, hOCR, TEI-like XML, PDF, and PNG/JPEG scans attached to pages (see
 * layout-import.ts). Problems that do not stop the import (a file a METS names but that is missing, a TIFF scan,
 * an encoding guessed without certainty) are appended to `meta.warnings` when given. `meta.baseDir` is the
 * folder of the issue file to be written, so that scan paths can be stored relative to it.
 */
export async function importPageFiles(files: string[], meta: ImportMeta = {}): Promise<Issue> {
  const { importLayoutFiles } = await import('./layout-import');
  const r = await importLayoutFiles(files, {
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    ...(meta.baseDir !== undefined ? { baseDir: meta.baseDir } : {}),
    readTextPage: (bytes, file, pageId, position, warnings) =>
      pageFromTextBytes(bytes, file, pageId, position, {
        ...(meta.encoding ? { encoding: meta.encoding } : {}),
        warnings,
        ...(meta.advice ? { advice: meta.advice } : {}),
      }),
  });
  meta.warnings?.push(...r.warnings);
  return r.issue;
}
