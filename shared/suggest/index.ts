/**
 * The suggestion engine (docs/suggestions.md): roles, articles, reading order, paragraph joins and open ends for extracted
 * newspaper fragments, from text (and boxes when present). Pure TypeScript: runs in the CLI, in Node tests and
 * in a Web Worker (`shared/suggest/worker.ts`). See docs/suggestions.md.
 */
export { suggest, DEFAULT_MIN_CONFIDENCE, DEFAULT_PARAMS, type EngineParams } from './engine';
export { suggestionOps, type SuggestionSelection } from './to-ops';
export { applySuggestions } from './apply';
export type {
  Suggestions,
  SuggestOptions,
  SuggestConstraints,
  FragmentSuggestion,
  ArticleSuggestion,
  PlacementItem,
  Continuation,
  RoleSuggestion,
  OpenEnd,
} from './types';
