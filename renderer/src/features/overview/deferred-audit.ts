import type { Issue } from '@shared/model/types';
import { audit, type AuditReport } from '@shared/audit/audit';

/**
 * The audit off the hot path (issue 8). On a 20,000-fragment issue one audit takes ~100 ms, far more than a
 * frame; running it synchronously in the first selector that asks after every drop or keystroke made every edit
 * janky. So:
 * - small issues (≤ SYNC_LIMIT fragments), and the first audit of an issue, are computed at once (exact, cheap);
 * - for a big issue, a new version first gets the previous version's report (stale by one idle period) while
 *   the fresh one is computed in an idle callback; `onAuditReady` listeners are then told (the app pings its
 *   store so the status bar and open-end marks re-render).
 * Reports are cached per document version (immer keeps unchanged versions identical).
 */
export const SYNC_LIMIT = 3000;

const cache = new WeakMap<Issue, AuditReport>();
let latest: { issueId: string; report: AuditReport } | null = null;
let pending: Issue | null = null;
const listeners = new Set<() => void>();

const size = (issue: Issue) => issue.pages.reduce((n, p) => n + p.fragments.length, 0);

type Idle = (cb: () => void, opts?: { timeout: number }) => unknown;
function whenIdle(cb: () => void): void {
  const ric = (globalThis as { requestIdleCallback?: Idle }).requestIdleCallback;
  if (ric) ric(cb, { timeout: 300 });
  else setTimeout(cb, 50);
}

function compute(issue: Issue): AuditReport {
  const r = audit(issue);
  cache.set(issue, r);
  latest = { issueId: issue.id, report: r };
  return r;
}

/** The audit of this version, or, while a big issue's fresh audit is pending, the previous version's. */
export function auditFor(issue: Issue): AuditReport {
  const hit = cache.get(issue);
  if (hit) return hit;
  if (!latest || latest.issueId !== issue.id || size(issue) <= SYNC_LIMIT) return compute(issue);
  if (pending !== issue) {
    const first = !pending;
    pending = issue;
    if (first) {
      whenIdle(() => {
        // Only the newest version is worth auditing; versions skipped in between are never shown.
        const doc = pending!;
        pending = null;
        if (!cache.has(doc)) compute(doc);
        listeners.forEach((l) => l());
      });
    }
  }
  return latest.report;
}

/** Told when a deferred audit finished. Returns the unsubscribe function. */
export function onAuditReady(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
