import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readCorpus, readCorpusFile } from '../../scripts/suggest/corpus';
import { isDevFile } from '../../scripts/suggest/split';
import { CORPUS_DIR, ECPO_EVAL_DIR } from './dev-set';
import { fromCorpus } from './practice-pages-b';
import { makePracticePageC, type KindC, type PracticePageC } from './practice-pages-c';

/**
 * Set C (bench/suggest/practice-pages-c.ts) from the dev folds: even-indexed dev articles make the tuning part,
 * odd-indexed the held-out part (the same article split as set B, so nothing tuned on either set ever saw a held-out
 * article), with seeds of its own.
 */
export function chineseSetC(
  count: number,
  targetFragments: number,
  part: 'tune' | 'heldout',
  kind?: KindC,
  corpusDir = CORPUS_DIR,
): PracticePageC[] {
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const dev = readCorpus(corpusDir).filter((a) => isDevFile(a.file, names));
  const mine = fromCorpus(dev.filter((_, i) => (i % 2 === 0) === (part === 'tune')));
  const base = 8_000_000 + (part === 'tune' ? 0 : 1);
  return Array.from({ length: count }, (_, k) =>
    makePracticePageC(
      mine,
      { seed: base + 1000 * targetFragments + 2 * k, targetFragments, kind },
      `zhC-${part}-${targetFragments}-${k}${kind ? `-${kind}` : ''}`,
    ),
  );
}

/** Set C from the two ECPO evaluation folds (evaluation only). */
export function ecpoSetC(count: number, targetFragments: number, dir = ECPO_EVAL_DIR): PracticePageC[] {
  const articles = fromCorpus(
    readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .flatMap((f) => readCorpusFile(path.join(dir, f))),
  );
  return Array.from({ length: count }, (_, k) =>
    makePracticePageC(articles, { seed: 9_000_000 + 1000 * targetFragments + 2 * k, targetFragments }, `ecpoC-${k}`),
  );
}
