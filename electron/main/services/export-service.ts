import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Issue } from '../../../shared/model/types';
import { audit, textIntact } from '../../../shared/audit/audit';
import { buildExport, type ExportDocument } from '../../../shared/export/build';
import { toMarkdown, toText, articleToMarkdown, articleToText } from '../../../shared/export/text-formats';
import { uniqueFileNames } from '../../../shared/export/file-names';
import { saveAtomic } from './atomic-save';

export const EXPORT_FORMATS = ['json', 'md', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  output: string;
  /** One file per article in the output directory. */
  split?: boolean;
  allowIncomplete?: boolean;
  approvedOnly?: boolean;
  articleIds?: string[];
}

export type ExportResult =
  | { ok: true; files: string[]; articles: number }
  | { ok: false; problems: string[] };

/**
 * Publication formats are gated by the audit: unassigned fragments and open ends stop the export unless the
 * editor allows it. `json` is exempt: it is the complete data export and carries the pool and discard pile.
 */
export function exportProblems(issue: Issue): string[] {
  const r = audit(issue);
  const out: string[] = [];
  if (!textIntact(r)) out.push('the issue fails the text check (lost or duplicated text); run galley check');
  if (r.unassigned.length) out.push(`${r.unassigned.length} unassigned fragment(s): ${r.unassigned.slice(0, 10).join(', ')}${r.unassigned.length > 10 ? ', …' : ''}`);
  if (r.openEnds.length) out.push(`${r.openEnds.length} open end(s): ${r.openEnds.slice(0, 10).join(', ')}${r.openEnds.length > 10 ? ', …' : ''}`);
  return out;
}

interface Rendered { whole: (doc: ExportDocument) => string; perArticle: (doc: ExportDocument) => string[]; ext: string }

const RENDERERS: Record<ExportFormat, Rendered> = {
  json: { ext: 'json', whole: (d) => JSON.stringify(d, null, 2) + '\n', perArticle: (d) => d.articles.map((a) => JSON.stringify({ ...d, articles: [a], unassigned: [], discarded: [] }, null, 2) + '\n') },
  md: { ext: 'md', whole: toMarkdown, perArticle: (d) => d.articles.map(articleToMarkdown) },
  txt: { ext: 'txt', whole: toText, perArticle: (d) => d.articles.map(articleToText) },
};

export async function exportIssue(issue: Issue, req: ExportRequest): Promise<ExportResult> {
  if (req.format !== 'json' && !req.allowIncomplete) {
    const problems = exportProblems(issue);
    if (problems.length) return { ok: false, problems };
  }
  const doc = buildExport(issue, { approvedOnly: req.approvedOnly, articleIds: req.articleIds });
  const r = RENDERERS[req.format];
  if (req.split) {
    await fs.mkdir(req.output, { recursive: true });
    const names = uniqueFileNames(doc.articles.map((a) => a.title), r.ext);
    const bodies = r.perArticle(doc);
    const files: string[] = [];
    for (let i = 0; i < names.length; i++) {
      const file = path.join(req.output, names[i]);
      await saveAtomic(file, bodies[i], { backup: false });
      files.push(file);
    }
    return { ok: true, files, articles: doc.articles.length };
  }
  await saveAtomic(req.output, r.whole(doc), { backup: false });
  return { ok: true, files: [req.output], articles: doc.articles.length };
}
