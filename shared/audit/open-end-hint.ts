import type { Issue, OpenEndResolution } from '../model/types';
import { findFragment, placeOf } from '../model/lookup';
import { pageMatches, parseJumpCues } from '../suggest/cues';

/** A proposed resolution of an open end, with the reason it is proposed. */
export interface OpenEndHint {
  as: OpenEndResolution;
  /** Page label the text continues on (with `elsewhere`). */
  page?: string;
  why: 'jump-line' | 'linked' | 'dash';
}

/** A paragraph closed by a dash (printed "——"; extraction often leaves a single "-" or "—"), quotes allowed after it. */
const TRAILING_DASH = /[-‐‑‒–—―─━]+["'”’」』）)]*\s*$/u;

/**
 * What an open end most likely is, from what the page itself says (null when nothing does; the proofreader decides):
 * - a jump line `（下转第三版）` / "Continued on page 5" at the end of the fragment, or on a jump or other non-body
 *   item right after it in its article → continues elsewhere, on that page (the issue's page label when one matches);
 * - the next item of the article is on another page of the issue (already linked, not joined) → continues there;
 * - the text closes with a dash (house style "——") → ends here.
 */
export function openEndHint(issue: Issue, id: string): OpenEndHint | null {
  const f = findFragment(issue, id);
  const place = placeOf(issue, id);
  if (!f || place?.kind !== 'article') return null;
  const items = issue.articles.find((a) => a.id === place.articleId)?.items ?? [];
  const following = [f];
  for (let i = place.index + 1; i < items.length; i++) {
    const g = findFragment(issue, items[i].id);
    if (!g || g.role === 'body') break;
    following.push(g);
  }
  for (const g of following) {
    const cue = parseJumpCues(g.text).find((c) => c.direction === 'to');
    if (cue)
      return {
        as: 'elsewhere',
        page: issue.pages.find((p) => pageMatches(cue.page, p.label))?.label ?? cue.page,
        why: 'jump-line',
      };
  }
  const next = items[place.index + 1] ? findFragment(issue, items[place.index + 1].id) : undefined;
  if (next && next.page !== f.page) {
    const label = issue.pages.find((p) => p.id === next.page)?.label;
    if (label) return { as: 'elsewhere', page: label, why: 'linked' };
  }
  if (TRAILING_DASH.test(f.text)) return { as: 'ends', why: 'dash' };
  return null;
}
