import { z } from 'zod';
import { RoleSchema, ReviewStatusSchema, OpenEndResolutionSchema } from '../model/schema';

/**
 * Editorial operations as small, serializable intents ("move fragment F into article A after fragment G").
 * Ids of things an operation creates are part of the operation, so that replaying a history is deterministic
 * (and so that several proofreaders' histories can later be merged).
 */
const Id = z.string().min(1).max(200);

export const TargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('article'),
    articleId: Id,
    /** Insert after this fragment of the article; null inserts at the start. */
    after: Id.nullable(),
    /** Join the first moved fragment to the fragment before it (same paragraph). */
    join: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('pool') }),
  z.strictObject({ kind: z.literal('discard') }),
]);

const base = {
  /** Human label for the history ("Move 3 fragments to 灵峰社区…"); optional, derived when absent. */
  label: z.string().max(500).optional(),
};

/** Every operation but `batch`: the types of these are inferred from the schema, so they are written once. */
const LeafOpSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('createArticle'),
    articleId: Id,
    title: z.string().max(2000).optional(),
    index: z.number().int().nonnegative().optional(),
    fragmentIds: z.array(Id).max(200_000).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('renameArticle'), articleId: Id, title: z.string().max(2000).nullable() }),
  z.strictObject({ ...base, type: z.literal('deleteArticle'), articleId: Id }),
  z.strictObject({ ...base, type: z.literal('moveArticle'), articleId: Id, index: z.number().int().nonnegative() }),
  z.strictObject({
    ...base,
    type: z.literal('moveFragments'),
    fragmentIds: z.array(Id).min(1).max(200_000),
    to: TargetSchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal('splitFragment'),
    fragmentId: Id,
    offset: z.number().int().positive(),
    newId: Id,
  }),
  z.strictObject({ ...base, type: z.literal('mergeFragments'), fragmentId: Id, nextId: Id }),
  z.strictObject({ ...base, type: z.literal('setJoin'), fragmentId: Id, join: z.boolean() }),
  z.strictObject({ ...base, type: z.literal('editText'), fragmentId: Id, text: z.string().max(10_000_000) }),
  z.strictObject({
    ...base,
    type: z.literal('setRole'),
    fragmentIds: z.array(Id).min(1).max(200_000),
    role: RoleSchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal('setStatus'),
    articleId: Id,
    status: ReviewStatusSchema,
    by: z.string().max(200).optional(),
    at: z.string().max(64).optional(),
  }),
  /** Settles an open end (text lost / continues elsewhere on `page` / ends here); `as: null` removes the resolution. */
  z.strictObject({
    ...base,
    type: z.literal('resolveOpenEnd'),
    fragmentId: Id,
    as: OpenEndResolutionSchema.nullable(),
    page: z.string().min(1).max(100).optional(),
    by: z.string().max(200).optional(),
    at: z.string().max(64).optional(),
  }),
]);

const BatchHead = z.strictObject({ ...base, type: z.literal('batch') });

/**
 * One editorial operation. A batch holds operations: TypeScript cannot infer a type from a schema that refers to
 * itself, so only that step (`ops: Op[]`) is spelled out; everything else is the schemas' own.
 */
export type Op = z.infer<typeof LeafOpSchema> | (z.infer<typeof BatchHead> & { ops: Op[] });

export const OpSchema: z.ZodType<Op> = z.lazy(() =>
  z.discriminatedUnion('type', [...LeafOpSchema.options, BatchHead.extend({ ops: z.array(OpSchema).max(100_000) })]),
);

export type Target = z.infer<typeof TargetSchema>;

export type OpType = Op['type'];
