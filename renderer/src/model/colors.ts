/**
 * Okabe–Ito's eight colour-blind-safe hues. Articles beyond eight reuse them with a hatch pattern; every article
 * also shows its number, so colour is never the only cue.
 */
export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#6B6B6B',
] as const;

export interface ArticleSwatch {
  color: string;
  hatched: boolean;
  number: number;
}

export function articleSwatch(index: number): ArticleSwatch {
  return { color: OKABE_ITO[index % OKABE_ITO.length], hatched: index >= OKABE_ITO.length, number: index + 1 };
}

/** CSS background for a bar or swatch: plain colour, or the colour with white diagonal hatching. */
export function swatchBackground(s: ArticleSwatch): string {
  return s.hatched ? `repeating-linear-gradient(45deg, ${s.color} 0 4px, rgba(255,255,255,0.75) 4px 6px)` : s.color;
}
