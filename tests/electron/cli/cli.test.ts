import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../electron/cli/main';
import { loadIssueFile, saveIssueFile } from '../../../electron/host/services/issue-files';
import { applyOp } from '../../../shared/ops';
import { endsSentence } from '../../../shared/text/chars';
import { serializeIssue } from '../../../shared/issue-file/parse-issue';
import { ROOT, SAMPLE_PAGE } from '../../support/paths';

/** The `galley` CLI: a few runs through the real binary (`node bin/galley.mjs`), the rest through `main()`. */
function galley(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/galley.mjs'), ...args],
      { cwd: ROOT, timeout: 60_000, maxBuffer: 64 << 20 },
      (e, out, err) => {
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, out, err });
      },
    );
  });
}
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
/** One line `galley: …` on stderr, no stack trace. */
function expectOneLineError(r: { code: number; err: string }, what: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^galley: /);
  expect(lines[0]).toMatch(what);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('galley CLI', () => {
  let dir: string;
  const p = (n: string) => path.join(dir, n);
  const sample = readFileSync(SAMPLE_PAGE, 'utf8');
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'galley-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the sample page through the real binary', async () => {
    const r = await galley('import', SAMPLE_PAGE, '-o', p('s.galley.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/imported 1 page\(s\), 114 fragments/);
    const issue = await loadIssueFile(p('s.galley.json'));
    expect(issue.pages[0].original).toBe(sample);
    expect(issue.pages[0].label).toBe('2');
  });

  it('check exits 1 and lists the unassigned fragments of a fresh import', async () => {
    const r = await run('check', p('s.galley.json'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^0 of 114 fragments placed · 114 unassigned/);
    expect(r.out).toMatch(/unassigned: p1\.1 «本报记者蹲点北仑区灵峰社区/);
    expect(r.out).toMatch(/… and 94 more unassigned/);
    const json = JSON.parse((await run('check', p('s.galley.json'), '--json')).out);
    expect(json.unassigned).toHaveLength(114);
  });

  it('check exits 0 on an issue made clean through operations', async () => {
    let issue = await loadIssueFile(p('s.galley.json'));
    const ids = [...issue.pool];
    issue = applyOp(issue, { type: 'createArticle', articleId: 'a1', title: '全页', fragmentIds: ids }).issue;
    // Join every fragment that follows one ending mid-sentence: no open ends remain.
    const items = issue.articles[0].items;
    for (let i = 1; i < items.length; i++) {
      const prev = issue.pages[0].fragments.find((f) => f.id === items[i - 1].id)!;
      if (!endsSentence(prev.text))
        issue = applyOp(issue, { type: 'setJoin', fragmentId: items[i].id, join: true }).issue;
    }
    const last = issue.pages[0].fragments.find((f) => f.id === items[items.length - 1].id)!;
    if (!endsSentence(last.text))
      issue = applyOp(issue, { type: 'setRole', fragmentIds: [last.id], role: 'credit' }).issue;
    await saveIssueFile(p('clean.galley.json'), issue);
    const r = await run('check', p('clean.galley.json'));
    expect(r.out).toMatch(/^114 of 114 fragments placed · 0 unassigned · 0 open ends · 0 empty articles$/);
    expect(r.code).toBe(0);
  });

  it('export --format json carries every non-space character of the page (all unassigned at this stage)', async () => {
    const r = await run('export', p('s.galley.json'), '--format', 'json', '-o', p('s.export.json'));
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(p('s.export.json'), 'utf8'));
    expect(doc.articles).toEqual([]);
    const exported = doc.unassigned
      .map((u: { text: string }) => u.text)
      .join('')
      .replace(/\s/gu, '');
    // The page minus whitespace and the heading marks (`#`, `##`) that are formatting, not text.
    const expected = sample.replace(/^#{1,6}[ \t]+/gmu, '').replace(/\s/gu, '');
    expect([...exported].sort().join('')).toBe([...expected].sort().join(''));
    expect(exported).toBe(expected);
  });

  it('imports several files as pages of one issue, in order, labelled from their names', async () => {
    const names = ['zjrb-p3.txt', 'zjrb-p1.txt', 'zjrb-第7版.txt'];
    names.forEach((n, i) => writeFileSync(p(n), `# 第${i}篇\n\n正文${i}。\n`));
    const r = await run('import', ...names.map(p), '--title', '浙江日报', '-o', p('multi.galley.json'));
    expect(r.code).toBe(0);
    const issue = await loadIssueFile(p('multi.galley.json'));
    expect(issue.title).toBe('浙江日报');
    expect(issue.pages.map((pg) => [pg.id, pg.label, pg.source?.name])).toEqual([
      ['p1', '3', 'zjrb-p3.txt'],
      ['p2', '1', 'zjrb-p1.txt'],
      ['p3', '7', 'zjrb-第7版.txt'],
    ]);
    expect(issue.pool).toEqual(['p1.1', 'p1.2', 'p2.1', 'p2.2', 'p3.1', 'p3.2']);
  });

  it('reports hostile inputs through the real binary as one line, exit 2, no stack', async () => {
    writeFileSync(p('empty.txt'), '');
    writeFileSync(
      p('binary.txt'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
    );
    writeFileSync(p('latin.txt'), Buffer.from('正文 abc \xff\xfe\xff end', 'latin1'));
    const good = readFileSync(p('s.galley.json'), 'utf8');
    writeFileSync(p('cut.galley.json'), good.slice(0, Math.floor(good.length / 2)));
    writeFileSync(p('future.galley.json'), serializeIssue({ ...JSON.parse(good), version: 99 }));
    copyFileSync(SAMPLE_PAGE, p('page.txt'));
    const [empty, binary, latin, cut, future, notGalley, missing, unknown] = await Promise.all([
      galley('import', p('empty.txt'), '-o', p('x.galley.json')),
      galley('import', p('binary.txt'), '-o', p('x.galley.json')),
      galley('import', p('latin.txt'), '-o', p('x.galley.json')),
      galley('check', p('cut.galley.json')),
      galley('check', p('future.galley.json')),
      galley('check', p('page.txt')),
      galley('check', p('nope.galley.json')),
      galley('frobnicate'),
    ]);
    expectOneLineError(empty, /empty/);
    expectOneLineError(binary, /NUL bytes|binary/);
    expectOneLineError(latin, /neither UTF-8, GB18030\/GBK nor Big5/);
    expectOneLineError(cut, /truncated.*\.bak/);
    expectOneLineError(future, /newer Galley \(schema 99\)/);
    expectOneLineError(notGalley, /not JSON/);
    expectOneLineError(missing, /no such file/);
    expectOneLineError(unknown, /unknown command "frobnicate"/);
  });

  it('reports usage mistakes as errors with exit 2', async () => {
    expectOneLineError(await run('import', SAMPLE_PAGE), /needs an output file/);
    expectOneLineError(await run('import', '-o', p('y.galley.json')), /at least one page file/);
    expectOneLineError(await run('check'), /check takes one issue file/);
    expect((await run()).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });
});
