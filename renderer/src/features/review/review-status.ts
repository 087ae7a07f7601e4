import type { ReviewStatus } from '@shared/model/types';
import { REVIEW_STATUSES } from '@shared/model/schema';
import type { HostApi } from '@shared/ipc/contract';
import type { CommandContext } from '../../commands/types';
import { articleOpenEnds } from '@shared/audit/audit';
import { appInfo } from '../../platform/app-info';

/** The user name the host reports (`app.info`, asked once per host); '' when the host cannot tell. */
export function userName(host: HostApi): Promise<string> {
  return appInfo(host).then((i) => i?.userName ?? '');
}

/** The status after `s` in the review order draft → corrected → approved; null at the end. */
export function nextStatus(s: ReviewStatus): ReviewStatus | null {
  const i = REVIEW_STATUSES.indexOf(s);
  return i >= 0 && i < REVIEW_STATUSES.length - 1 ? REVIEW_STATUSES[i + 1] : null;
}

/**
 * Sets an article's review status as one undo step, recording who (the host's user name) and when (now, ISO).
 * Resolves false when refused or when the article is gone.
 */
export async function setReviewStatus(
  ctx: CommandContext,
  articleId: string,
  status: ReviewStatus,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const by = await userName(ctx.host);
  const s = ctx.store.getState();
  const article = s.doc?.articles.find((a) => a.id === articleId);
  if (!s.doc || !article) return false;
  const ok = s.apply({ type: 'setStatus', articleId, status, by, at: now().toISOString() }, undefined, 'record');
  // Approving does not wait for open ends (the editor may know better), but says that some are still unsettled.
  const open = ok && status === 'approved' ? articleOpenEnds(s.doc, article).length : 0;
  if (open) s.notify('warning', ctx.t('editors.review.approvedWithOpenEnds', { count: open }));
  return ok;
}

/** Advances the selected article one step (draft → corrected → approved). */
export async function advanceStatus(ctx: CommandContext): Promise<boolean> {
  const s = ctx.store.getState();
  const a = s.doc?.articles.find((x) => x.id === s.selectedArticle);
  if (!a) return false;
  const next = nextStatus(a.status);
  if (!next) {
    s.notify('info', ctx.t('editors.review.alreadyApproved'));
    return false;
  }
  return setReviewStatus(ctx, a.id, next);
}

/** "10:42" for today, else "2026-11-27 10:42", in local time; the raw text when it is not a date. */
export function formatReviewTime(at: string, now: Date = new Date()): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay =
    d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? hm : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}
