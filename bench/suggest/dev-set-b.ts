import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readCorpus, readCorpusFile } from '../../scripts/suggest/corpus';
import { isDevFile } from '../../scripts/suggest/split';
import { CORPUS_DIR, ECPO_EVAL_DIR } from './dev-set';
import { modernArticles } from './modern-text';
import { fromCorpus, makePracticePageB, type KindB, type PracticePageB, type SourceArticle } from './practice-pages-b';

/**
 * Set B (bench/suggest/practice-pages-b.ts) from the same dev folds as set A: even-indexed dev articles make the
 * tuning part, odd-indexed the held-out part (no shared article text), with seeds of their own.
 */
export function chineseSetB(
  count: number,
  targetFragments: number,
  part: 'tune' | 'heldout',
  kind?: KindB,
  corpusDir = CORPUS_DIR,
): PracticePageB[] {
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const dev = readCorpus(corpusDir).filter((a) => isDevFile(a.file, names));
  const mine = fromCorpus(dev.filter((_, i) => (i % 2 === 0) === (part === 'tune')));
  return pagesOf(mine, count, targetFragments, 5_000_000 + (part === 'tune' ? 0 : 1), `zhB-${part}`, kind);
}

/** Set B from the two ECPO evaluation folds (evaluation only). */
export function ecpoSetB(count: number, targetFragments: number, dir = ECPO_EVAL_DIR): PracticePageB[] {
  const articles = fromCorpus(
    readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .flatMap((f) => readCorpusFile(path.join(dir, f))),
  );
  return pagesOf(articles, count, targetFragments, 6_000_000, 'ecpoB');
}

/**
 * Set B from modern simplified prose (bench/suggest/modern-text.ts): questions with an even index make the tuning
 * part, odd the held-out part. Empty when the text's Debian package is not installed.
 */
export function modernSetB(
  count: number,
  targetFragments: number,
  part: 'tune' | 'heldout',
  kind?: KindB,
): PracticePageB[] {
  const mine = modernArticles().filter((_, i) => (i % 2 === 0) === (part === 'tune'));
  return mine.length
    ? pagesOf(mine, count, targetFragments, 7_000_000 + (part === 'tune' ? 0 : 1), `modernB-${part}`, kind)
    : [];
}

function pagesOf(
  articles: SourceArticle[],
  count: number,
  targetFragments: number,
  base: number,
  name: string,
  kind?: KindB,
): PracticePageB[] {
  return Array.from({ length: count }, (_, k) => {
    const seed = base + 1000 * targetFragments + 2 * k;
    return makePracticePageB(
      articles,
      { seed, targetFragments, kind },
      `${name}-${targetFragments}-${k}${kind ? `-${kind}` : ''}`,
    );
  });
}
