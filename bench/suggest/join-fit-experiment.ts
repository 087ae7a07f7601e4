/**
 * Experiment (not adopted): the join score's weights fitted as a conditional logit (scripts/suggest/join-fit.ts) on
 * 12 + 12 tuning-part pages of sets A and B, with an L2 prior towards the hand-set weights, then measured on the
 * tuning part, both held-out parts and the sample page (evaluation only). Usage:
 * npx tsx bench/suggest/join-fit-experiment.ts [--modern] 10 30 100   (the L2 strengths to try; --modern: B's modern
 * tuning pages too). Figures: docs/suggestions.md.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { chineseDevSet } from './dev-set';
import { chineseSetB, modernSetB } from './dev-set-b';
import { issueFromText, runPages } from './run';
import { scorePage, summarize } from './metrics';
import { DEFAULT_PARAMS, suggest } from '../../shared/suggest/engine';
import { DEFAULT_WEIGHTS } from '../../shared/suggest/score';
import { JOIN_WEIGHT_NAMES, fitConditionalLogit, joinGroups } from '../../scripts/suggest/join-fit';
const root = path.resolve(import.meta.dirname, '../..');
const withModern = process.argv.includes('--modern');
const fitPages = [
  ...chineseDevSet(12, 60, 'tune'),
  ...chineseSetB(12, 60, 'tune'),
  ...(withModern ? modernSetB(12, 60, 'tune') : []),
];
const groups = fitPages.flatMap((p) => joinGroups(issueFromText(p.text).pages[0].fragments, p.truth));
const prior = [...JOIN_WEIGHT_NAMES.map((k) => DEFAULT_WEIGHTS[k]), DEFAULT_PARAMS.indentJoin];
const heldA = [...chineseDevSet(30, 60, 'heldout'), ...chineseDevSet(10, 25, 'heldout')];
const heldB = [...chineseSetB(30, 60, 'heldout'), ...chineseSetB(10, 25, 'heldout')];
const tuneA = chineseDevSet(30, 60, 'tune');
const truth = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/suggest/zhejiang-p2.truth.json'), 'utf8'));
const sampleText = readFileSync(path.join(root, truth.page), 'utf8');
for (const l2 of process.argv
  .slice(2)
  .filter((a) => a !== '--modern')
  .map(Number)) {
  const w = fitConditionalLogit(groups, prior, l2);
  const weights = { ...DEFAULT_WEIGHTS };
  JOIN_WEIGHT_NAMES.forEach((k, i) => (weights[k] = w[i]));
  const params = { ...DEFAULT_PARAMS, weights, indentJoin: w.at(-1)! };
  const f = (s: { successor: number; bcubedF: number; confidentPrecision: number; confidentCoverage: number }) =>
    `${s.successor.toFixed(3)} ${s.bcubedF.toFixed(3)} (conf ${s.confidentPrecision.toFixed(3)}@${s.confidentCoverage.toFixed(3)})`;
  const sample = summarize([scorePage(suggest(issueFromText(sampleText, 'zhejiang-p2'), {}, params), truth)]);
  console.log(
    `l2=${l2} tuneA ${f(summarize(runPages(tuneA, params)))} heldA ${f(summarize(runPages(heldA, params)))} heldB ${f(summarize(runPages(heldB, params)))} sample ${f(sample)}`,
  );
  console.log('  ', JSON.stringify(w));
}
