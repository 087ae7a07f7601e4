import type { Issue } from '../../../shared/model/types';
import { applySuggestions } from '../../../shared/suggest/apply';
import { DEFAULT_MIN_CONFIDENCE } from '../../../shared/suggest/engine';
import { CliError } from '../cli-error';

/** `--min-confidence X` (from 0 to 1; the calibrated default when absent), or a one-line error. */
export function parseMinConfidence(raw: string | undefined): number {
  const x = raw === undefined ? DEFAULT_MIN_CONFIDENCE : Number(raw);
  if (raw?.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1)
    throw new CliError(`--min-confidence must be a number from 0 to 1, not "${raw}"`);
  return x;
}

/**
 * Applies the suggestion engine's confident decisions (used by `galley import --auto` and `galley suggest
 * --apply`): one batch operation, recorded in the history; everything not confident stays unassigned.
 */
export function applyConfidentSuggestions(issue: Issue, minConfidence?: number): { issue: Issue; applied: number } {
  const r = applySuggestions(issue, { minConfidence }, new Date().toISOString());
  return { issue: r.issue, applied: r.applied };
}
