import type { Page } from '../model/types';

/**
 * What the ALTO reader (shared/import/alto.ts) keeps of a page's layout besides the page itself: the blocks with
 * their ALTO ids and text offsets. The METS/ALTO export (shared/export/mets-alto.ts) writes the same shapes, so
 * they live here, imported by both sides rather than by one from the other.
 */
export interface AltoStringRef {
  id: string;
  start: number;
  end: number;
}
export interface AltoBlock {
  /** The TextBlock ID in the ALTO file (what METS areas point at). */
  id: string;
  /** The Galley fragment made from it; absent for blocks without text. */
  fragmentId?: string;
  start: number;
  end: number;
  /** IDs of the ComposedBlocks that contain this block, outermost first. */
  composed: string[];
  strings: AltoStringRef[];
}
export interface AltoPageResult {
  page: Page;
  blocks: AltoBlock[];
  /** The ALTO `Page` ID (`P1`), which METS may reference. */
  altoPageId?: string;
  measurementUnit: string;
  /** `sourceImageInformation/fileName` when it is a relative path (a scan next to the ALTO file). */
  imageHref?: string;
  /** IDs of ComposedBlocks, Illustrations and GraphicalElements: METS may point at them though they hold no text. */
  otherIds: Set<string>;
  warnings: string[];
}
