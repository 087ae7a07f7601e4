import type { Role } from '../model/types';

/**
 * What the suggestion engine returns. Everything is plain data (structured-clone safe) so it crosses a Web
 * Worker boundary unchanged. Confidences are probabilities in [0, 1]; `confident` marks decisions at or above
 * the calibrated threshold (`DEFAULT_MIN_CONFIDENCE`) or the one asked for.
 */
export interface RoleSuggestion {
  role: Role;
  confidence: number;
  reason: string;
}

/** One possible continuation of a fragment: B follows A in the same article. */
export interface Continuation {
  id: string;
  /** Pair score (log-odds scale; higher is better). */
  score: number;
  /** Share of this candidate among A's alternatives (including "ends here"). */
  probability: number;
  /** B continues A's paragraph (A is cut mid-sentence). */
  join: boolean;
  reasons: string[];
}

export interface FragmentSuggestion {
  id: string;
  page: string;
  role: RoleSuggestion;
  /** The text ends a sentence (or is a headline-like line). */
  complete: boolean;
  /** Up to three best continuations, best first. */
  candidates: Continuation[];
  /**
   * Up to three best predecessors (fragments this one could follow), best first, scored as `candidates` are; the
   * `probability` is the share among this fragment's possible predecessors (including "starts here").
   */
  predecessors?: Continuation[];
}

/** One placement decision: `id` goes after `after` (null: first of the article). */
export interface PlacementItem {
  id: string;
  join: boolean;
  /** Confidence of the link to the previous item (or of starting the article, for the first item). */
  confidence: number;
  confident: boolean;
  /** Already placed by the proofreader: a hard constraint, not a suggestion. */
  fixed: boolean;
  reasons: string[];
}

export interface ArticleSuggestion {
  /** Existing article this extends, or null for a proposed new article. */
  articleId: string | null;
  /** A readable title (the headline text, else the first words). */
  title: string;
  items: PlacementItem[];
  /** Mean confidence of the suggested (non-fixed) items. */
  confidence: number;
}

export interface OpenEnd {
  id: string;
  reason: string;
}

export interface Suggestions {
  /** Per fragment of the pages considered (pool and placed fragments alike). */
  fragments: Record<string, FragmentSuggestion>;
  /** Proposed articles in page order: existing articles that get continuations, then new ones. */
  articles: ArticleSuggestion[];
  /** Fragments cut mid-sentence with no plausible continuation on the page: flagged, never forced. */
  openEnds: OpenEnd[];
  /** The threshold used for `confident`. */
  minConfidence: number;
  stats: { fragments: number; ms: number };
}

/** Hard constraints beyond what the issue already says (the articles are always respected). */
export interface SuggestConstraints {
  /** Pairs the proofreader rejected: never suggest `to` right after `from`. */
  forbidLinks?: Array<{ from: string; to: string }>;
  /**
   * Links the proofreader confirmed: `to` right after `from`. Every competing link (another successor of `from`,
   * another predecessor of `to`) is forbidden, so a re-solve reads the rest of the page around them.
   */
  fixLinks?: Array<{ from: string; to: string }>;
}

export interface SuggestOptions {
  /** Pages to work on (ids); default all pages. */
  pageIds?: string[];
  constraints?: SuggestConstraints;
  /** Threshold for `confident` flags; default DEFAULT_MIN_CONFIDENCE. */
  minConfidence?: number;
  /** Consider placed fragments too (re-solve everything); default false: only pool fragments move. */
  includePlaced?: boolean;
}
