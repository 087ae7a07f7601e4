import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, mkdir, rm, readFile, cp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { importPageFiles } from '../../../../electron/host/services/page-files';
import { exportMetsAlto, exportPageXmlFiles } from '../../../../electron/host/services/layout-export';
import { applyOp } from '../../../../shared/ops';
import { audit, textIntact } from '../../../../shared/audit/audit';
import { findFragment, placeOf } from '../../../../shared/model/lookup';
import { IssueSchema } from '../../../../shared/model/schema';
import type { Issue } from '../../../../shared/model/types';
import { main } from '../../../../electron/cli/main';
import { FIXTURES } from '../../../support/paths';
import { expectFromMets } from '../../../shared/import/real-mets';
import { makePng } from '../../../shared/import/make-png';

const BNL_DIR = path.join(FIXTURES, 'real/bnl-luxzeit-1858-12-07');
const BNL = path.join(BNL_DIR, '2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml');
const BL = path.join(FIXTURES, 'real/bl-statesman-1824-02-17/0002647_18240217_mets.xml');
const ECPO = path.join(FIXTURES, 'real/ecpo-jingbao');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-layout-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, '');
const articleTexts = (issue: Issue) =>
  issue.articles.map((a) => a.items.map((it) => squash(findFragment(issue, it.id)!.text)));

describe('importPageFiles with a METS file', () => {
  it('imports the ALTO pages the METS names, in order, with its articles, and warns about each missing file', async () => {
    const warnings: string[] = [];
    const issue = await importPageFiles([BNL], { warnings });
    const expected = expectFromMets(BNL);
    expect(issue.pages).toHaveLength(expected.pagesPresent);
    expect(articleTexts(issue)).toEqual(expected.articles.map((a) => a.blocks.map((b) => b.text)));
    expect(expected.missingAlto).toEqual(['text/1858-12-07_01-00004.xml']);
    for (const href of expected.missingAlto)
      expect(warnings.filter((w) => w.includes(href) && /missing/i.test(w))).toHaveLength(1);
    // Scans of the imported pages are named but not shipped: one warning each.
    for (const href of expected.missingImages.slice(0, expected.pagesPresent))
      expect(warnings.some((w) => w.includes(href))).toBe(true);
    expect(issue.title).toMatch(/Luxemburger Zeitung/);
    expect(textIntact(audit(issue))).toBe(true);
    expect(IssueSchema.safeParse(issue).success).toBe(true);
  });

  it('the scan is the first image the METS names that exists and can be shown (PNG after a missing TIFF)', async () => {
    const work = path.join(tmp, 'scan');
    await cp(BNL_DIR, work, { recursive: true });
    await mkdir(path.join(work, 'blackwhiteimages'), { recursive: true });
    await writeFile(path.join(work, 'blackwhiteimages/1858-12-07_01-00001.png'), makePng(259, 405));
    const warnings: string[] = [];
    const issue = await importPageFiles([path.join(work, path.basename(BNL))], { warnings, baseDir: work });
    expect(issue.pages[0].image).toEqual({
      src: 'blackwhiteimages/1858-12-07_01-00001.png',
      width: 259,
      height: 405,
      mime: 'image/png',
    });
    // Boxes stay in ALTO units (mm10): the page size is the ALTO page, the viewer scales the scan onto it.
    expect(issue.pages[0].size).toEqual({ width: 2590, height: 4050 });
    expect(warnings.some((w) => w.includes('images/1858-12-07_01-00001.tif'))).toBe(false);
    expect(warnings.some((w) => w.includes('images/1858-12-07_01-00002.tif'))).toBe(true);
  });

  it('BL: ALTO 1.4 page 3 with structLink articles; pages 1, 2 and 4 reported missing', async () => {
    const warnings: string[] = [];
    const issue = await importPageFiles([BL], { warnings });
    const expected = expectFromMets(BL);
    expect(articleTexts(issue)).toEqual(expected.articles.map((a) => a.blocks.map((b) => b.text)));
    expect(expected.missingAlto).toHaveLength(3);
    for (const href of expected.missingAlto) expect(warnings.some((w) => w.includes(href))).toBe(true);
  });

  it('the CLI prints one warning line per missing file and writes the issue', async () => {
    const out: string[] = [],
      err: string[] = [];
    const target = path.join(tmp, 'cli', 'bnl.galley.json');
    await mkdir(path.dirname(target), { recursive: true });
    const code = await main(['import', BNL, '-o', target], { out: (s) => out.push(s), err: (s) => err.push(s) });
    expect(code).toBe(0);
    expect(err.filter((l) => l.startsWith('warning: ') && l.includes('1858-12-07_01-00004.xml'))).toHaveLength(1);
    expect(out.join('\n')).toMatch(/imported 3 page\(s\)/);
    const saved = JSON.parse(await readFile(target, 'utf8')) as Issue;
    expect(saved.articles.length).toBe(expectFromMets(BNL).articles.length);
    // The ALTO source is remembered relative to the issue file, for the mets-alto export.
    expect(path.resolve(path.dirname(target), saved.pages[0].source!.name)).toBe(
      path.join(BNL_DIR, 'text/1858-12-07_01-00001.xml'),
    );
  });
});

describe('ECPO Jing bao transcriptions (TEI-like, DOCTYPE with &gaiji;)', () => {
  it('import as text: one fragment per <p>, <lb/> as line breaks, articles from div type="article"', async () => {
    for (const name of (await readdir(ECPO)).filter((n) => n.endsWith('.xml'))) {
      const file = path.join(ECPO, name);
      const xml = await readFile(file, 'utf8');
      const issue = await importPageFiles([file]);
      // Independent counts from the raw text: paragraphs with text, article divs, page divs.
      const paras = [...xml.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].filter(
        (m) => m[1].replace(/<[^>]+>|\s/g, '') !== '',
      );
      const frags = issue.pages.flatMap((p) => p.fragments);
      expect(frags).toHaveLength(paras.length);
      expect(issue.pages).toHaveLength([...xml.matchAll(/<div[^>]*type="page"/g)].length);
      expect(issue.articles).toHaveLength([...xml.matchAll(/<div[^>]*type="article"/g)].length);
      const firstLines = paras[0][1]
        .split('<lb/>')
        .map((l) => l.replace(/<[^>]+>/g, '').trim())
        .filter(Boolean);
      expect(frags[0].text.split('\n')).toEqual(firstLines);
      expect(frags.some((f) => f.text.includes('\n'))).toBe(true);
      expect(textIntact(audit(issue))).toBe(true);
    }
  });
});

describe('round trip: METS/ALTO → move a block → mets-alto export → re-import', () => {
  it('keeps the move, and the ALTO files are byte-identical copies', async () => {
    const work = path.join(tmp, 'rt');
    await cp(BNL_DIR, work, { recursive: true });
    let issue = await importPageFiles([path.join(work, path.basename(BNL))], { baseDir: work });
    // Move the last body block of the second article to the end of the first article.
    const [first, second] = issue.articles;
    const moved = second.items[second.items.length - 1].id;
    const movedText = squash(findFragment(issue, moved)!.text);
    issue = applyOp(issue, {
      type: 'moveFragments',
      fragmentIds: [moved],
      to: { kind: 'article', articleId: first.id, after: first.items[first.items.length - 1].id },
    }).issue;
    expect(placeOf(issue, moved)).toMatchObject({ kind: 'article', articleId: first.id });
    const expectedTexts = articleTexts(issue);

    const outDir = path.join(tmp, 'rt-out');
    const res = await exportMetsAlto(issue, { output: outDir, sourceDir: work });
    expect(res.files[0]).toBe(path.join(outDir, 'mets.xml'));
    for (const f of ['1858-12-07_01-00001.xml', '1858-12-07_01-00002.xml', '1858-12-07_01-00003.xml']) {
      expect(
        Buffer.compare(await readFile(path.join(outDir, 'text', f)), await readFile(path.join(BNL_DIR, 'text', f))),
      ).toBe(0);
    }
    const warnings: string[] = [];
    const again = await importPageFiles([path.join(outDir, 'mets.xml')], { warnings });
    expect(warnings).toEqual([]);
    expect(articleTexts(again)).toEqual(expectedTexts);
    expect(articleTexts(again)[0].at(-1)).toBe(movedText);
    expect(again.articles.map((a) => a.items.map((it) => it.join))).toEqual(
      issue.articles.map((a) => a.items.map((it) => it.join)),
    );
    // The exported METS is what an independent reader sees too.
    expect(expectFromMets(path.join(outDir, 'mets.xml')).articles.map((a) => a.blocks.map((b) => b.text))).toEqual(
      expectedTexts,
    );
  });

  it('a split block is exported as a word range and the zip holds the METS next to the ALTO files', async () => {
    let issue = await importPageFiles([BNL]);
    const art = issue.articles[1];
    const f = findFragment(issue, art.items[1].id)!;
    const cut = f.text.indexOf(' ', Math.floor(f.text.length / 2)) + 1;
    issue = applyOp(issue, { type: 'splitFragment', fragmentId: f.id, offset: cut, newId: 'x1' }).issue;
    const zip = path.join(tmp, 'bnl.zip');
    // The issue was never saved: the ALTO files are read from the folder the pages were imported from.
    await exportMetsAlto(issue, { output: zip, referenceRoots: [BNL_DIR] });
    const entries = unzipSync(new Uint8Array(await readFile(zip)));
    expect(Object.keys(entries).sort()).toEqual([
      'mets.xml',
      'text/1858-12-07_01-00001.xml',
      'text/1858-12-07_01-00002.xml',
      'text/1858-12-07_01-00003.xml',
    ]);
    const mets = new TextDecoder().decode(entries['mets.xml']);
    expect(mets).toMatch(/BEGIN="P1_ST\d+" END="P1_ST\d+"/);
  });

  it('writes ALTO 4.4 for a page that was not imported from ALTO (a text page)', async () => {
    const txt = path.join(FIXTURES, 'pages/zhejiang-daily-2023-02-27-p2.txt');
    const issue = await importPageFiles([txt]);
    const res = await exportMetsAlto(issue, { output: path.join(tmp, 'from-text') });
    expect(res.files.map((f) => path.relative(path.join(tmp, 'from-text'), f))).toEqual([
      'mets.xml',
      'text/zhejiang-daily-2023-02-27-p2.xml',
    ]);
    expect(await readFile(res.files[1], 'utf8')).toContain('xmlns="http://www.loc.gov/standards/alto/ns-v4#"');
    const again = await importPageFiles([res.files[0]]);
    expect(again.pages[0].fragments.map((f) => squash(f.text))).toEqual(
      issue.pages[0].fragments.map((f) => squash(f.text)),
    );
  });
});

describe('PAGE XML export → import', () => {
  it('keeps articles, order, joins, roles, discards and corrected text', async () => {
    let issue = await importPageFiles([BNL]);
    const a0 = issue.articles[0];
    const fixId = a0.items[0].id;
    issue = applyOp(issue, { type: 'editText', fragmentId: fixId, text: 'Nicht amtlicher Theil (korrigiert).' }).issue;
    const junk = issue.pool[0];
    issue = applyOp(issue, { type: 'moveFragments', fragmentIds: [junk], to: { kind: 'discard' } }).issue;
    const dir = path.join(tmp, 'page-out');
    const { files } = await exportPageXmlFiles(issue, { output: dir });
    expect(files).toHaveLength(3);
    const again = await importPageFiles(files);
    expect(articleTexts(again)).toEqual(articleTexts(issue));
    expect(again.articles.map((a) => a.items.map((it) => it.join))).toEqual(
      issue.articles.map((a) => a.items.map((it) => it.join)),
    );
    expect(again.articles.map((a) => a.items.map((it) => findFragment(again, it.id)!.role))).toEqual(
      issue.articles.map((a) => a.items.map((it) => findFragment(issue, it.id)!.role)),
    );
    expect(findFragment(again, again.articles[0].items[0].id)!.text).toBe('Nicht amtlicher Theil (korrigiert).');
    expect(again.discarded.map((id) => squash(findFragment(again, id)!.text))).toEqual([
      squash(findFragment(issue, junk)!.text),
    ]);
    expect(again.pool.length).toBe(issue.pool.length);
    expect(findFragment(again, again.articles[0].items[0].id)!.box).toEqual(
      findFragment(issue, fixId)!.box && {
        x: Math.round(findFragment(issue, fixId)!.box!.x),
        y: Math.round(findFragment(issue, fixId)!.box!.y),
        w:
          Math.round(findFragment(issue, fixId)!.box!.x + findFragment(issue, fixId)!.box!.w) -
          Math.round(findFragment(issue, fixId)!.box!.x),
        h:
          Math.round(findFragment(issue, fixId)!.box!.y + findFragment(issue, fixId)!.box!.h) -
          Math.round(findFragment(issue, fixId)!.box!.y),
      },
    );
  });
});

describe('galley export --format mets-alto | page', () => {
  it('the CLI writes both layout formats from an imported METS issue; mets-alto is gated like a publication', async () => {
    const dir = path.join(tmp, 'cli-export');
    await mkdir(dir, { recursive: true });
    const issueFile = path.join(dir, 'bnl.galley.json');
    const io = () => {
      const out: string[] = [],
        err: string[] = [];
      return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
    };
    expect(await main(['import', BNL, '-o', issueFile], io().io)).toBe(0);
    const refused = io();
    expect(
      await main(['export', issueFile, '--format', 'mets-alto', '-o', path.join(dir, 'out.zip')], refused.io),
    ).toBe(1);
    expect(refused.err.join('\n')).toMatch(/unassigned/);
    const ok = io();
    // The issue lies in another folder than the METS: its ALTO files are read only from a folder the user names.
    const unnamed = io();
    expect(
      await main(
        ['export', issueFile, '--format', 'mets-alto', '--allow-incomplete', '-o', path.join(dir, 'out.zip')],
        unnamed.io,
      ),
    ).toBe(2);
    expect(unnamed.err.join('\n')).toMatch(/lies outside the issue's folder/);
    expect(
      await main(
        [
          'export',
          issueFile,
          '--format',
          'mets-alto',
          '--allow-incomplete',
          '--sources',
          BNL_DIR,
          '-o',
          path.join(dir, 'out.zip'),
        ],
        ok.io,
      ),
    ).toBe(0);
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(path.join(dir, 'out.zip')))))).toContain('mets.xml');
    const page = io();
    expect(await main(['export', issueFile, '--format', 'page', '-o', path.join(dir, 'page')], page.io)).toBe(0);
    expect((await readdir(path.join(dir, 'page'))).sort()).toEqual(['page-1.xml', 'page-2.xml', 'page-3.xml']);
  });

  it('the CLI writes mets-alto from an issue imported from plain text', async () => {
    const dir = path.join(tmp, 'cli-text');
    await mkdir(dir, { recursive: true });
    const issueFile = path.join(dir, 'zj.galley.json');
    const sink = { out: () => undefined, err: (s: string) => errs.push(s) };
    const errs: string[] = [];
    expect(
      await main(['import', path.join(FIXTURES, 'pages/zhejiang-daily-2023-02-27-p2.txt'), '-o', issueFile], sink),
    ).toBe(0);
    const saved = JSON.parse(await readFile(issueFile, 'utf8')) as Issue;
    const withArticle = applyOp(saved, {
      type: 'createArticle',
      articleId: 'a1',
      fragmentIds: saved.pool.slice(0, 3),
    }).issue;
    await writeFile(issueFile, JSON.stringify(withArticle));
    expect(
      await main(
        ['export', issueFile, '--format', 'mets-alto', '--allow-incomplete', '-o', path.join(dir, 'out')],
        sink,
      ),
    ).toBe(0);
    expect(errs).toEqual([]);
    expect(await readdir(path.join(dir, 'out', 'text'))).toEqual(['zhejiang-daily-2023-02-27-p2.xml']);
  });
});

describe('scans named inside layout files', () => {
  it('hOCR image property and PAGE imageFilename attach the scan next to the file, or warn when it is missing', async () => {
    const dir = path.join(tmp, 'named-scans');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'scan-7.png'), makePng(1200, 1800));
    await writeFile(
      path.join(dir, 'p7.hocr'),
      `<html><body><div class="ocr_page" title="image 'scan-7.png'; bbox 0 0 1200 1800">
      <div class="ocr_carea" title="bbox 10 10 500 100"><span class="ocr_line"><span class="ocrx_word">Hallo</span></span></div></div></body></html>`,
    );
    await writeFile(
      path.join(dir, 'p8.xml'),
      `<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="gone.png" imageWidth="10" imageHeight="10">
      <TextRegion id="r1"><Coords points="0,0 5,0 5,5 0,5"/><TextEquiv><Unicode>Welt</Unicode></TextEquiv></TextRegion></Page></PcGts>`,
    );
    const warnings: string[] = [];
    const issue = await importPageFiles([path.join(dir, 'p7.hocr'), path.join(dir, 'p8.xml')], {
      warnings,
      baseDir: dir,
    });
    expect(issue.pages.map((p) => p.fragments.map((f) => f.text))).toEqual([['Hallo'], ['Welt']]);
    expect(issue.pages[0].image).toEqual({ src: 'scan-7.png', width: 1200, height: 1800, mime: 'image/png' });
    expect(issue.pages[1].image).toBeUndefined();
    expect(warnings).toEqual(['Missing file: gone.png (scan named in p8.xml)']);
  });
});
