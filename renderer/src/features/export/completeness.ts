import type { TFunction } from 'i18next';
import type { Issue } from '@shared/model/types';
import { audit, articleOpenEnds, textIntact } from '@shared/audit/audit';
import { buildExport } from '@shared/export/build';
import { articleTitle, findFragment } from '@shared/model/lookup';
import type { ExportFormatName, ZipInner } from './export-state';

/** Characters of text quoted to name a fragment: enough to find it on the page, short enough for a list line. */
export const QUOTE_CHARS = 14;
/** Characters of an article title in a list line (titles taken from a long first paragraph are cut). */
const TITLE_CHARS = 20;
/** Examples of unplaced text named in the warning; the count says how many there are. */
const UNPLACED_EXAMPLES = 3;

/**
 * Whether a format is held to the audit (the host's export gate, electron/host/services/export-service.ts): the
 * publication formats are; `json` (the complete data) and PAGE XML (one file per page, every region) are not.
 */
export function isGated(format: ExportFormatName, inner: ZipInner): boolean {
  const f = format === 'zip' ? inner : format;
  return f !== 'json' && f !== 'page';
}

/** The first words of a text (`本报记者蹲点北仑区…`). */
export function head(text: string, n = QUOTE_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

/** The last words of a text (`…招聘会如何`): where an open end stops. */
export function tail(text: string, n = QUOTE_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `…${t.slice(-n)}` : t;
}

/**
 * What keeps the export from being complete, in words a proofreader can act on, before any file is chosen: the
 * article by its title and the text by its first or last words (not fragment ids). Same checks as the host's
 * gate: the text check, text not in any article (issue-wide), open ends and empty articles among the exported
 * articles. Empty when complete or when the format is not gated.
 */
export function completenessProblems(
  issue: Issue,
  scope: { articleIds?: readonly string[]; approvedOnly?: boolean },
  t: TFunction,
): string[] {
  const r = audit(issue);
  const exported = new Set(buildExport(issue, scope).articles.map((a) => a.id));
  const out: string[] = [];
  if (!textIntact(r)) out.push(t('editors.export.check.text'));
  if (r.unassigned.length) {
    const quotes = r.unassigned
      .slice(0, UNPLACED_EXAMPLES)
      .map((id) => `“${head(findFragment(issue, id)?.text ?? '')}”`)
      .join(t('editors.export.check.sep'));
    out.push(
      t('editors.export.check.unplaced', {
        count: r.unassigned.length,
        quotes: quotes + (r.unassigned.length > UNPLACED_EXAMPLES ? t('editors.export.check.more') : ''),
      }),
    );
  }
  for (const a of issue.articles) {
    if (!exported.has(a.id)) continue;
    const title =
      head(articleTitle(issue, a), TITLE_CHARS) || t('article.untitled', { n: issue.articles.indexOf(a) + 1 });
    if (r.emptyArticles.includes(a.id)) {
      out.push(t('editors.export.check.empty', { title }));
      continue;
    }
    for (const id of articleOpenEnds(issue, a))
      out.push(t('editors.export.check.openEnd', { title, quote: tail(findFragment(issue, id)?.text ?? '') }));
  }
  return out;
}
