import type { Issue } from '@shared/model/types';
import { audit, type AuditReport } from '@shared/audit/audit';
import { createIncrementalAudit } from '@shared/audit/incremental';
import { primePlacements } from './placements';
import { whenIdle } from '../platform/when-idle';

/**
 * The audit of every document version, off the hot path.
 *
 * Edits produce frozen versions (immer), and the incremental audit (shared/audit/incremental.ts) diffs a frozen
 * version against the previous one: a drop or a keystroke on a 20,000-fragment issue costs a fraction of a
 * millisecond instead of a full audit, so every version gets its exact report at once. Two cases cost more:
 * - a document just opened is not frozen yet (parsed, never through an operation): its first report is the full
 *   audit; then, in an idle callback, the document is frozen (as immer would do at the first edit anyway) and the
 *   incremental audit is primed with it, so that the first edit finds nothing to rebuild;
 * - a big unfrozen version that is not the first of its issue (should not happen: only operations make versions)
 *   gets the previous version's report while the fresh one is computed in an idle callback; `onAuditReady`
 *   listeners are then told (the app pings its store so the status bar and open-end marks re-render).
 * Reports are cached per document version.
 */
export const SYNC_LIMIT = 3000;

const cache = new WeakMap<Issue, AuditReport>();
const incremental = createIncrementalAudit();
let latest: { issueId: string; report: AuditReport } | null = null;
let pending: Issue | null = null;
let priming: Issue | null = null;
/** The version asked for last. */
let asked: Issue | null = null;
const listeners = new Set<() => void>();

const size = (issue: Issue) => issue.pages.reduce((n, p) => n + p.fragments.length, 0);

/** The longest a deferred audit waits for an idle moment. */
const IDLE_TIMEOUT_MS = 300;

function remember(issue: Issue, r: AuditReport): AuditReport {
  cache.set(issue, r);
  latest = { issueId: issue.id, report: r };
  return r;
}

function deepFreeze(o: unknown): void {
  if (!o || typeof o !== 'object' || Object.isFrozen(o)) return;
  Object.freeze(o);
  for (const v of Object.values(o)) deepFreeze(v);
}

/** After a big document's first (full) audit: freeze it and let the incremental audit index it, when idle. */
function prime(issue: Issue): void {
  if (priming) {
    priming = issue;
    return;
  }
  priming = issue;
  whenIdle(() => {
    const doc = priming!;
    priming = null;
    deepFreeze(doc);
    // An edit came first: its (frozen) version already built the incremental state; going back would be waste.
    if (asked !== doc) return;
    incremental(doc);
    primePlacements(doc);
  }, IDLE_TIMEOUT_MS);
}

/** The audit of this version, or, while a big unfrozen version's audit is pending, the previous version's. */
export function auditFor(issue: Issue): AuditReport {
  asked = issue;
  const hit = cache.get(issue);
  if (hit) return hit;
  if (Object.isFrozen(issue)) return remember(issue, incremental(issue));
  const big = size(issue) > SYNC_LIMIT;
  if (!big) return remember(issue, audit(issue));
  if (!latest || latest.issueId !== issue.id) {
    const r = remember(issue, audit(issue));
    prime(issue);
    return r;
  }
  if (pending !== issue) {
    const first = !pending;
    pending = issue;
    if (first) {
      whenIdle(() => {
        // Only the newest version is worth auditing; versions skipped in between are never shown.
        const doc = pending!;
        pending = null;
        if (!cache.has(doc)) remember(doc, audit(doc));
        listeners.forEach((l) => l());
      }, IDLE_TIMEOUT_MS);
    }
  }
  return latest.report;
}

/** Told when a deferred audit finished. Returns the unsubscribe function. */
export function onAuditReady(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
