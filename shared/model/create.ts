import { ISSUE_FORMAT, SCHEMA_VERSION } from './schema';
import type { Issue, Page } from './types';

/** A new issue holding the given pages, every fragment in the unassigned pool in source order. */
export function createIssue(pages: Page[], meta: { id?: string; title: string; publication?: string; date?: string }): Issue {
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

/** A fresh id with the given prefix that the issue does not use yet (ids come from the issue's counter). */
export function nextFreeId(issue: Issue, prefix: string, offset = 0): string {
  return `${prefix}${issue.nextId + offset}`;
}
