import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Issue } from '../../../shared/model/types';
import { audit, textIntact } from '../../../shared/audit/audit';
import { buildExport } from '../../../shared/export/build';
import {
  type DocumentFormatId,
  DOCUMENT_FORMATS,
  isDocumentFormat,
  renderDocumentFormat,
  renderZip,
} from '../../../shared/export/formats';
import { ExportWrites } from './export-writes';
import type { ExportGuard } from './export-target';
import { exportMetsAlto, exportPageXmlFiles, type LayoutExportOptions } from './layout-export';

/**
 * Writes exports to disk. Rendering is pure and lives in `shared/export/formats.ts` (the document formats); this
 * service gates by the audit, keeps every written file inside the chosen folder and writes atomically.
 *
 * Hook for formats that need more than the export document (layout exports `mets-alto`, `page`): add the name to
 * `EXPORT_FORMATS` and an entry to `LAYOUT_FORMATS`; they get the same gate and result shape.
 */
export const EXPORT_FORMATS = ['json', 'md', 'txt', 'html', 'docx', 'nitf', 'zip', 'mets-alto', 'page'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  /** A file, or a folder for `split`. */
  output: string;
  /** One file per article in the output folder, numbered in board order (`01 标题.md`). */
  split?: boolean;
  /** For `zip`: the format of the files inside (one per article). Default `md`. */
  inner?: DocumentFormatId;
  allowIncomplete?: boolean;
  approvedOnly?: boolean;
  articleIds?: string[];
  /** Folder of the issue file: layout formats resolve the page source files (ALTO) against it. */
  sourceDir?: string;
  /** Folders the issue's file references (ALTO, scans) may lie in; default `sourceDir` (layout-export.ts). */
  referenceRoots?: string[];
  /** What the export may not write over (the issue, its sources) and whether existing files may be replaced. */
  guard?: ExportGuard;
  /** Show text the proofreader marked lost (`[……]`; an editor's note in NITF). Default on, off for json. */
  lostTextMark?: boolean;
}

export type ExportResult =
  { ok: true; files: string[]; articles: number; warnings?: string[] } | { ok: false; problems: string[] };

/** A format that renders itself from the issue (e.g. layout XML with coordinates); see the file comment. */
export interface LayoutFormat {
  gated: boolean;
  run: (issue: Issue, req: ExportRequest, writes: ExportWrites) => Promise<{ files: string[]; warnings?: string[] }>;
}
export const LAYOUT_FORMATS: Partial<Record<string, LayoutFormat>> = {
  // The untouched ALTO files next to a new METS with the corrected articles (a folder, or a `.zip` output).
  'mets-alto': { gated: true, run: (issue, req, writes) => exportMetsAlto(issue, layoutOptions(req, writes)) },
  // One PAGE XML file per page in the output folder; it carries the pool too, so it is not gated.
  page: { gated: false, run: (issue, req, writes) => exportPageXmlFiles(issue, layoutOptions(req, writes)) },
};

function layoutOptions(req: ExportRequest, writes: ExportWrites): LayoutExportOptions {
  return {
    output: req.output,
    writes,
    ...(req.sourceDir ? { sourceDir: req.sourceDir } : {}),
    ...(req.referenceRoots ? { referenceRoots: req.referenceRoots } : {}),
  };
}

export interface ExportScope {
  approvedOnly?: boolean;
  articleIds?: readonly string[];
}

function list(ids: readonly string[]): string {
  return `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`;
}

/**
 * What stops a publication export: lost or duplicated text, unassigned fragments (issue-wide) and open ends or
 * empty articles among the exported articles. `json` is exempt: it is the complete data export and carries the
 * pool and the discard pile.
 */
export function exportProblems(issue: Issue, scope: ExportScope = {}): string[] {
  const r = audit(issue);
  const exported = new Set(buildExport(issue, scope).articles.map((a) => a.id));
  const inExported = (fragmentId: string) =>
    issue.articles.some((a) => exported.has(a.id) && a.items.some((it) => it.id === fragmentId));
  const openEnds = r.openEnds.filter(inExported);
  const empty = r.emptyArticles.filter((id) => exported.has(id));
  const out: string[] = [];
  if (!textIntact(r)) out.push('the issue fails the text check (lost or duplicated text); run galley check');
  if (r.unassigned.length) out.push(`${r.unassigned.length} unassigned fragment(s): ${list(r.unassigned)}`);
  if (openEnds.length) out.push(`${openEnds.length} open end(s): ${list(openEnds)}`);
  if (empty.length) out.push(`${empty.length} empty article(s): ${list(empty)}`);
  return out;
}

/** `dir/name` when it is a direct child of dir; refuses anything else (a sanitizer bug must not write elsewhere). */
export function childPath(dir: string, name: string): string {
  const root = path.resolve(dir);
  const target = path.resolve(root, name);
  const rel = path.relative(root, target);
  if (!name || !rel || rel !== name || rel.startsWith('..') || path.isAbsolute(rel) || rel.includes(path.sep)) {
    throw new Error(`refusing to write "${name}" outside the export folder`);
  }
  return target;
}

/**
 * Exports an issue. Returns `ok: false` with the problems when the audit gate refuses; throws
 * `ExportFormatError` (shared/export/formats) when the request cannot be served, e.g. NITF of several articles
 * into one file, and `ExportTargetError` (export-target.ts) when a target is protected or exists without
 * `guard.replace`; then nothing is written.
 */
export async function exportIssue(issue: Issue, req: ExportRequest): Promise<ExportResult> {
  const layout = LAYOUT_FORMATS[req.format];
  const gated = layout
    ? layout.gated
    : req.format === 'zip'
      ? DOCUMENT_FORMATS[req.inner ?? 'md'].gated
      : isDocumentFormat(req.format) && DOCUMENT_FORMATS[req.format].gated;
  if (gated && !req.allowIncomplete) {
    const problems = exportProblems(issue, req);
    if (problems.length) return { ok: false, problems };
  }
  const doc = buildExport(issue, { approvedOnly: req.approvedOnly, articleIds: req.articleIds });
  if (gated && !doc.articles.length) {
    return { ok: false, problems: [req.approvedOnly ? 'no approved article to export' : 'no article to export'] };
  }
  const writes = new ExportWrites();
  if (layout) {
    const r = await layout.run(issue, req, writes);
    await writes.commit(issue, req.guard);
    return {
      ok: true,
      files: r.files,
      articles: doc.articles.length,
      ...(r.warnings?.length ? { warnings: r.warnings } : {}),
    };
  }
  if (req.format === 'zip') {
    const inner = req.inner ?? 'md';
    if (!isDocumentFormat(inner)) return { ok: false, problems: [`a zip cannot hold ${String(inner)}`] };
    const z = await renderZip(
      doc,
      issue,
      inner,
      req.lostTextMark === undefined ? {} : { lostTextMark: req.lostTextMark },
    );
    writes.add(req.output, z.data);
    await writes.commit(issue, req.guard);
    return {
      ok: true,
      files: [req.output],
      articles: doc.articles.length,
      ...(z.warnings.length ? { warnings: z.warnings } : {}),
    };
  }
  // Layout formats returned above; what is left renders from the export document.
  if (!isDocumentFormat(req.format)) throw new Error(`the export format ${req.format} has no renderer`);
  const { files, warnings } = await renderDocumentFormat(doc, issue, req.format, {
    split: req.split,
    ...(req.lostTextMark === undefined ? {} : { lostTextMark: req.lostTextMark }),
  });
  const written: string[] = [];
  if (req.split) {
    await fs.mkdir(req.output, { recursive: true });
    for (const f of files) {
      const file = childPath(req.output, f.name);
      writes.add(file, f.data);
      written.push(file);
    }
  } else {
    writes.add(req.output, files[0].data);
    written.push(req.output);
  }
  await writes.commit(issue, req.guard);
  return { ok: true, files: written, articles: doc.articles.length, ...(warnings.length ? { warnings } : {}) };
}
