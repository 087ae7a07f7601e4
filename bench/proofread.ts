/**
 * The proofreading loop, measured: an oracle proofreader who knows a page's truth does what the workbench offers
 * (Suggest, accept the reading, walk the doubt queue least sure first, pick alternatives, settle open ends, then move
 * by hand what is left) and every action is counted until the page equals the truth and nothing is left to settle.
 *
 * It drives the same pure functions the workbench's commands call (renderer/src/features/suggest/doubt-queue.ts:
 * `decisions`/`doubts`, `placeAfterOp`, `toggleJoinOp`, the re-solve with fixed and forbidden links and `readingOps`
 * over the articles a pick touched), not Chromium: the key-by-key UI path is checked by tests/e2e/doubt-queue.spec.ts.
 * Costs: one key per queue stop (Enter, 1–6, J/B, Esc), F7 once, two keys per open end (F8 and its resolution), and
 * for each link still wrong at the end a drag plus a scroll to reveal its target (2), a seam click (1).
 *
 * Prints actions per page and per 100 fragments, and the share of the engine's wrong decisions that sit in the first
 * quarter of the queue. Pages: the sample page (truth: tests/fixtures/suggest/zhejiang-p2.truth.json, evaluation
 * only) and held-out practice pages (bench/suggest/dev-set.ts, not tuned on).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../shared/model/types';
import { applyOp } from '../shared/ops/apply';
import type { Op } from '../shared/ops/op-schema';
import { suggest } from '../shared/suggest/engine';
import { suggestionOps } from '../shared/suggest/to-ops';
import { decisionKey, decisions, type Decision } from '../shared/suggest/doubts';
import { placeAfterOp, readingOps, toggleJoinOp } from '../shared/suggest/doubt-ops';
import { placeIndex } from '../shared/model/lookup';
import { audit } from '../shared/audit/audit';
import type { Truth } from './suggest/truth';
import { issueFromText } from './suggest/run';
import { chineseDevSet } from './suggest/dev-set';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DRAG = 2; // a drag and the scroll that brings its target into view
const MAX_STOPS = 2000;

interface Result {
  name: string;
  fragments: number;
  actions: number;
  queue: number;
  wrong: number;
  wrongEarly: number;
  equal: boolean;
}

function proofread(name: string, start: Issue, truth: Truth): Result {
  const next = new Map<string, { id: string; join: boolean }>();
  const prev = new Map<string, string>();
  const starts = new Set<string>();
  for (const a of truth.articles)
    a.items.forEach((it, k) => {
      if (k === 0) starts.add(it.id);
      else {
        next.set(a.items[k - 1].id, it);
        prev.set(it.id, a.items[k - 1].id);
      }
    });
  const pageIds = start.pages.map((p) => p.id);
  let actions = 0;
  let doc = start;
  const apply = (op: Op | null) => {
    if (op) doc = applyOp(doc, op).issue;
  };
  // Suggest (Ctrl+Shift+G) and accept the reading (Ctrl+Shift+Enter).
  actions += 2;
  apply(suggestionOps(doc, suggest(doc, { minConfidence: 0 }), { minConfidence: 0 }));
  const forbid: Array<{ from: string; to: string }> = [];
  const fixed: Array<{ from: string; to: string; join: boolean }> = [];
  const settled = new Set<string>();
  const skipped = new Set<string>();
  let reading = suggest(doc, { includePlaced: true });
  const right = (d: Decision) =>
    d.kind === 'role' ||
    (d.kind === 'start' ? starts.has(d.to) : next.get(d.from!)?.id === d.to && next.get(d.from!)?.join === d.join);
  // The engine's wrong decisions, and where they stand in the queue as first shown.
  const all = decisions(doc, reading, { pageIds });
  const queue0 = all.filter((d) => d.confidence < reading.minConfidence);
  const wrong = all.filter((d) => !right(d)).length;
  const early = new Set(queue0.slice(0, Math.ceil(queue0.length / 4)).map((d) => d.key));
  const wrongEarly = all.filter((d) => !right(d) && early.has(d.key)).length;

  actions += 1; // F7
  let queue = 0;
  for (let stop = 0; stop < MAX_STOPS; stop++) {
    const list = decisions(doc, reading, { pageIds, settled }).filter(
      (d) => d.confidence < reading.minConfidence && !skipped.has(d.key),
    );
    const d = list[0];
    if (!d) break;
    actions += 1;
    queue += 1;
    const settle = () => {
      settled.add(d.key);
      if (d.from) settled.add(decisionKey('link', d.from, d.to)).add(decisionKey('seam', d.from, d.to));
    };
    if (d.kind === 'role' || (d.kind === 'start' && starts.has(d.to))) {
      settle();
      continue;
    }
    if (d.kind !== 'start' && next.get(d.from!)?.id === d.to) {
      // The link is right; its seam is set with J or B if need be (Enter otherwise).
      if (next.get(d.from!)!.join !== d.join) apply(toggleJoinOp(doc, d.to));
      settle();
      fixed.push({ from: d.from!, to: d.to, join: next.get(d.from!)!.join });
      continue;
    }
    // Wrong: the right fragment among the alternatives on either side?
    const afterA = d.from ? d.successors.find((a) => a.id === next.get(d.from!)?.id) : undefined;
    const beforeB = d.predecessors.find((a) => a.id === prev.get(d.to));
    const pick = afterA ? { a: d.from!, b: afterA.id } : beforeB ? { a: beforeB.id, b: d.to } : null;
    if (!pick) {
      skipped.add(d.key); // Esc: left for the hand
      continue;
    }
    const join = next.get(pick.a)!.join;
    const places = placeIndex(doc);
    const touched = [pick.a, pick.b, d.to, d.from]
      .map((id) => (id ? places.get(id) : undefined))
      .filter((p) => p?.kind === 'article')
      .map((p) => (p as { articleId: string }).articleId);
    apply(placeAfterOp(doc, pick.a, pick.b, join));
    if (d.from) forbid.push({ from: d.from, to: d.to });
    fixed.push({ from: pick.a, to: pick.b, join });
    settle();
    settled.add(decisionKey('link', pick.a, pick.b)).add(decisionKey('seam', pick.a, pick.b));
    reading = suggest(doc, {
      includePlaced: true,
      constraints: { forbidLinks: forbid, fixLinks: fixed.map(({ from, to }) => ({ from, to })) },
    });
    const inA = placeIndex(doc).get(pick.a);
    const articleIds = [...new Set([...touched, ...(inA?.kind === 'article' ? [inA.articleId] : [])])];
    apply(readingOps(doc, reading, { pageIds, articleIds, keep: fixed }));
    reading = suggest(doc, {
      includePlaced: true,
      constraints: { forbidLinks: forbid, fixLinks: fixed.map(({ from, to }) => ({ from, to })) },
    });
  }

  // By hand: every fragment after its true predecessor (a drag), every true start heading an article of its own.
  for (let pass = 0; pass < 4; pass++) {
    for (const a of truth.articles)
      a.items.forEach((it, k) => {
        const p = placeIndex(doc).get(it.id);
        if (!p || p.kind === 'discard') return;
        const art = p.kind === 'article' ? doc.articles.find((x) => x.id === p.articleId)! : null;
        const before = art && p.kind === 'article' && p.index > 0 ? art.items[p.index - 1] : null;
        if (k === 0) {
          if (art && p.kind === 'article' && p.index === 0) return;
          const id = `a${doc.nextId}`;
          apply({ type: 'createArticle', articleId: id, fragmentIds: [it.id] });
          actions += DRAG;
          return;
        }
        const want = a.items[k - 1].id;
        if (before?.id === want && p.kind === 'article') {
          if (art!.items[p.index].join !== it.join) {
            apply(toggleJoinOp(doc, it.id));
            actions += 1;
          }
          return;
        }
        const op = placeAfterOp(doc, want, it.id, it.join);
        if (op) {
          apply(op);
          actions += DRAG;
        }
      });
  }
  // Fragments of no true article (noise) go to the discard pile, one key each.
  const inTruth = new Set(truth.articles.flatMap((a) => a.items.map((x) => x.id)));
  for (const a of doc.articles)
    for (const it of a.items)
      if (!inTruth.has(it.id)) {
        apply({ type: 'moveFragments', fragmentIds: [it.id], to: { kind: 'discard' } });
        actions += 1;
      }
  // Open ends: F8 to each, then its resolution key.
  for (const id of audit(doc).openEnds) {
    apply({ type: 'resolveOpenEnd', fragmentId: id, as: 'lost' });
    actions += 2;
  }
  const seq = (d: Issue) =>
    d.articles
      .filter((a) => a.items.length)
      .map((a) => a.items.map((it, k) => `${k && it.join ? '~' : ''}${it.id}`).join(' '))
      .sort();
  const truthSeq = truth.articles
    .map((a) => a.items.map((it, k) => `${k && it.join ? '~' : ''}${it.id}`).join(' '))
    .sort();
  const equal = JSON.stringify(seq(doc)) === JSON.stringify(truthSeq) && audit(doc).openEnds.length === 0;
  const fragments = start.pages.reduce((n, p) => n + p.fragments.length, 0);
  return { name, fragments, actions, queue, wrong, wrongEarly, equal };
}

function row(r: Result): string {
  return `${r.name.padEnd(24)} ${String(r.fragments).padStart(4)} frags  ${String(r.actions).padStart(4)} actions  ${(
    (100 * r.actions) /
    r.fragments
  )
    .toFixed(1)
    .padStart(
      6,
    )} /100 frags  queue stops ${String(r.queue).padStart(4)}  wrong decisions ${r.wrong}, in first 25 % ${r.wrongEarly}  ${r.equal ? 'equals truth' : 'NOT equal to truth'}`;
}

const quick = process.argv.includes('--quick');
const sample = readFileSync(path.join(ROOT, 'tests/fixtures/pages/zhejiang-daily-2023-02-27-p2.txt'), 'utf8');
const sampleTruth = JSON.parse(
  readFileSync(path.join(ROOT, 'tests/fixtures/suggest/zhejiang-p2.truth.json'), 'utf8'),
) as Truth;
console.log('Proofreading loop (oracle over the workbench commands; see the header of bench/proofread.ts)');
const results: Result[] = [proofread('sample page', issueFromText(sample, 'sample'), sampleTruth)];
console.log(row(results[0]));
const held = chineseDevSet(quick ? 3 : 10, 60, 'heldout');
const heldResults = held.map((p) => proofread(p.name, issueFromText(p.text, p.name), p.truth));
for (const r of heldResults) console.log(row(r));
const sum = (xs: Result[], f: (r: Result) => number) => xs.reduce((n, r) => n + f(r), 0);
console.log(
  `held out, ${heldResults.length} pages: ${((100 * sum(heldResults, (r) => r.actions)) / sum(heldResults, (r) => r.fragments)).toFixed(1)} actions per 100 fragments (goal ≤ 20); sample page ${results[0].actions} actions (goal ≤ 20)`,
);
const everything = [...results, ...heldResults];
console.log(
  `wrong decisions in the first 25 % of the queue: ${sum(everything, (r) => r.wrongEarly)} of ${sum(everything, (r) => r.wrong)} (${(
    (100 * sum(everything, (r) => r.wrongEarly)) /
    Math.max(
      1,
      sum(everything, (r) => r.wrong),
    )
  ).toFixed(0)} %; goal ≥ 90 %)`,
);
