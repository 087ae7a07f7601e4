import { z } from 'zod';

/**
 * The on-disk and in-memory document model of a Galley issue (`*.galley.json`).
 *
 * Invariant guarded by `audit()` and the property tests: every non-space character of every page's `original`
 * is covered by exactly one fragment span (or by a page markup span such as a `#` heading mark), and every
 * fragment id is in exactly one place: an article, the unassigned pool or the discard pile.
 */
export const SCHEMA_VERSION = 1;
export const ISSUE_FORMAT = 'galley-issue';

export const ROLES = [
  'kicker',
  'headline',
  'deck',
  'subhead',
  'dateline',
  'byline',
  'body',
  'caption',
  'credit',
  'jump',
  'other',
] as const;
export const RoleSchema = z.enum(ROLES);

export const REVIEW_STATUSES = ['draft', 'corrected', 'approved'] as const;
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);

const Id = z.string().min(1).max(200);

/** A half-open range [start, end) of UTF-16 offsets into a page's original text. */
export const SpanSchema = z
  .strictObject({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'span end before start' });

/** A region on the page image, in the page's own coordinate units (pixels of `image`, or ALTO units). */
export const BoxSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  w: z.number().nonnegative(),
  h: z.number().nonnegative(),
});

/**
 * How the proofreader settled an open end (a body fragment that ends mid-sentence with nothing joined after it):
 * `lost` — text is lost here (a lost line, damaged print); `elsewhere` — the text continues on another page of the
 * issue (`page` is that page's label when known); `ends` — the paragraph really ends here (house style, such as a
 * trailing "——"). Kept on the fragment, so it follows the fragment when it moves; see shared/ops/open-end-ops.ts
 * for when an edit drops it.
 */
export const OPEN_END_RESOLUTIONS = ['lost', 'elsewhere', 'ends'] as const;
export const OpenEndResolutionSchema = z.enum(OPEN_END_RESOLUTIONS);
export const OpenEndSchema = z.strictObject({
  as: OpenEndResolutionSchema,
  /** Label of the page the text continues on (only with `elsewhere`). */
  page: z.string().min(1).max(100).optional(),
  /** Who settled it (the host's user name; '' when unknown) and when (ISO time). */
  by: z.string().max(200),
  at: z.string().max(64),
});

export const FragmentSchema = z.strictObject({
  id: Id,
  page: Id,
  /** Where this fragment's text came from. Several spans after a merge; never empty. */
  spans: z.array(SpanSchema).min(1),
  /** The current (possibly corrected) text. The original stays in `page.original`. */
  text: z.string(),
  role: RoleSchema,
  /** Extraction hint, e.g. `h2` for a line set large (`##`), kept apart from the role the proofreader sets. */
  hint: z.string().max(20).optional(),
  box: BoxSchema.optional(),
  /** The proofreader's resolution of this fragment's open end; optional, so files written before it still open. */
  openEnd: OpenEndSchema.optional(),
});

export const PageImageSchema = z.strictObject({
  /** Path relative to the issue file, or a data URL for small generated images. */
  src: z.string().max(50_000_000),
  width: z.number().positive(),
  height: z.number().positive(),
  mime: z.string().max(100).optional(),
});

export const PageSchema = z.strictObject({
  id: Id,
  label: z.string().max(100),
  /** The page text as extracted, never modified after import. */
  original: z.string(),
  encoding: z.string().max(50),
  /** Spans of the original that are formatting, not text (heading marks like `## `). */
  markup: z.array(SpanSchema).default([]),
  /** Fragments of this page in source order. */
  fragments: z.array(FragmentSchema),
  source: z.strictObject({ name: z.string().max(4096), format: z.string().max(50) }).optional(),
  image: PageImageSchema.optional(),
  /** Coordinate space of fragment boxes, when the source had one. */
  size: z.strictObject({ width: z.number().positive(), height: z.number().positive() }).optional(),
});

export const ArticleItemSchema = z.strictObject({
  id: Id,
  /** True when this fragment continues the previous one's paragraph (a paragraph cut across columns). */
  join: z.boolean(),
});

export const ArticleSchema = z.strictObject({
  id: Id,
  /** Explicit title; when absent, the title is derived from the headline fragment. */
  title: z.string().max(2000).optional(),
  items: z.array(ArticleItemSchema),
  status: ReviewStatusSchema,
  review: z.strictObject({ by: z.string().max(200), at: z.string().max(64) }).optional(),
});

/** One recorded correction: the operation as the proofreader intended it, and when. */
export const CorrectionSchema = z.strictObject({
  op: z.record(z.string(), z.unknown()),
  at: z.string().max(64),
  by: z.string().max(200).optional(),
});

export const IssueSchema = z.strictObject({
  format: z.literal(ISSUE_FORMAT),
  version: z.literal(SCHEMA_VERSION),
  id: Id,
  title: z.string().max(2000),
  publication: z.string().max(2000).optional(),
  date: z.string().max(64).optional(),
  pages: z.array(PageSchema),
  articles: z.array(ArticleSchema),
  /** Fragments not yet placed, kept in source order. */
  pool: z.array(Id),
  /** Fragments marked as noise (page furniture, OCR garbage); still kept, never deleted. */
  discarded: z.array(Id),
  history: z.array(CorrectionSchema),
  /** Counter for new ids, so that ids stay unique across sessions and replays. */
  nextId: z.number().int().nonnegative(),
});
