import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMets } from '../../shared/import/mets';
import { pageFromAlto } from '../../shared/import/alto';
import { partFromMets } from '../../shared/import/mets-issue';
import { partFromTei } from '../../shared/import/tei';
import { partFromPageXml } from '../../shared/import/page-xml';
import { assembleIssue } from '../../shared/import/layout-result';
import { createIssue } from '../../shared/model/create';
import type { Issue } from '../../shared/model/types';
import { FIXTURES } from '../support/paths';
import { importPages, PIECES, runSteps, stepSeed, type RunStats } from './ops-property-model';

/**
 * The no-text-lost property of `ops-property.test.ts` on the documents proofreaders really get: layout imports
 * (METS + ALTO, a single ALTO page, TEI, PAGE XML) with the articles, joins, furniture, boxes and multi-line
 * fragments their importers make, and issues of hundreds of fragments. Same steps, same checks after each step
 * (`runSteps`), same end checks (JSON round trip, history replay, undo to the original).
 */

/** METS and those of the ALTO files it names that are present, read with plain fs, through the shared importers. */
function importMets(file: string): Issue {
  const mets = parseMets(readFileSync(file, 'utf8'));
  const inputs = [];
  for (const p of mets.pages) {
    const f = mets.files.get(p.altoFileId ?? '');
    const alto = f && path.join(path.dirname(file), f.href);
    if (!alto || !existsSync(alto)) continue; // the fixtures keep some of the issue's pages
    const xml = readFileSync(alto, 'utf8');
    inputs.push({ fileId: f.id, alto: pageFromAlto(xml, { pageId: `p${inputs.length + 1}`, label: p.label }) });
  }
  return assembleIssue([partFromMets(mets, inputs)], { title: mets.title ?? 'mets' });
}

const fixture = (rel: string) => path.join(FIXTURES, rel);
const SOURCES: Record<string, () => Issue> = {
  'METS+ALTO, BnL 1858 (3 pages)': () =>
    importMets(fixture('real/bnl-luxzeit-1858-12-07/2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml')),
  'METS+ALTO, BL 1824': () => importMets(fixture('real/bl-statesman-1824-02-17/0002647_18240217_mets.xml')),
  'ALTO page, BnL 1858 p2': () =>
    createIssue(
      [
        pageFromAlto(readFileSync(fixture('real/bnl-luxzeit-1858-12-07/text/1858-12-07_01-00002.xml'), 'utf8'), {
          pageId: 'p1',
        }).page,
      ],
      { title: 'alto' },
    ),
  'TEI, 京報 1920': () =>
    assembleIssue(
      [
        partFromTei(readFileSync(fixture('real/ecpo-jingbao/jb_0137_1920-04-27_0002+0003.xml'), 'utf8'), {
          firstPage: 1,
        }),
      ],
      { title: 'tei' },
    ),
  'TEI, 京報 1939': () =>
    assembleIssue(
      [
        partFromTei(readFileSync(fixture('real/ecpo-jingbao/jb_3804_1939-04-30_0002+0003.xml'), 'utf8'), {
          firstPage: 1,
        }),
      ],
      { title: 'tei' },
    ),
};
const imported = new Map<string, Issue>();
beforeAll(() => {
  for (const [name, load] of Object.entries(SOURCES)) imported.set(name, load());
});

/**
 * Generated PAGE XML (there is no PAGE file among the fixtures): regions of the property's text pieces, some of
 * them furniture, grouped by a reading order with join relations inside groups, some left out of it.
 */
const PAGE_TYPES = [
  'paragraph',
  'paragraph',
  'heading',
  'caption',
  'credit',
  'header',
  'page-number',
  'footer',
] as const;
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const regionArb = fc.record({
  type: fc.constantFrom(...PAGE_TYPES),
  lines: fc.array(
    fc
      .array(fc.constantFrom(...PIECES.filter((p) => !p.includes('\n'))), { minLength: 1, maxLength: 10 })
      .map((a) => a.join('')),
    { minLength: 1, maxLength: 3 },
  ),
});
const pageXmlArb = fc
  .record({
    regions: fc.array(regionArb, { minLength: 1, maxLength: 40 }),
    groupCuts: fc.array(fc.nat(), { maxLength: 8 }),
    unordered: fc.nat(),
    joinEvery: fc.integer({ min: 2, max: 5 }),
  })
  .map(({ regions, groupCuts, unordered, joinEvery }) => {
    const ids = regions.map((_, i) => `r${i}`);
    const ordered = ids.slice(0, ids.length - (unordered % Math.max(1, Math.ceil(ids.length / 4))));
    const cuts = [...new Set(groupCuts.map((c) => c % Math.max(1, ordered.length)))].sort((a, b) => a - b);
    const groups = [0, ...cuts, ordered.length].flatMap((c, i, a) =>
      i && a[i - 1] < c ? [ordered.slice(a[i - 1], c)] : [],
    );
    const joins = groups.flatMap((g) => g.flatMap((id, i) => (i && i % joinEvery === 0 ? [[g[i - 1], id]] : [])));
    const body = regions
      .map(
        (r, i) =>
          `<TextRegion id="r${i}" type="${r.type}"><Coords points="0,${i * 10} 100,${i * 10} 100,${i * 10 + 9} 0,${i * 10 + 9}"/>${r.lines
            .map((l) => `<TextLine><TextEquiv><Unicode>${xmlText(l)}</Unicode></TextEquiv></TextLine>`)
            .join('')}</TextRegion>`,
      )
      .join('');
    return (
      `<?xml version="1.0" encoding="UTF-8"?><PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="p.png" imageWidth="100" imageHeight="${regions.length * 10}">` +
      `<ReadingOrder><OrderedGroup id="ro">${groups.map((g, gi) => `<OrderedGroupIndexed id="g${gi}" index="${gi}">${g.map((id, i) => `<RegionRefIndexed index="${i}" regionRef="${id}"/>`).join('')}</OrderedGroupIndexed>`).join('')}</OrderedGroup></ReadingOrder>` +
      `<Relations>${joins.map(([a, b]) => `<Relation type="join"><RegionRef regionRef="${a}"/><RegionRef regionRef="${b}"/></Relation>`).join('')}</Relations>` +
      `${body}</Page></PcGts>`
    );
  });

/** Pages of 100–400 blocks each (a plain-text page of the base property has about 12): hundreds of fragments. */
// A block of spaces alone is no block (the importer folds it into the blank line): every block carries text.
const blockArb = fc
  .array(fc.constantFrom(...PIECES.filter((p) => !p.includes('\n'))), { minLength: 1, maxLength: 12 })
  .map((a) => a.join(''))
  .filter((b) => b.trim() !== '');
const bigPageArb = fc.array(blockArb, { minLength: 100, maxLength: 400 }).map((blocks) => blocks.join('\n\n'));

const steps = fc.array(stepSeed, { size: 'large', maxLength: 40 });
const fresh = (): RunStats => ({ applied: 0, refused: 0, undos: 0, redos: 0 });
const fragments = (i: Issue) => i.pages.reduce((n, p) => n + p.fragments.length, 0);

describe('no text is ever lost on layout imports and large issues (property)', () => {
  it('METS+ALTO, ALTO, TEI fixtures through the shared importers', { timeout: 300_000 }, () => {
    const stats = fresh();
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SOURCES)), steps, (name, s) => {
        runSteps(imported.get(name)!, s, stats);
      }),
      { numRuns: 150 },
    );
    expect(stats.applied).toBeGreaterThan(750);
    expect(stats.undos).toBeGreaterThan(50);
    // METS and TEI come with articles (and joins), which the plain-text property never has; the lone ALTO page not.
    expect([...imported.values()].filter((i) => i.articles.length > 0)).toHaveLength(Object.keys(SOURCES).length - 1);
  });

  it('generated PAGE XML (reading-order groups, joins, furniture), 1–3 files', { timeout: 300_000 }, () => {
    const stats = fresh();
    let articles = 0;
    fc.assert(
      fc.property(fc.array(pageXmlArb, { minLength: 1, maxLength: 3 }), steps, (files, s) => {
        let first = 1;
        const parts = files.map((xml) => {
          const p = partFromPageXml(xml, { firstPage: first });
          first += p.pages.length;
          return p;
        });
        const issue = assembleIssue(parts, { title: 'page' });
        articles += issue.articles.length;
        runSteps(issue, s, stats);
      }),
      { numRuns: 150 },
    );
    expect(stats.applied).toBeGreaterThan(750);
    expect(articles).toBeGreaterThan(150);
  });

  it('issues of hundreds of fragments', { timeout: 300_000 }, () => {
    const stats = fresh();
    let smallest = Infinity;
    fc.assert(
      fc.property(fc.array(bigPageArb, { minLength: 1, maxLength: 2 }), steps, (pages, s) => {
        const issue = importPages(pages);
        smallest = Math.min(smallest, fragments(issue));
        runSteps(issue, s, stats);
      }),
      { numRuns: 40 },
    );
    expect(smallest).toBeGreaterThanOrEqual(100);
    expect(stats.applied).toBeGreaterThan(150);
  });
});
