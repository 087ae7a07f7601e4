import data from './model/modern-lm.json';
import words from './model/words.json';
import { loadModernLm, type ModernLm, type ModernLmData } from './modern-lm';
import type { WordModelData } from './words';

let cached: ModernLm | undefined;

/**
 * The bundled modern-Chinese bigram model (≈ 2.2 MB JSON, CC BY-SA 3.0, see model/SOURCES.md), decoded on first
 * use only: pages of traditional characters (the 1920s papers) never ask for it (see `pageModernity`).
 */
export function bundledModernLm(): ModernLm {
  cached ??= loadModernLm(data as ModernLmData, (words as WordModelData).t2s);
  return cached;
}

let traditional: Set<string> | undefined;

/** Han characters on a page below which its script says nothing. */
const MIN_HAN = 30;
/**
 * Share of traditional characters at or above which a page is read as pre-reform text (no modern weight), and
 * below which fully modern. Simplified pages have none (a name or a quotation now and then); the 1920s–30s
 * corpus pages have 15–25 %.
 */
const TRADITIONAL_OLD = 0.05;
const TRADITIONAL_MODERN = 0.02;

/**
 * How modern a page's text is, in [0, 1], from its script: 1 for simplified text, 0 for traditional (the era
 * signal that chooses between the 1920s character model and the modern word bigrams), 0 for pages with little
 * Han text.
 */
export function pageModernity(texts: string[]): number {
  if (!traditional) {
    const pairs = [...(words as WordModelData).t2s];
    traditional = new Set<string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) if (pairs[i] !== pairs[i + 1]) traditional.add(pairs[i]);
  }
  let han = 0;
  let trad = 0;
  for (const t of texts) {
    for (const ch of t) {
      const c = ch.charCodeAt(0);
      if (c < 0x3400 || c > 0x9fff) continue;
      han++;
      if (traditional.has(ch)) trad++;
    }
  }
  if (han < MIN_HAN) return 0;
  const share = trad / han;
  return Math.max(0, Math.min(1, (TRADITIONAL_OLD - share) / (TRADITIONAL_OLD - TRADITIONAL_MODERN)));
}
