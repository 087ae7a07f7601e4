import type { Issue } from '@shared/model/types';
import { findArticle, findFragment } from '@shared/model/lookup';

/**
 * Fresh ids from the issue's counter. Operations carry the ids they create, so a saved history replays to the
 * same document; the loop only skips ids an imported file happens to use already.
 */
export function newArticleId(issue: Issue): string {
  for (let k = 0; ; k++) {
    const id = `a${issue.nextId + k}`;
    if (!findArticle(issue, id)) return id;
  }
}

export function newFragmentId(issue: Issue): string {
  for (let k = 0; ; k++) {
    const id = `f${issue.nextId + k}`;
    if (!findFragment(issue, id)) return id;
  }
}
