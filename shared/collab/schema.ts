import type { Box, OpenEndStamp, Role, Span } from '../model/types';

/**
 * The layout of an issue's CRDT document (a LoroDoc). See docs/collaboration.md for the model.
 *
 * The atoms are *pieces*. Every fragment the issue had when it was first shared is a *root*; a split cuts a piece
 * of a root in two, a merge *absorbs* one piece into another fragment. A root's original spans are partitioned by
 * its pieces' cut offsets and its text (one LoroText per root) by its pieces' cursors, so every character of the
 * original and of the corrected text is in exactly one piece whatever the merge order; every piece has exactly one
 * `place` register, so it is in exactly one container. The invariant holds by construction.
 */
export const C = {
  /** Issue id, title, publication, date, the page order and the seed's fingerprint. */
  meta: 'meta',
  /** Page id → the page without its fragments (label, original, markup, …); written once by the seed. */
  pages: 'pages',
  /** Root id → its original spans (JSON); written once by the seed. */
  roots: 'roots',
  /** Root id → LoroText: the corrected text of all the root's pieces, end to end. */
  texts: 'texts',
  /** Piece id → LoroMap of registers (see PieceState). */
  pieces: 'pieces',
  /** Reading order: every piece once (a movable list never duplicates an element under concurrent moves). */
  order: 'order',
  /** Page order of the pieces (`Page.fragments`, the pool's source order): a split inserts after the fragment. */
  source: 'source',
  /** Order of pieces inside their roots, for cursors that coincide (empty pieces). */
  cutOrder: 'cutOrder',
  /** Article id → LoroMap {title, status, review, alive}. */
  articles: 'articles',
  /** Article order (movable list of ids; deleted articles stay, marked dead). */
  articleOrder: 'articleOrder',
  /** The correction history (Issue.history), appended. */
  history: 'history',
  /** Peer id → the highest id counter it used (Issue.nextId is their maximum). */
  nextIds: 'nextIds',
  /** Conflict key → Conflict (JSON), written when a merge finds one; `reviewed` set by the proofreader. */
  conflicts: 'conflicts',
  /** Peer id → {personId, name}: who wrote with that peer id. */
  people: 'people',
} as const;

/** Where a piece is. `in:<id>` means absorbed into (merged after) that piece. */
export type PlaceCode = 'pool' | 'discard' | `a:${string}` | `in:${string}`;

/** The registers of one piece (each a last-writer-wins map entry). */
export interface PieceState {
  root: string;
  page: string;
  /** Start of this piece in its root's original coordinates (0 for the root itself). */
  cut: number;
  /** Where this piece's text starts in its root's LoroText (encoded Loro cursor); null for a root or the end. */
  cursor: number[] | null;
  place: PlaceCode;
  /** Order among the pieces absorbed into the same fragment. */
  seq: number;
  join: boolean;
  /** Text before this piece's own text (the space a merge puts between Latin words). */
  lead: string;
  role: Role;
  hint: string | null;
  box: Box | null;
  openEnd: OpenEndStamp | null;
}

export interface RootState {
  spans: Span[];
}

/** A place both sides changed differently, or characters both sides edited: one kept, the other recorded. */
export interface Conflict {
  key: string;
  kind: 'place' | 'text' | 'op';
  fragmentId: string;
  /** What the merged document holds, and what the other side had (readable: an article title, a text). */
  kept: string;
  other: string;
  /** Who made each choice, when known (names from the people map). */
  keptBy?: string;
  otherBy?: string;
  reviewed: boolean;
}

export const placeOfArticle = (id: string): PlaceCode => `a:${id}`;
export const placeInto = (id: string): PlaceCode => `in:${id}`;
