import type { Box, Page } from '@shared/model/types';

/**
 * Geometry of the scan view: the coordinate space boxes live in (the page's `size`, else the scan's pixel size,
 * else the extent of the boxes), and zoom steps. Pure, so it is tested without a browser.
 */
export interface Space {
  width: number;
  height: number;
}

export function pageSpace(page: Page): Space | undefined {
  if (page.size) return page.size;
  if (page.image) return { width: page.image.width, height: page.image.height };
  let w = 0,
    h = 0;
  for (const f of page.fragments)
    if (f.box) {
      w = Math.max(w, f.box.x + f.box.w);
      h = Math.max(h, f.box.y + f.box.h);
    }
  return w > 0 && h > 0 ? { width: w, height: h } : undefined;
}

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 8;

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(z * 100) / 100));
}

/** The next zoom step in or out (×1.25 per step, like most viewers). */
export function stepZoom(z: number, dir: 1 | -1): number {
  return clampZoom(dir > 0 ? z * 1.25 : z / 1.25);
}

/** A box as percentages of the space, so the overlay scales with the image at any zoom. */
export function boxPercent(b: Box, s: Space): { left: string; top: string; width: string; height: string } {
  const pct = (v: number, of: number) => `${((100 * v) / of).toFixed(4)}%`;
  return { left: pct(b.x, s.width), top: pct(b.y, s.height), width: pct(b.w, s.width), height: pct(b.h, s.height) };
}
