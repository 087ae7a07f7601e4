/**
 * Builds the suggestion engine's character model (`shared/suggest/model/lm.json`) from the training corpus
 * (/work/shared/corpus, ECPO 晶報, CC BY 4.0 — attribution in shared/suggest/model/SOURCES.md).
 *
 *   npx tsx scripts/build-suggest-model.ts [CORPUS_DIR]
 *
 * What it stores:
 * - a traditional→simplified single-character table (from opencc-js, MIT/Apache-2.0) for every character the
 *   corpus uses, so simplified pages and the traditional corpus share one alphabet;
 * - character 1-, 2- and 3-gram counts over folded paragraphs framed by BOS/EOS (pruned: 2- and 3-grams seen
 *   at least twice), used for the cross-seam join score.
 * Every fifth fold (scripts/suggest/split.ts) is left out: the benchmark builds its practice pages from those.
 * Nothing here reads /work/shared/samples: those pages are for evaluation only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { readCorpus } from './suggest/corpus';
import { isDevFile } from './suggest/split';
import { BOS, EOS, makeFolder } from '../shared/suggest/normalize';

const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js') as { Converter: (o: { from: string; to: string }) => (s: string) => string };

const corpusDir = process.argv[2] ?? '/work/shared/corpus/ecpo-jingbao-train';
const outFile = path.resolve(import.meta.dirname, '../shared/suggest/model/lm.json');
const MIN_COUNT = 2;

const names = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.xml'))
  .sort();
// Dev folds (practice pages for bench/suggest.ts) stay out of the model.
const articles = readCorpus(corpusDir).filter((a) => !isDevFile(a.file, names));
const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });

// Single-character table: only characters that convert one-to-one.
const chars = new Set<string>();
for (const a of articles) for (const p of a.paragraphs) for (const l of p) for (const ch of l) chars.add(ch);
let t2s = '';
for (const ch of [...chars].sort()) {
  const s = convert(ch);
  if (s !== ch && [...s].length === 1) t2s += ch + s;
}
const fold = makeFolder(t2s);

const counts = new Map<string, number>();
let total = 0;
for (const a of articles) {
  for (const p of a.paragraphs) {
    const seq = [...(BOS + fold(p.join('')) + EOS)];
    for (let i = 0; i < seq.length; i++) {
      for (let n = 1; n <= 3 && i - n + 1 >= 0; n++) {
        const g = seq.slice(i - n + 1, i + 1).join('');
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
      total++;
    }
  }
}
const kept = [...counts]
  .filter(([g, c]) => [...g].length === 1 || c >= MIN_COUNT)
  .sort((x, y) => (x[0] < y[0] ? -1 : 1));
const model = {
  format: 'galley-suggest-lm',
  version: 1,
  order: 3,
  source: 'ECPO Jing bao transcriptions (CC BY 4.0), see SOURCES.md',
  articles: articles.length,
  characters: total,
  t2s,
  grams: kept.map(([g, c]) => `${g}\t${c}`).join('\n'),
};
writeFileSync(outFile, JSON.stringify(model));
console.log(
  `${articles.length} articles, ${total} characters, ${kept.length} n-grams kept, t2s ${t2s.length / 2} pairs → ${outFile}`,
);
