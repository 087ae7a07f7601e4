/**
 * Real METS/ALTO pages (tests/fixtures/real: BL Statesman 1824, BnL Luxemburger Zeitung 1858) as a suggestion
 * benchmark. Evaluation only: nothing is fitted on them (licences: tests/fixtures/SOURCES.md).
 *
 * Each page is imported from its ALTO file alone (every fragment unassigned, in the file's block order, role
 * `body`, no hints), so the engine sees what a proofreader would after opening a bare ALTO file. The truth comes
 * from the METS through the project's own importer (`partFromMets`, checked against an independent METS reading in
 * tests/shared/import/mets-real.test.ts): articles are the METS's ordered block lists, cut at page boundaries
 * (suggest() links fragments within a page only, so cross-page links are not counted). Truth joins: BnL
 * PARAGRAPH parts that span several areas give joins (the block continues its paragraph); BL structLink page areas
 * carry no paragraph information, so every BL truth join is false.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMets } from '../../shared/import/mets';
import { pageFromAlto, type AltoPageResult } from '../../shared/import/alto';
import { partFromMets } from '../../shared/import/mets-issue';
import { createIssue } from '../../shared/model/create';
import type { Issue } from '../../shared/model/types';
import { suggest, DEFAULT_PARAMS, type EngineParams } from '../../shared/suggest/engine';
import { linePitch, writingMode, xyCutOrder } from '../../shared/suggest/xycut';
import { percentile, scorePage, summarize, type PageScore, type Summary } from './metrics';
import { rng } from './rng';
import type { Truth, TruthArticle } from './truth';

export interface RealPage {
  source: 'BL' | 'BnL';
  name: string;
  /** One-page issue from the ALTO file alone: all fragments in the pool, in file order. */
  issue: Issue;
  truth: Truth;
}

const SOURCES: Array<{ source: RealPage['source']; mets: string }> = [
  { source: 'BL', mets: 'real/bl-statesman-1824-02-17/0002647_18240217_mets.xml' },
  { source: 'BnL', mets: 'real/bnl-luxzeit-1858-12-07/2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml' },
];

/** Every real page present next to its METS, with its truth. `fixtures` is tests/fixtures. */
export function realPages(fixtures: string): RealPage[] {
  const out: RealPage[] = [];
  for (const { source, mets: rel } of SOURCES) {
    const metsFile = path.join(fixtures, rel);
    const mets = parseMets(readFileSync(metsFile, 'utf8'));
    const inputs: Array<{ fileId: string; alto: AltoPageResult }> = [];
    for (const p of mets.pages) {
      const f = mets.files.get(p.altoFileId ?? '');
      if (!f) continue;
      let xml: string;
      try {
        xml = readFileSync(path.join(path.dirname(metsFile), f.href), 'utf8');
      } catch {
        continue;
      } // pages not shipped
      inputs.push({
        fileId: f.id,
        alto: pageFromAlto(xml, { pageId: `p${inputs.length + 1}`, label: p.label, sourceName: path.basename(f.href) }),
      });
    }
    const part = partFromMets(mets, inputs);
    for (const input of inputs) {
      const page = input.alto.page;
      const onPage = new Set(page.fragments.map((f) => f.id));
      const articles: TruthArticle[] = [];
      for (const a of part.articles) {
        const items = a.items.filter((it) => onPage.has(it.id));
        // An article's part on this page; its first item starts the part, whatever the METS says about the join.
        if (items.length) articles.push({ items: items.map((it, k) => ({ id: it.id, join: k > 0 && it.join })) });
      }
      out.push({
        source,
        name: `${source} ${page.source?.name ?? page.id}`,
        issue: createIssue([page], { id: `real-${source}-${page.id}`, title: page.source?.name ?? page.id }),
        truth: { articles, openEnds: [] },
      });
    }
  }
  return out;
}

/** The same issue with every fragment's box removed (mode T on the same text and file order). */
export function withoutBoxes(issue: Issue): Issue {
  return {
    ...issue,
    pages: issue.pages.map((p) => ({ ...p, fragments: p.fragments.map(({ box: _box, ...f }) => f) })),
  };
}

/**
 * The same issue with each page's fragments in a shuffled file order (seeded): what an extractor that ignores
 * reading order (many PDF producers) would give. Text, spans and boxes are unchanged.
 */
export function scrambled(issue: Issue, seed: number): Issue {
  const r = rng(seed);
  return {
    ...issue,
    pages: issue.pages.map((p) => {
      const fragments = p.fragments.slice();
      for (let i = fragments.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [fragments[i], fragments[j]] = [fragments[j], fragments[i]];
      }
      return { ...p, fragments };
    }),
  };
}

export interface RealRun {
  /** Keep the boxes (mode G) or drop them (mode T). */
  boxes: boolean;
  /** Shuffle the file order with these seeds (one run per seed); none: the file's own order. */
  scrambleSeeds?: number[];
  params?: EngineParams;
}

/** Runs suggest() on each page and scores it; the truth has no open ends, so open-end precision is not meaningful. */
export function runRealPages(pages: RealPage[], opts: RealRun): PageScore[] {
  return pages.flatMap((p) => {
    const base = opts.boxes ? p.issue : withoutBoxes(p.issue);
    const issues = opts.scrambleSeeds ? opts.scrambleSeeds.map((seed) => scrambled(base, seed)) : [base];
    return issues.map((issue) => scorePage(suggest(issue, {}, opts.params ?? DEFAULT_PARAMS), p.truth));
  });
}

/** Size of the evaluation: fragments, truth articles and truth successor links per source. */
export function describeRealPages(pages: RealPage[]): string {
  const by = new Map<
    string,
    { pages: number; frags: number; inTruth: number; articles: number; links: number; joins: number }
  >();
  for (const p of pages) {
    const d = by.get(p.source) ?? { pages: 0, frags: 0, inTruth: 0, articles: 0, links: 0, joins: 0 };
    d.pages++;
    d.frags += p.issue.pages[0].fragments.length;
    d.inTruth += p.truth.articles.reduce((k, a) => k + a.items.length, 0);
    d.articles += p.truth.articles.length;
    d.links += p.truth.articles.reduce((k, a) => k + a.items.length - 1, 0);
    d.joins += p.truth.articles.reduce((k, a) => k + a.items.filter((it) => it.join).length, 0);
    by.set(p.source, d);
  }
  return [...by]
    .map(
      ([s, d]) =>
        `${s}: ${d.pages} page(s), ${d.frags} blocks (${d.inTruth} in METS articles), ${d.articles} article parts, ${d.links} true links (${d.joins} joins)`,
    )
    .join('; ');
}

/** The same issue with each page's fragments already in XY-cut order (the hook's order, forced past its file-order check). */
export function inXyCutOrder(issue: Issue): Issue {
  return {
    ...issue,
    pages: issue.pages.map((p) => {
      const boxed = p.fragments.filter((f) => f.box);
      if (boxed.length !== p.fragments.length) return p;
      const mode = writingMode(boxed);
      return {
        ...p,
        fragments: xyCutOrder(
          boxed.map((f) => f.box!),
          { writingMode: mode, lineHeight: linePitch(boxed, mode) },
        ).map((k) => boxed[k]),
      };
    }),
  };
}

/** XY-cut time for a synthetic broadsheet of `n` boxes (6 columns, a banner, slight jitter, shuffled; no line
 *  pitch given, the slower path): wall and CPU p50/p95 in ms. */
export function xyCutTiming(n: number, runs: number): { p50: number; p95: number; cpu50: number; cpu95: number } {
  const r = rng(7);
  const perCol = Math.ceil((n - 1) / 6);
  const boxes = [{ x: 0, y: 0, w: 1960, h: 80 }];
  for (let c = 0; c < 6 && boxes.length < n; c++) {
    for (let k = 0; k < perCol && boxes.length < n; k++)
      boxes.push({ x: c * 330 + r() * 4, y: 100 + k * 80 + r() * 4, w: 310, h: 60 + r() * 15 });
  }
  const shuffled = scrambled({ pages: [{ fragments: boxes }] } as unknown as Issue, 1).pages[0]
    .fragments as unknown as typeof boxes;
  for (let k = 0; k < 20; k++) xyCutOrder(shuffled); // warm-up
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    xyCutOrder(shuffled);
    ms.push(performance.now() - t0);
    cpu.push(process.cpuUsage(c0).user / 1000);
  }
  return {
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    cpu50: percentile(cpu, 0.5),
    cpu95: percentile(cpu, 0.95),
  };
}

/**
 * The benchmark's real-page section: one row per source (BL, BnL) for each setting. `row` formats a summary as
 * bench/suggest.ts does.
 */
export function realPagesReport(fixtures: string, quick: boolean, row: (name: string, s: Summary) => string): string[] {
  const pages = realPages(fixtures);
  const seeds = quick ? [1, 2] : [1, 2, 3, 4, 5];
  const off = { ...DEFAULT_PARAMS, xycut: false };
  const lines = [
    `Real METS/ALTO pages (evaluation only; truth from the METS, cut at page ends; BnL joins from PARAGRAPH areas, BL none). ${describeRealPages(pages)}`,
  ];
  const add = (label: string, run: (ps: RealPage[]) => PageScore[]) => {
    for (const src of ['BL', 'BnL'] as const)
      lines.push(row(`${label} ${src}`, summarize(run(pages.filter((p) => p.source === src)))));
  };
  const forced = (ps: RealPage[]) => ps.map((p) => ({ ...p, issue: inXyCutOrder(p.issue) }));
  add('real METS/ALTO (mode G)', (ps) => runRealPages(ps, { boxes: true }));
  add('  G, XY-cut hook off', (ps) => runRealPages(ps, { boxes: true, params: off }));
  add('  G, XY-cut order forced', (ps) => runRealPages(forced(ps), { boxes: true }));
  add('  T (boxes removed)', (ps) => runRealPages(ps, { boxes: false }));
  add('  T on XY-cut order', (ps) => runRealPages(forced(ps), { boxes: false }));
  lines.push(
    `File order shuffled (${seeds.length} seeds per page): what an extractor that ignores reading order gives.`,
  );
  add('shuffled, G + XY-cut', (ps) => runRealPages(ps, { boxes: true, scrambleSeeds: seeds }));
  add('shuffled, G, hook off', (ps) => runRealPages(ps, { boxes: true, scrambleSeeds: seeds, params: off }));
  add('shuffled, T', (ps) => runRealPages(ps, { boxes: false, scrambleSeeds: seeds }));
  for (const n of [60, 300]) {
    const t = xyCutTiming(n, quick ? 50 : 200);
    lines.push(
      `XY-cut order of ${n} boxes: wall p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms; CPU p50 ${t.cpu50.toFixed(2)} ms, p95 ${t.cpu95.toFixed(2)} ms`,
    );
  }
  return lines;
}
