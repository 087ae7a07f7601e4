/**
 * Fits the suggestion engine's calibration (shared/suggest/calibration.ts) and writes
 * `shared/suggest/model/link-scorer.json` and its report `docs/link-scorer.md`.
 *
 *   npx tsx scripts/fit-link-scorer.ts            # fits, writes both files, prints the report
 *   npx tsx scripts/fit-link-scorer.ts --check    # fits in memory, compares with the committed files byte for byte
 *
 * What it fits on: the CALIBRATION split, practice pages of the tuning part of both generators (set A,
 * bench/suggest/practice-pages.ts; set B, bench/suggest/practice-pages-b.ts, with its modern pages) whose seeds the
 * benchmark's tuning rows do not use (set A and B: page numbers 30–59 of 60 fragments and 10–19 of 25; modern:
 * 12–23), half of them also with their `#` marks removed. Never the held-out part, never samples/. The engine runs
 * with raw confidences (`calibrated: false`) and reports every decision's features (`trace`); each decision is
 * labelled right or wrong from the page's truth (bench/suggest/decisions.ts), and one logistic regression per kind
 * of decision (article start, link) is fitted by Newton's method with an L2 penalty (scripts/suggest/logistic.ts).
 * Everything is seeded by the page generators' seeds and summed in a fixed order, and the weights are rounded to
 * four decimals: the same checkout writes the same bytes. Needs the corpus (/work/shared/corpus) and the
 * debian-faq-zh-cn package (scripts/setup.sh), as the benchmark does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suggest, DEFAULT_PARAMS, type DecisionTrace } from '../shared/suggest/engine';
import {
  LINK_FEATURES,
  START_FEATURES,
  predict,
  predictStumps,
  type LinkScorerFile,
} from '../shared/suggest/calibration';
import { chineseDevSet } from '../bench/suggest/dev-set';
import { chineseSetB, modernSetB } from '../bench/suggest/dev-set-b';
import { issueFromText } from '../bench/suggest/run';
import {
  decisionRight,
  expectedCalibrationError,
  reliability,
  truthIndex,
  type Decision,
} from '../bench/suggest/decisions';
import type { Truth } from '../bench/suggest/truth';
import { fitLogistic } from './suggest/logistic';
import { fitStumps } from './suggest/stumps';

const root = path.resolve(import.meta.dirname, '..');
const MODEL_FILE = path.join(root, 'shared/suggest/model/link-scorer.json');
const REPORT_FILE = path.join(root, 'docs/link-scorer.md');
/** Version of the file's layout and of the feature lists; bump when either changes. */
const VERSION = 2;
/** Boosting rounds and learning rate of the link model (2-fold over pages on this split: log-loss 0.416 against
 * 0.429 for a logistic regression on the same features, wrong links in the least-confident quarter 0.60 against 0.57). */
const ROUNDS = 500;
const RATE = 0.1;
/** L2 penalty on every weight but the bias (a prior of unit scale on a few thousand rows: barely binding). */
const L2 = 1;
/** Target precision of the default threshold: the lowest confidence whose links reach it on this split. */
const TARGET_PRECISION = 0.95;

interface Page {
  set: string;
  name: string;
  text: string;
  truth: Truth;
}

const bare = (t: string) => t.replace(/^#+ /gm, '');

/** The calibration split (see the header): seeds the benchmark's tuning and held-out rows never use. */
export function calibrationPages(): { pages: Page[]; sets: Array<{ set: string; pages: string }> } {
  const a60 = chineseDevSet(60, 60, 'tune').slice(30);
  const a25 = chineseDevSet(20, 25, 'tune').slice(10);
  const b60 = chineseSetB(60, 60, 'tune').slice(30);
  const b25 = chineseSetB(20, 25, 'tune').slice(10);
  const modern = modernSetB(24, 60, 'tune').slice(12);
  const pages: Page[] = [];
  const add = (set: string, ps: Array<{ name: string; text: string; truth: Truth }>, unmarkedToo: boolean) =>
    ps.forEach((p, k) => {
      pages.push({ set, name: p.name, text: p.text, truth: p.truth });
      if (unmarkedToo && k % 2 === 1)
        pages.push({ set: `${set}, # marks removed`, name: `${p.name}-bare`, text: bare(p.text), truth: p.truth });
    });
  add('A tuning part, 60 fragments, pages 30–59', a60, true);
  add('A tuning part, 25 fragments, pages 10–19', a25, false);
  add('B tuning part, 60 fragments, pages 30–59', b60, true);
  add('B tuning part, 25 fragments, pages 10–19', b25, false);
  add('B modern tuning part, 60 fragments, pages 12–23', modern, false);
  const counts = new Map<string, number>();
  for (const p of pages) counts.set(p.set, (counts.get(p.set) ?? 0) + 1);
  return { pages, sets: [...counts].map(([set, n]) => ({ set, pages: String(n) })) };
}

interface Row {
  kind: 'start' | 'link';
  x: number[];
  right: boolean;
}

function collect(pages: Page[]): Row[] {
  const rows: Row[] = [];
  for (const p of pages) {
    const t = truthIndex(p.truth);
    const traces: DecisionTrace[] = [];
    suggest(
      issueFromText(p.text, p.name),
      { minConfidence: 0 },
      { ...DEFAULT_PARAMS, calibrated: false, trace: (d) => traces.push(d) },
    );
    for (const d of traces) rows.push({ kind: d.kind, x: d.x, right: decisionRight(t, d.id, d.prev, d.join) });
  }
  return rows;
}

function fmt(x: number, k = 3): string {
  return x.toFixed(k);
}

export function fitLinkScorer(): { json: string; report: string } {
  const { pages, sets } = calibrationPages();
  const rows = collect(pages);
  const fitKind = (kind: 'start' | 'link', features: readonly string[]) => {
    const rs = rows.filter((r) => r.kind === kind);
    const fit = fitLogistic(
      rs.map((r) => r.x),
      rs.map((r) => r.right),
      { l2: L2 },
    );
    return { rs, fit, model: { features: [...features], weights: fit.weights } };
  };
  const linkRows = rows.filter((r) => r.kind === 'link');
  const stumps = fitStumps(
    linkRows.map((r) => r.x),
    linkRows.map((r) => r.right),
    { rounds: ROUNDS, rate: RATE },
  );
  const linkModel = { features: [...LINK_FEATURES], base: stumps.base, stumps: stumps.stumps };
  // The same features in a logistic regression, for the report only (what the boosting adds).
  const linkLr = fitKind('link', LINK_FEATURES);
  const start = fitKind('start', START_FEATURES);
  const scored = (k: typeof start): Decision[] =>
    k.rs.map((r) => ({ kind: r.kind, confidence: predict(k.model, r.x), right: r.right }));
  const linkDs: Decision[] = linkRows.map((r) => ({
    kind: r.kind,
    confidence: predictStumps(linkModel, r.x),
    right: r.right,
  }));
  const linkLoss =
    -linkDs.reduce(
      (s, d) => s + Math.log(Math.min(1 - 1e-12, Math.max(1e-12, d.right ? d.confidence : 1 - d.confidence))),
      0,
    ) / Math.max(1, linkDs.length);
  const link = { rs: linkRows };
  const startDs = scored(start);
  // Lowest threshold (in hundredths) whose links reach the target precision on this split.
  let minConfidence = 0.99;
  for (let c = 50; c <= 99; c++) {
    const t = c / 100;
    const taken = linkDs.filter((d) => d.confidence >= t);
    if (taken.length && taken.filter((d) => d.right).length / taken.length >= TARGET_PRECISION) {
      minConfidence = t;
      break;
    }
  }
  const file: LinkScorerFile & Record<string, unknown> = {
    version: VERSION,
    fittedBy: 'scripts/fit-link-scorer.ts',
    calibration: { link: linkModel, start: start.model },
    minConfidence,
    training: {
      split:
        'calibration split: tuning-part practice pages of sets A and B (and B modern) with page numbers the benchmark does not use; never the held-out part or samples/',
      sets,
      decisions: { link: link.rs.length, start: start.rs.length },
      right: { link: link.rs.filter((r) => r.right).length, start: start.rs.filter((r) => r.right).length },
      l2: L2,
      boosting: { rounds: ROUNDS, rate: RATE, stumps: stumps.stumps.length },
      targetPrecision: TARGET_PRECISION,
      logLoss: {
        link: Number(fmt(linkLoss, 4)),
        linkLogistic: Number(fmt(linkLr.fit.logLoss, 4)),
        start: Number(fmt(start.fit.logLoss, 4)),
      },
    },
  };
  const json = `${JSON.stringify(file, null, 1)}\n`;
  const all = [...linkDs, ...startDs];
  const taken = linkDs.filter((d) => d.confidence >= minConfidence);
  const lines = [
    '# Link scorer: what was fitted on what',
    '',
    'Written by `npx tsx scripts/fit-link-scorer.ts` with `shared/suggest/model/link-scorer.json`; do not edit by hand',
    '(`--check` refits and compares both files byte for byte). How the engine uses the model: `docs/suggestions.md`.',
    '',
    '## Data',
    '',
    'Calibration split (practice pages of the tuning part whose seeds the benchmark rows do not use; nothing from',
    'the held-out part or `samples/`):',
    '',
    '| pages | set |',
    '|---|---|',
    ...sets.map((s) => `| ${s.pages} | ${s.set} |`),
    '',
    `Decisions: ${link.rs.length} links (${link.rs.filter((r) => r.right).length} right), ${start.rs.length} article starts (${start.rs.filter((r) => r.right).length} right). A link is right when the truth has the same`,
    'fragment before it with the same join flag; a start when the fragment starts an article of the truth.',
    '',
    '## Models',
    '',
    `Links: gradient-boosted stumps (${stumps.stumps.length} rounds, learning rate ${RATE}; \`scripts/suggest/stumps.ts\`). Article`,
    `starts: logistic regression, L2 penalty ${L2} (not on the bias), Newton's method. For comparison, a logistic`,
    `regression on the link features reaches log-loss ${fmt(linkLr.fit.logLoss, 4)} on the split (the stumps ${fmt(linkLoss, 4)}); its weights:`,
    '',
    '| link feature | stumps splitting on it | logistic weight (comparison) |',
    '|---|---|---|',
    ...LINK_FEATURES.map(
      (f, k) => `| ${f} | ${stumps.stumps.filter((st) => st[0] === k).length} | ${linkLr.model.weights[k]} |`,
    ),
    '',
    '| start feature | weight |',
    '|---|---|',
    ...START_FEATURES.map((f, k) => `| ${f} | ${start.model.weights[k]} |`),
    '',
    `Log-loss on the split: links ${fmt(linkLoss, 4)}, starts ${fmt(start.fit.logLoss, 4)}. Expected calibration error on the split`,
    `(in-sample; the benchmark reports it held out): ${fmt(expectedCalibrationError(all))}.`,
    '',
    `Default threshold: ${minConfidence}, the lowest (in hundredths) at which the split's links reach precision ${TARGET_PRECISION}`,
    `(${taken.length} links, ${fmt(taken.filter((d) => d.right).length / Math.max(1, taken.length))} right).`,
    '',
    '| confidence | decisions | mean confidence | right |',
    '|---|---|---|---|',
    ...reliability(all).map(
      (b) => `| ${fmt(b.lo, 1)}–${fmt(b.hi, 1)} | ${b.n} | ${b.n ? fmt(b.conf) : '—'} | ${b.n ? fmt(b.acc) : '—'} |`,
    ),
    '',
  ];
  return { json, report: `${lines.join('\n')}` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { json, report } = fitLinkScorer();
  if (process.argv.includes('--check')) {
    const same = readFileSync(MODEL_FILE, 'utf8') === json && readFileSync(REPORT_FILE, 'utf8') === report;
    console.log(
      same ? 'link-scorer.json and docs/link-scorer.md reproduced byte for byte' : 'DIFFERENT from the committed files',
    );
    process.exit(same ? 0 : 1);
  }
  writeFileSync(MODEL_FILE, json);
  writeFileSync(REPORT_FILE, report);
  console.log(report);
}
