import type { Issue } from '../../../shared/model/types';
import { applySuggestions } from '../../../shared/suggest/apply';

/**
 * Applies the suggestion engine's confident decisions (used by `galley import --auto` and `galley suggest
 * --apply`): one batch operation, recorded in the history; everything not confident stays unassigned.
 */
export function applyConfidentSuggestions(issue: Issue, minConfidence?: number): { issue: Issue; applied: number } {
  const r = applySuggestions(issue, { minConfidence }, new Date().toISOString());
  return { issue: r.issue, applied: r.applied };
}
