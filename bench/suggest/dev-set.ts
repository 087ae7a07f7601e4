import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readCorpus, readCorpusFile } from '../../scripts/suggest/corpus';
import { isDevFile } from '../../scripts/suggest/split';
import { makePracticePage, type PracticePage } from './practice-pages';

export const CORPUS_DIR = '/work/shared/corpus/ecpo-jingbao-train';

/**
 * The Chinese dev set: practice pages from the dev folds only (never in the character model). Pages with an
 * even seed are the tuning part, odd seeds the held-out part; the dev folds' articles are split the same way so
 * the two parts share no article text.
 */
export function chineseDevSet(
  count: number,
  targetFragments: number,
  part: 'tune' | 'heldout',
  corpusDir = CORPUS_DIR,
  moves: 'blocks' | 'columns' | 'none' = 'blocks',
): PracticePage[] {
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const dev = readCorpus(corpusDir).filter((a) => isDevFile(a.file, names));
  const mine = dev.filter((_, i) => (i % 2 === 0) === (part === 'tune'));
  const pages: PracticePage[] = [];
  for (let k = 0; k < count; k++) {
    const seed = 1000 * targetFragments + 2 * k + (part === 'tune' ? 0 : 1);
    pages.push(
      makePracticePage(
        mine,
        { seed, targetFragments, moves },
        `zh-${part}-${targetFragments}-${k}${moves === 'blocks' ? '' : `-${moves}`}`,
      ),
    );
  }
  return pages;
}

/** The two ECPO folds kept out of the corpus as evaluation pages (samples/real/ecpo-jingbao; CC BY 4.0, ECPO). */
export const ECPO_EVAL_DIR = '/work/shared/samples/real/ecpo-jingbao';

/**
 * Practice pages made the same way from the two ECPO evaluation folds: text the character model never saw and no
 * weight was tuned on (evaluation only).
 */
export function ecpoEvalSet(count: number, targetFragments: number, dir = ECPO_EVAL_DIR): PracticePage[] {
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .flatMap((f) => readCorpusFile(path.join(dir, f)));
  return Array.from({ length: count }, (_, k) =>
    makePracticePage(articles, { seed: 77000 + k, targetFragments }, `ecpo-eval-${targetFragments}-${k}`),
  );
}
