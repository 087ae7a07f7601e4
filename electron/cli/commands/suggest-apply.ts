import type { Issue } from '../../../shared/model/types';

/** Placeholder until the suggestion engine lands: applies nothing. Replaced by shared/suggest. */
export function applyConfidentSuggestions(issue: Issue): { issue: Issue; applied: number } {
  return { issue, applied: 0 };
}
