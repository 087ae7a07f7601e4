import scorer from './model/link-scorer.json';

/**
 * Calibrated confidences. The engine's decisions come with a raw confidence (a margin over the alternatives, a
 * role's certainty, a rate observed for one kind of link) that says which decision is surer than which, but not how
 * often it is right. A small fitted model per kind of decision (gradient-boosted stumps for links, a logistic
 * regression for article starts), fitted by scripts/fit-link-scorer.ts on practice
 * pages of the tuning part that the rest of the engine was not tuned on (the calibration split), turns the raw
 * confidence and the facts around it into the probability that the decision is right. Ordering does not change:
 * only the confidences shown, `confident`, and the default threshold.
 */

/** A decision of the whole reading: an article start, or the link of an item to the one before it. */
export type DecisionKind = 'start' | 'link';

/** Features of a link decision (B right after A), in the order of the fitted weights. */
export const LINK_FEATURES = [
  'bias',
  /** logit of the engine's raw confidence (margin model, heading group, plain pair, grouping margin). */
  'raw',
  /** a stage-1 join inside a unit (a chain of clear mid-sentence joins). */
  'unitJoin',
  /** a link inside a heading group (kicker, headline, deck). */
  'headingGroup',
  /** a caption or credit placed after the nearest text above it. */
  'side',
  /** the link is a join (B continues A's paragraph). */
  'join',
  /** a plain break or plain join between two deep blocks next to each other. */
  'plain',
  /** B stands right after A in source order. */
  'next',
  /** B stands 2–3 places after A. */
  'near',
  /** B stands before A in source order. */
  'back',
  /** ln(1 + |distance in source order|) / 3. */
  'distance',
  /** the band parser reads the link inside interleaved columns. */
  'band',
  /** logit of how sure the grouping is that B belongs to the article (0 when it is not asked). */
  'member',
  /** the link's score (join or break, log-odds scale), clamped to [−10, 15] and divided by 5. */
  'score',
  /** A ends a sentence. */
  'aComplete',
  /** first-line indent evidence of B, in [−1, 1]. */
  'indentB',
  /** both A and B are one-line blocks (narrow columns come out a line at a time). */
  'lines',
  /** the page's modernity (0 for traditional text, 1 for simplified). */
  'modern',
  /** how far the link's score stands above A's best other successor (units of 5, clamped to [−2, 2]). */
  'rowGap',
  /** … above B's best other predecessor. */
  'colGap',
  /** the band parser's posterior of the link (0 outside bands). */
  'bandPosterior',
  /** logit of the raw confidence again, for a stage-1 join only (each kind of link has its own raw scale). */
  'unitRaw',
  /** … for a link inside a heading group (0.9 for a clear group, 0.6 for an ambiguous pair). */
  'headingRaw',
  /** … for a caption or credit. */
  'sideRaw',
  /** both A and B carry heading marks (`#`). */
  'marked',
  /** a plain paragraph break (the plain joins were right far less often on the calibration split). */
  'plainBreak',
  /** a paragraph break after an A cut mid-sentence (a lost line, or a join read as a break). */
  'breakAfterCut',
  /** a join after an A that ends a sentence. */
  'joinAfterEnd',
  /** A's last printed line is full (cut at a column foot) … */
  'lastFull',
  /** … or short (a paragraph's last line). */
  'lastShort',
] as const;

/** Features of an article start. */
export const START_FEATURES = [
  'bias',
  'raw',
  /** the article opens with a heading (kicker, headline, deck or jump line). */
  'heading',
  /** … with a dateline. */
  'dateline',
  /** … with neither: a body block with no headline found. */
  'orphan',
  /** the heading group has more than one line. */
  'group',
  /** the article is a single unit (nothing after its start). */
  'alone',
  /** the first line carries a heading mark (`#`). */
  'marked',
  /** logit of the least sure link inside the start's unit (0 for a single line). */
  'groupLink',
] as const;

export interface LogisticModel {
  features: readonly string[];
  weights: number[];
}

/** Gradient-boosted stumps: log-odds = base + Σ (x[k] ≤ t ? l : r) over [k, t, l, r]. */
export interface StumpsModel {
  features: readonly string[];
  base: number;
  stumps: Array<[number, number, number, number]>;
}

export interface LinkScorerFile {
  version: number;
  calibration: { link: StumpsModel; start: LogisticModel };
  /** The lowest confidence whose links reach the target precision on the calibration split. */
  minConfidence: number;
}

const file = scorer as unknown as LinkScorerFile;

/** Logit of a probability, clamped so that 0 and 1 stay finite. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-3, Math.max(1e-3, p));
  return Math.log(q / (1 - q));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Probability of a fitted logistic model for the feature vector x. */
export function predict(m: LogisticModel, x: ArrayLike<number>): number {
  let z = 0;
  for (let k = 0; k < m.weights.length; k++) z += m.weights[k] * (x[k] ?? 0);
  return sigmoid(z);
}

/** Probability of fitted boosted stumps for the feature vector x. */
export function predictStumps(m: StumpsModel, x: ArrayLike<number>): number {
  let z = m.base;
  for (const [k, t, l, r] of m.stumps) z += (x[k] ?? 0) <= t ? l : r;
  return sigmoid(z);
}

/** The calibrated probability that a decision of this kind is right. */
export function calibrate(kind: DecisionKind, x: ArrayLike<number>): number {
  return kind === 'link' ? predictStumps(file.calibration.link, x) : predict(file.calibration.start, x);
}

/** The default threshold for "confident", read off the calibration split by the fitting script. */
export const CALIBRATED_MIN_CONFIDENCE = file.minConfidence;
