import { ISSUE_FORMAT, SCHEMA_VERSION } from './schema';
import type { Issue, Page } from './types';
import { findFragment } from './lookup';

/** A new issue holding the given pages, every fragment in the unassigned pool in source order. */
export function createIssue(
  pages: Page[],
  meta: { id?: string; title: string; publication?: string; date?: string },
): Issue {
  return {
    format: ISSUE_FORMAT,
    version: SCHEMA_VERSION,
    id: meta.id ?? `issue-${Date.now().toString(36)}`,
    title: meta.title,
    ...(meta.publication ? { publication: meta.publication } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    pages,
    articles: [],
    pool: pages.flatMap((p) => p.fragments.map((f) => f.id)),
    discarded: [],
    history: [],
    nextId: 1,
  };
}

/**
 * A fresh id with the given prefix that the issue does not use yet. Ids come from the issue's counter; the counter
 * alone is not enough (imported ids such as `p1.3` or ids from another session may already hold that number), so
 * used ids are skipped. `offset` asks for the n-th next id when a caller needs several ids before applying an op.
 */
export function nextFreeId(issue: Issue, prefix: string, offset = 0): string {
  const used = (id: string) => !!findFragment(issue, id) || issue.articles.some((a) => a.id === id);
  let n = issue.nextId;
  let skipped = 0;
  for (;;) {
    const id = `${prefix}${n}`;
    if (!used(id)) {
      if (skipped === offset) return id;
      skipped++;
    }
    n++;
  }
}
