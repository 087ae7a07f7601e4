import type { Issue } from '@shared/model/types';
import type { CommandContext } from '../../renderer/src/commands/types';
import { sampleIssue } from './workbench-harness';

/** Id of the sample page's fragment whose text contains `needle` (read from the issue, not hard-coded). */
export function fragmentWith(issue: Issue, needle: string): string {
  const f = issue.pages[0].fragments.find((x) => x.text.includes(needle));
  if (!f) throw new Error(`no fragment contains ${needle}`);
  return f.id;
}

/**
 * The sample issue loaded into the store with one article holding the fragments that contain the needles (one
 * undo step), selected; history cleared so tests count only their own steps.
 */
export function withArticle(
  ctx: CommandContext,
  needles: string[],
  issue: Issue = sampleIssue(),
): { ids: string[]; articleId: string } {
  const s = ctx.store.getState();
  s.load(issue, null);
  const ids = needles.map((n) => fragmentWith(issue, n));
  s.apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ids });
  const doc = ctx.store.getState().doc!;
  ctx.store.getState().load(doc, null);
  ctx.store.getState().selectArticle('a1');
  return { ids, articleId: 'a1' };
}
