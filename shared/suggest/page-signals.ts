import type { Fragment } from '../model/types';
import type { RoleSuggestion } from './types';
import type { FragFeatures } from './features';
import { ambiguousHeadingPair, classifyRoles, HEADING_ROLES, peerHeadings } from './roles';
import { articleStarts, type ArticleStarts } from './article-starts';
import { buildPageCache, type PageCache } from './page-cache';
import { cosineMatrix, terms, tfidf } from './topic';
import { indentEvidence } from './indent';
import { readingOrder } from './xycut';

/**
 * The first stage of a page pass (signals): everything the later stages read about single fragments and about the
 * page as a whole, before any link is scored. Pure; the scorer, the calibration fit and the tests build it alike.
 */
export interface PageSignals {
  /** Fragment features in reading order (XY-cut order on pages with boxes, else source order). */
  F: FragFeatures[];
  roles: RoleSuggestion[];
  /** Heading-like: kicker, headline, deck, or a jump-from line (each starts or heads an article). */
  heading: boolean[];
  /** Set beside the text: captions, credits, furniture (placed after the nearest text, never linked into it). */
  side: boolean[];
  /** The page's own character statistics (page PMI) and modernity. */
  cache: PageCache;
  /** n × n topic cosines of the fragments (TF-IDF over character bigrams or words). */
  topicF: Float32Array;
  /** First-line indent evidence per fragment in [−1, 1] (indent.ts). */
  indent: Float64Array;
  /**
   * Article starts and ends the heading marks do not carry (article-starts.ts): continued parts, closing pen names,
   * jump-to lines, two headlines side by side.
   */
  artStarts: ArticleStarts;
}

/**
 * Signals of one page's kept fragments. `features` gives a fragment's features at its reading-order position (the
 * engine's caches it by content); `xycut` false keeps the file order.
 */
export function pageSignals(
  kept: Fragment[],
  features: (f: Fragment, index: number) => FragFeatures,
  xycut = true,
): PageSignals {
  const F = (xycut ? readingOrder(kept) : kept).map((f, i) => features(f, i));
  const isHeading = (r: RoleSuggestion[]) => F.map((f, i) => HEADING_ROLES.has(r[i].role) || !!f.jumpFrom);
  const roles0 = classifyRoles(F);
  const artStarts = articleStarts(F, roles0, isHeading(roles0), ambiguousHeadingPair, peerHeadings);
  const roles = artStarts.roles;
  const heading = isHeading(roles);
  return {
    F,
    roles,
    heading,
    side: F.map((f, i) => !!(f.caption || f.credit || f.furniture) || artStarts.attach[i]),
    cache: buildPageCache(F.map((f) => f.text)),
    topicF: cosineMatrix(tfidf(F.map((f) => terms(f.text, f.cjk)))),
    indent: indentEvidence(F, heading),
    artStarts,
  };
}
