import type { z } from 'zod';
import type {
  ArticleItemSchema,
  ArticleSchema,
  BoxSchema,
  OpenEndSchema,
  OpenEndResolutionSchema,
  CorrectionSchema,
  FragmentSchema,
  IssueSchema,
  PageSchema,
  ReviewStatusSchema,
  RoleSchema,
  SpanSchema,
} from './schema';

export type Role = z.infer<typeof RoleSchema>;
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;
export type Span = z.infer<typeof SpanSchema>;
export type Box = z.infer<typeof BoxSchema>;
export type OpenEndStamp = z.infer<typeof OpenEndSchema>;
export type OpenEndResolution = z.infer<typeof OpenEndResolutionSchema>;
export type Fragment = z.infer<typeof FragmentSchema>;
export type Page = z.infer<typeof PageSchema>;
export type ArticleItem = z.infer<typeof ArticleItemSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
export type Issue = z.infer<typeof IssueSchema>;

/** Where a fragment lives. Exactly one of these holds for every fragment at every moment. */
export type Place =
  | { kind: 'article'; articleId: string; index: number }
  | { kind: 'pool'; index: number }
  | { kind: 'discard'; index: number };
