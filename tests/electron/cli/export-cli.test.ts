import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../../electron/cli/main';
import { exportIssue, childPath, EXPORT_FORMATS } from '../../../electron/host/services/export-service';
import { applyOp } from '@shared/ops';
import { FIXTURES } from '../../support/paths';
import { createHandlers } from '../../../electron/host/services/handlers';
import { PathTokens } from '../../../electron/host/security/path-tokens';
import { dispatch } from '../../../shared/ipc/contract';
import { finishedIssue, sampleIssue } from '../../shared/export/sample-issue';
import { readDocx, readHtml, unzip } from '../../shared/export/read-back';

let dir: string;
let unfinished: string;
let finished: string;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'galley-export-'));
  unfinished = path.join(dir, 'unfinished.galley.json');
  finished = path.join(dir, 'finished.galley.json');
  await writeFile(unfinished, JSON.stringify(sampleIssue()));
  await writeFile(finished, JSON.stringify(finishedIssue()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('galley export', () => {
  it('refuses an unfinished issue with exit 1 and the list of problems', async () => {
    const target = path.join(dir, 'refused.html');
    const r = await run('export', unfinished, '--format', 'html', '-o', target);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/export refused/);
    expect(r.err).toMatch(/95 unassigned fragment\(s\): p2\.5, /);
    expect(r.err).toMatch(/2 open end\(s\): /);
    await expect(readFile(target)).rejects.toThrow();
  });

  it('exports the unfinished issue with --allow-incomplete, and json always', async () => {
    const html = path.join(dir, 'anyway.html');
    expect((await run('export', unfinished, '--format', 'html', '-o', html, '--allow-incomplete')).code).toBe(0);
    expect(readHtml(await readFile(html, 'utf8'))[0]).toBe('第二届中国桐庐富春江诗歌节开幕');
    const json = path.join(dir, 'data.json');
    expect((await run('export', unfinished, '--format', 'json', '-o', json)).code).toBe(0);
    expect(JSON.parse(await readFile(json, 'utf8')).unassigned).toHaveLength(95);
  });

  it('exports every format of a finished issue', async () => {
    for (const f of ['md', 'txt', 'html', 'docx', 'json'] as const) {
      const r = await run('export', finished, '--format', f, '-o', path.join(dir, `all.${f}`));
      expect(r.code, r.err).toBe(0);
    }
    expect(readDocx(new Uint8Array(await readFile(path.join(dir, 'all.docx')))).paragraphs[0]).toBe(
      '第二届中国桐庐富春江诗歌节开幕',
    );
    expect(EXPORT_FORMATS).toEqual(expect.arrayContaining(['json', 'md', 'txt', 'html', 'docx', 'nitf', 'zip']));
  });

  it('writes one numbered file per article with --split, and NITF only that way or zipped', async () => {
    const out = path.join(dir, 'nitf');
    const one = await run('export', finished, '--format', 'nitf', '-o', path.join(dir, 'one.xml'));
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/--split, or as a zip/);
    expect((await run('export', finished, '--format', 'nitf', '--split', '-o', out)).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      '01 在诗乡,吟诗赛诗迎亚运.xml',
      '02 管家 上门帮企业招工揽才拼经济.xml',
      '03 46家德清民宿获首批认证证书.xml',
    ]);
    const zip = path.join(dir, 'articles.zip');
    const z = await run('export', finished, '--format', 'zip', '--inner', 'html', '-o', zip);
    expect(z.out).toMatch(/as zip of html/);
    expect(unzip(new Uint8Array(await readFile(zip))).map((e) => e.name)).toEqual([
      '01 在诗乡,吟诗赛诗迎亚运.html',
      '02 管家 上门帮企业招工揽才拼经济.html',
      '03 46家德清民宿获首批认证证书.html',
    ]);
    expect((await run('export', finished, '--format', 'md', '--inner', 'html', '-o', zip)).code).toBe(2);
  });

  it('--approved-only exports only approved articles, and refuses when there are none', async () => {
    const approvedFile = path.join(dir, 'approved.galley.json');
    const approved = applyOp(finishedIssue(), {
      type: 'setStatus',
      articleId: 'a-minsu',
      status: 'approved',
      by: 'ed',
      at: '2026-11-27',
    }).issue;
    await writeFile(approvedFile, JSON.stringify(approved));
    const md = path.join(dir, 'approved.md');
    expect((await run('export', approvedFile, '--format', 'md', '--approved-only', '-o', md)).code).toBe(0);
    const text = await readFile(md, 'utf8');
    expect(text).toContain('46家德清民宿获首批认证证书');
    expect(text).not.toContain('在诗乡');
    const none = await run('export', finished, '--format', 'md', '--approved-only', '-o', md);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no approved article/);
  });

  it('gates open ends only of the exported articles', async () => {
    const issue = applyOp(finishedIssue(), {
      type: 'setRole',
      fragmentIds: [sampleIssue().articles[0].items[2].id],
      role: 'body',
    }).issue;
    const target = path.join(dir, 'scoped.txt');
    expect(await exportIssue(issue, { format: 'txt', output: target })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/1 open end/)],
    });
    expect(await exportIssue(issue, { format: 'txt', output: target, articleIds: ['a-minsu'] })).toMatchObject({
      ok: true,
      articles: 1,
    });
  });

  it('keeps hostile article titles inside the export folder', async () => {
    let issue = finishedIssue();
    const titles = ['../../evil', 'C:\\Windows\\x', 'CON'];
    issue.articles.forEach((a, i) => {
      issue = applyOp(issue, { type: 'renameArticle', articleId: a.id, title: titles[i] }).issue;
    });
    const out = path.join(dir, 'hostile');
    const r = await exportIssue(issue, { format: 'md', output: out, split: true });
    expect(r.ok && r.files.map((f) => path.relative(out, f))).toEqual([
      '01 evil.md',
      '02 C Windows x.md',
      '03 _CON.md',
    ]);
    expect((await readdir(dir)).filter((n) => n.includes('evil'))).toEqual([]);
  });

  it('never writes outside the export folder', () => {
    expect(childPath('/x/out', '01 a.md')).toBe(path.resolve('/x/out/01 a.md'));
    for (const bad of ['../a.md', '..', '', 'a/b.md', '/etc/passwd', '.'])
      expect(() => childPath('/x/out', bad)).toThrow(/outside the export folder/);
  });
});

describe('galley cleanup', () => {
  it('previews cleanup and word-list hits without writing, then applies them', async () => {
    const file = path.join(dir, 'clean.galley.json');
    await writeFile(file, JSON.stringify(sampleIssue()));
    const before = await readFile(file, 'utf8');
    const p = await run('cleanup', file, '--wordlist', path.join(FIXTURES, 'wordlist.tsv'), '--pool');
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/p2\.3 p\.2 @14 punctuation: .*→ "，"/);
    expect(p.out).toMatch(/wordlist:4: .*\[人职\].* → 入职/);
    expect(p.out).toMatch(/4 word-list hit\(s\)$/m);
    expect(await readFile(file, 'utf8')).toBe(before);
    const a = await run('cleanup', file, '--wordlist', path.join(FIXTURES, 'wordlist.tsv'), '--pool', '--apply');
    expect(a.code).toBe(0);
    const again = await run('cleanup', file, '--wordlist', path.join(FIXTURES, 'wordlist.tsv'), '--pool');
    expect(again.out).toMatch(/^0 cleanup change\(s\) in 0 fragment\(s\), 0 word-list hit\(s\)$/m);
    expect(JSON.parse(await readFile(file, 'utf8')).history.length).toBe(sampleIssue().history.length + 2);
  });

  it('reports a broken word list with its lines', async () => {
    const list = path.join(dir, 'bad.tsv');
    await writeFile(list, '人职\n人十\t人士\n人十\t人仕\n');
    const r = await run('cleanup', unfinished, '--wordlist', list);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 1: expected wrong<TAB>right/);
    expect(r.err).toMatch(/line 3: "人十" is already listed on line 2/);
  });
});

describe('export.run over the host contract', () => {
  it('passes the zip inner format and answers the warnings', async () => {
    const target = path.join(dir, 'host.zip');
    const h = createHandlers({
      dialogs: {
        openIssue: async () => null,
        importPages: async () => null,
        saveIssueAs: async () => null,
        confirm: async () => 0,
        exportTo: async () => target,
      },
      tokens: new PathTokens(),
      userDataDir: path.join(dir, 'user'),
      appInfo: { version: '0', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
    });
    let issue = finishedIssue();
    const id = issue.articles[0].items[2].id;
    const text = issue.pages[0].fragments.find((f) => f.id === id)!.text;
    issue = applyOp(issue, { type: 'editText', fragmentId: id, text: `${text}\u0000` }).issue;
    const ref = (await dispatch(h, 'dialog.exportTo', { suggestedName: 'x.zip', format: 'zip', directory: false })) as {
      token: string;
    };
    const r = await dispatch(h, 'export.run', { token: ref.token, issue, format: 'zip', inner: 'docx' });
    expect(r).toEqual({
      ok: true,
      files: ['host.zip'],
      articles: 3,
      warnings: [expect.stringMatching(/^docx: removed 1 control character/)],
    });
    expect(
      unzip(new Uint8Array(await readFile(target))).map((e) => e.name.replace(/^\d+ /, '').split('.').pop()),
    ).toEqual(['docx', 'docx', 'docx']);
  });
});
