import type { Issue } from '../model/types';
import { applyOp } from '../ops/apply';
import { suggest } from './engine';
import { suggestionOps, type SuggestionSelection } from './to-ops';
import type { SuggestOptions, Suggestions } from './types';

/**
 * Suggests and applies the confident decisions in one batch operation (recorded in the history as one
 * correction). Returns the new issue, the suggestions and how many fragments were placed.
 */
export function applySuggestions(
  issue: Issue,
  options: SuggestOptions & SuggestionSelection = {},
  at?: string,
): { issue: Issue; applied: number; suggestions: Suggestions } {
  const suggestions = suggest(issue, options);
  const op = suggestionOps(issue, suggestions, options);
  if (!op || op.type !== 'batch') return { issue, applied: 0, suggestions };
  const applied = op.ops.filter((o) => o.type === 'moveFragments').length;
  return { issue: applyOp(issue, op, { at }).issue, applied, suggestions };
}
