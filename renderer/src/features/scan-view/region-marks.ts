import type { Issue, Page } from '@shared/model/types';
import { articleSwatch } from '../../model/colors';
import type { RegionMark } from './ScanView';

/** Colour of unassigned (pool) and discarded regions: neutral, so article colours stand out. */
export const POOL_COLOR = '#4b5563';
export const DISCARD_COLOR = '#9ca3af';

export interface PageMarks {
  colors: Record<string, string>;
  marks: Record<string, RegionMark>;
}

/**
 * How each region of a page is drawn, from where its fragment lives: an article's swatch colour and number,
 * dashed grey in the pool, faded in the discard pile. Same cues as the text rows (PageRow), so the two views read
 * alike; the number means colour is never the only cue.
 */
export function pageMarks(issue: Issue, page: Page): PageMarks {
  const where = new Map<string, number>();
  issue.articles.forEach((a, i) => {
    for (const it of a.items) where.set(it.id, i);
  });
  for (const id of issue.discarded) where.set(id, -2);
  const colors: Record<string, string> = {};
  const marks: Record<string, RegionMark> = {};
  for (const f of page.fragments) {
    const i = where.get(f.id) ?? -1;
    if (i >= 0) {
      const sw = articleSwatch(i);
      colors[f.id] = sw.color;
      marks[f.id] = { badge: String(sw.number) };
    } else if (i === -2) {
      colors[f.id] = DISCARD_COLOR;
      marks[f.id] = { faded: true, badge: '✕' };
    } else {
      colors[f.id] = POOL_COLOR;
      marks[f.id] = { dashed: true };
    }
  }
  return { colors, marks };
}

/** Whether an image source can be shown as it is (embedded), or is a path the host must read. */
export function isInlineImage(src: string): boolean {
  return /^(data|blob):/i.test(src);
}
