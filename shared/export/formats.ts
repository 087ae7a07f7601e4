import { zipSync, strToU8 } from 'fflate';
import type { Issue } from '../model/types';
import type { ExportArticle, ExportDocument } from './build';
import { articleToMarkdown, articleToText, toMarkdown, toText } from './text-formats';
import { articleToHtml, toHtml } from './html';
import { toDocx } from './docx';
import { articleToNitf } from './nitf';
import { StripReport } from './xml-text';
import { orderedFileNames } from './file-names';

/**
 * The registry of document export formats: each renders the export document (`buildExport`, model order) to
 * bytes, as one file for the issue and/or one file per article. The export service, the CLI and the UI all go
 * through `renderExport`, so a format added here is available everywhere.
 *
 * Formats that need more than the export document (layout formats such as `mets-alto` and `page`, which carry
 * coordinates and source files) are registered in the export service instead (`LAYOUT_FORMATS` there).
 */
export interface Rendered {
  data: string | Uint8Array;
  warnings: string[];
}

export interface DocumentFormat {
  id: string;
  ext: string;
  mime: string;
  label: string;
  /**
   * Publication formats are gated by the audit (unassigned fragments, open ends). `json` is not: it is the
   * complete data export and carries the pool and the discard pile.
   */
  gated: boolean;
  /** The whole issue in one file; absent for one-document-per-article formats (NITF). */
  whole?: (doc: ExportDocument, issue: Issue) => Promise<Rendered>;
  perArticle: (doc: ExportDocument, article: ExportArticle, issue: Issue) => Promise<Rendered>;
}

const plain = (data: string): Promise<Rendered> => Promise.resolve({ data, warnings: [] });

export const DOCUMENT_FORMATS = {
  json: {
    id: 'json',
    ext: 'json',
    mime: 'application/json',
    label: 'Galley JSON (complete data)',
    gated: false,
    whole: (d) => plain(JSON.stringify(d, null, 2) + '\n'),
    perArticle: (d, a) => plain(JSON.stringify({ ...d, articles: [a], unassigned: [], discarded: [] }, null, 2) + '\n'),
  },
  md: {
    id: 'md',
    ext: 'md',
    mime: 'text/markdown',
    label: 'Markdown',
    gated: true,
    whole: (d) => plain(toMarkdown(d)),
    perArticle: (_d, a) => plain(articleToMarkdown(a)),
  },
  txt: {
    id: 'txt',
    ext: 'txt',
    mime: 'text/plain',
    label: 'Plain text',
    gated: true,
    whole: (d) => plain(toText(d)),
    perArticle: (_d, a) => plain(articleToText(a)),
  },
  html: {
    id: 'html',
    ext: 'html',
    mime: 'text/html',
    label: 'HTML (printable page)',
    gated: true,
    whole: (d) => {
      const r = new StripReport();
      const data = toHtml(d, r);
      return Promise.resolve({ data, warnings: r.warnings('html') });
    },
    perArticle: (d, a) => {
      const r = new StripReport();
      const data = articleToHtml(d, a, r);
      return Promise.resolve({ data, warnings: r.warnings('html') });
    },
  },
  docx: {
    id: 'docx',
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
    gated: true,
    whole: (d) => toDocx(d),
    perArticle: (d, a) => toDocx(d, [a]),
  },
  nitf: {
    id: 'nitf',
    ext: 'xml',
    mime: 'application/xml',
    label: 'NITF 3.6 (one XML per article)',
    gated: true,
    perArticle: (d, a) => {
      const r = new StripReport();
      const data = articleToNitf(d, a, r);
      return Promise.resolve({ data, warnings: r.warnings('nitf') });
    },
  },
} as const satisfies Record<string, DocumentFormat>;

export type DocumentFormatId = keyof typeof DOCUMENT_FORMATS;
export const DOCUMENT_FORMAT_IDS = Object.keys(DOCUMENT_FORMATS) as DocumentFormatId[];
/** What a zip can hold. */
export const ZIP_INNER_FORMATS = DOCUMENT_FORMAT_IDS;

export function isDocumentFormat(id: string): id is DocumentFormatId {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_FORMATS, id);
}

/** One output file: a name relative to the export target (split and zip) and its content. */
export interface ExportFile {
  name: string;
  data: string | Uint8Array;
}

export interface RenderOptions {
  /** One file per article (names numbered in board order, from the titles, made safe). */
  split?: boolean;
  /**
   * Show text the proofreader marked as lost (`[……]` in md, txt, html and docx; an editor's note in NITF). On by
   * default except for json, which keeps the data as is (the paragraph's `openEnd` says it in every case).
   */
  lostTextMark?: boolean;
}

/** The default of `RenderOptions.lostTextMark` for a format. */
export function lostTextMarkDefault(id: string): boolean {
  return id !== 'json';
}

/** The export document with `lostMark` set on every paragraph whose text was marked lost. */
export function markLostText(doc: ExportDocument): ExportDocument {
  const marks = doc.articles.some((a) => a.paragraphs.some((p) => p.openEnd?.as === 'lost'));
  if (!marks) return doc;
  return {
    ...doc,
    articles: doc.articles.map((a) => ({
      ...a,
      paragraphs: a.paragraphs.map((p) => (p.openEnd?.as === 'lost' ? { ...p, lostMark: true as const } : p)),
    })),
  };
}

export class ExportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFormatError';
  }
}

/**
 * Renders a document format: one file (`name` empty: the caller's output path) or one per article. Throws
 * `ExportFormatError` when the format cannot make one file of several articles (NITF).
 */
export async function renderDocumentFormat(
  base: ExportDocument,
  issue: Issue,
  id: DocumentFormatId,
  opts: RenderOptions = {},
): Promise<{ files: ExportFile[]; warnings: string[] }> {
  const f: DocumentFormat = DOCUMENT_FORMATS[id];
  const doc = (opts.lostTextMark ?? lostTextMarkDefault(id)) ? markLostText(base) : base;
  const warnings: string[] = [];
  if (!opts.split && f.whole) {
    const r = await f.whole(doc, issue);
    return { files: [{ name: '', data: r.data }], warnings: r.warnings };
  }
  if (!opts.split && doc.articles.length !== 1) {
    throw new ExportFormatError(
      `${f.id} holds one article per file: export with --split, or as a zip (--format zip --inner ${f.id})`,
    );
  }
  const names = opts.split
    ? orderedFileNames(
        doc.articles.map((a) => a.title),
        f.ext,
      )
    : [''];
  const files: ExportFile[] = [];
  for (let i = 0; i < doc.articles.length; i++) {
    const r = await f.perArticle(doc, doc.articles[i], issue);
    warnings.push(...r.warnings);
    files.push({ name: names[i], data: r.data });
  }
  return { files, warnings };
}

/** Fixed time for zip entries, so the same issue gives the same bytes (reproducible exports). */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/** A zip of one file per article in the inner format, numbered in board order. */
export async function renderZip(
  doc: ExportDocument,
  issue: Issue,
  inner: DocumentFormatId,
  opts: Pick<RenderOptions, 'lostTextMark'> = {},
): Promise<{ data: Uint8Array; names: string[]; warnings: string[] }> {
  const { files, warnings } = await renderDocumentFormat(doc, issue, inner, { ...opts, split: true });
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [typeof f.data === 'string' ? strToU8(f.data) : f.data, { mtime: ZIP_TIME }];
  return { data: zipSync(entries, { level: 6 }), names: files.map((f) => f.name), warnings };
}
