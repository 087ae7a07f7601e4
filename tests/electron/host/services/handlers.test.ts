import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, copyFile, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHandlers, type Dialogs, type HandlerDeps } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch, HostError, type Handlers } from '../../../../shared/ipc/contract';
import { SAMPLE_PAGE } from '../../../support/paths';

/** Scripted dialogs: each call takes the next answer. */
function scripted(answers: Partial<Record<keyof Dialogs, unknown[]>>): Dialogs {
  const next = (k: keyof Dialogs) => {
    const q = answers[k];
    if (!q?.length) throw new Error(`no answer for ${k}`);
    return q.shift();
  };
  return {
    openIssue: async () => next('openIssue') as string | null,
    importPages: async () => next('importPages') as string[] | null,
    saveIssueAs: async () => next('saveIssueAs') as string | null,
    exportTo: async () => next('exportTo') as string | null,
    confirm: async () => next('confirm') as number,
  };
}

let dir: string;
let userData: string;
const calls: string[] = [];

function make(answers: Partial<Record<keyof Dialogs, unknown[]>> = {}, extra: Partial<HandlerDeps> = {}): Handlers {
  return createHandlers({
    dialogs: scripted(answers),
    tokens: new PathTokens(),
    userDataDir: userData,
    appInfo: { version: '9.9.9', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
    window: {
      setTitle: (t) => calls.push(`title:${t}`),
      setDirty: (d) => calls.push(`dirty:${d}`),
      quit: () => calls.push('quit'),
      addRecentDocument: (f) => calls.push(`recent:${path.basename(f)}`),
    },
    now: () => new Date('2026-11-27T10:00:00.000Z'),
    ...extra,
  });
}

const call = (h: Handlers, ch: string, input: unknown = {}) => dispatch(h, ch, input) as Promise<never>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-handlers-'));
  userData = path.join(dir, 'user');
  calls.length = 0;
  await copyFile(SAMPLE_PAGE, path.join(dir, 'p2.txt'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function importSample(h: Handlers) {
  const refs = (await call(h, 'dialog.importPages')) as { token: string }[];
  return (await call(h, 'issue.importPages', { tokens: refs.map((r) => r.token) })) as {
    issue: { id: string; title: string; pages: unknown[] };
    warnings: string[];
  };
}

describe('createHandlers', () => {
  it('imports pages chosen in a dialog, saves as, reopens and lists the file as recent', async () => {
    const target = path.join(dir, 'day');
    const h = make({ importPages: [[path.join(dir, 'p2.txt')]], saveIssueAs: [target] });
    const { issue, warnings } = await importSample(h);
    expect(issue.pages).toHaveLength(1);
    expect(warnings).toEqual([]);
    const ref = (await call(h, 'dialog.saveIssueAs', { suggestedName: 'day' })) as { token: string; name: string };
    expect(ref.name).toBe('day.galley.json'); // the suffix is added
    const saved = (await call(h, 'issue.save', { token: ref.token, issue })) as { savedAt: string; durable: boolean };
    expect(saved).toEqual({ savedAt: '2026-11-27T10:00:00.000Z', durable: true });
    expect(JSON.parse(await readFile(target + '.galley.json', 'utf8')).id).toBe(issue.id);
    const opened = (await call(h, 'issue.open', { token: ref.token })) as {
      issue: { id: string };
      file: { name: string };
    };
    expect(opened.issue.id).toBe(issue.id);
    expect(opened.file.name).toBe('day.galley.json');
    const recent = (await call(h, 'recent.list')) as { name: string; openedAt: string }[];
    expect(recent).toEqual([{ token: ref.token, name: 'day.galley.json', openedAt: '2026-11-27T10:00:00.000Z' }]);
    expect(calls).toContain('recent:day.galley.json');
  });

  it('refuses unknown tokens and tokens chosen for another purpose, with a clear message', async () => {
    const h = make({ importPages: [[path.join(dir, 'p2.txt')]] });
    const { issue } = await importSample(h);
    await expect(call(h, 'issue.open', { token: 'x'.repeat(24) })).rejects.toThrow(/unknown file token/);
    const refs = (await call(make({ importPages: [[path.join(dir, 'p2.txt')]] }), 'dialog.importPages')) as {
      token: string;
    }[];
    await expect(call(h, 'issue.save', { token: refs[0].token, issue })).rejects.toThrow(/unknown file token/); // other registry
    const own = (await call(make({ importPages: [[path.join(dir, 'p2.txt')]] }), 'dialog.importPages')) as {
      token: string;
    }[];
    expect(own[0].token).not.toBe(refs[0].token); // tokens are random per launch
  });

  it('a page-import token cannot overwrite the page file', async () => {
    const h = make({ importPages: [[path.join(dir, 'p2.txt')], [path.join(dir, 'p2.txt')]] });
    const { issue } = await importSample(h);
    const refs = (await call(h, 'dialog.importPages')) as { token: string }[];
    const err = await call(h, 'issue.save', { token: refs[0].token, issue }).catch((e: HostError) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('refused');
    expect((err as HostError).message).toMatch(/page import/);
    expect(await readFile(path.join(dir, 'p2.txt'), 'utf8')).toBe(await readFile(SAMPLE_PAGE, 'utf8'));
  });

  it('reports a damaged issue file as one clear message without a stack', async () => {
    const bad = path.join(dir, 'bad.galley.json');
    await writeFile(bad, '{"format":"galley-issue","version":1,');
    const h = make({ openIssue: [bad] });
    const ref = (await call(h, 'dialog.openIssue')) as { token: string };
    const err = (await call(h, 'issue.open', { token: ref.token }).catch((e) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/truncated/);
    expect(err.message).not.toMatch(/\n/);
  });

  it('exports to the chosen target and answers file names, not paths; unknown formats say so', async () => {
    const out = path.join(dir, 'export.json');
    const h = make({ importPages: [[path.join(dir, 'p2.txt')]], exportTo: [out, path.join(dir, 'x.docx')] });
    const { issue } = await importSample(h);
    const ref = (await call(h, 'dialog.exportTo', {
      suggestedName: 'export.json',
      format: 'json',
      directory: false,
    })) as { token: string };
    expect(await call(h, 'export.run', { token: ref.token, issue, format: 'json' })).toEqual({
      ok: true,
      files: ['export.json'],
      articles: 0,
    });
    expect(JSON.parse(await readFile(out, 'utf8')).format).toBe('galley-export');
    // the unassigned pool stops a publication format unless allowed
    const md = (await call(h, 'export.run', { token: ref.token, issue, format: 'md' })) as {
      ok: boolean;
      problems: string[];
    };
    expect(md.ok).toBe(false);
    expect(md.problems.join(' ')).toMatch(/unassigned/);
  });

  it('a split export answers names relative to the chosen folder; the issue token must be an issue token', async () => {
    const out = path.join(dir, 'articles');
    const h = make({ importPages: [[path.join(dir, 'p2.txt')]], exportTo: [out] });
    const { issue } = await importSample(h);
    const withArticle = {
      ...issue,
      articles: [
        {
          id: 'a1',
          title: '灵峰',
          items: [{ id: (issue as unknown as { pool: string[] }).pool[0], join: false }],
          status: 'draft',
        },
      ],
      pool: (issue as unknown as { pool: string[] }).pool.slice(1),
    };
    const ref = (await call(h, 'dialog.exportTo', { suggestedName: 'articles', format: 'json', directory: true })) as {
      token: string;
    };
    const r = (await call(h, 'export.run', { token: ref.token, issue: withArticle, format: 'json', split: true })) as {
      ok: boolean;
      files: string[];
    };
    expect(r.ok).toBe(true);
    expect(r.files.length).toBeGreaterThan(0);
    for (const f of r.files) {
      expect(path.isAbsolute(f)).toBe(false);
      expect(f).not.toContain(dir);
    }
    await expect(
      call(h, 'export.run', {
        token: ref.token,
        issueToken: ref.token,
        issue: withArticle,
        format: 'json',
        split: true,
      }),
    ).rejects.toThrow(/not for issue/);
  });

  it('classifies files given at launch: an issue opens, other files are imported as pages', async () => {
    const issueFile = path.join(dir, 'a.galley.json');
    const h1 = make({}, { initialFiles: [path.join(dir, 'p2.txt'), issueFile] });
    expect(await call(h1, 'app.initial')).toMatchObject({
      open: { kind: 'issue', files: [{ name: 'a.galley.json' }] },
    });
    const h2 = make({}, { initialFiles: [path.join(dir, 'p2.txt')] });
    const init = (await call(h2, 'app.initial')) as { open: { kind: string; files: { token: string }[] } };
    expect(init.open.kind).toBe('pages');
    expect(
      ((await call(h2, 'issue.importPages', { tokens: [init.open.files[0].token] })) as { issue: { pages: unknown[] } })
        .issue.pages,
    ).toHaveLength(1);
    expect(await call(make(), 'app.initial')).toEqual({});
  });

  it('confirm clamps the answer to the buttons; window hooks are called', async () => {
    const h = make({ confirm: [7] });
    expect(await call(h, 'dialog.confirm', { message: 'Save?', buttons: ['Save', 'Cancel'] })).toEqual({ button: 1 });
    await call(h, 'window.setTitle', { title: 'T' });
    await call(h, 'window.setDirty', { dirty: true });
    await call(h, 'app.quit');
    expect(calls).toEqual(['title:T', 'dirty:true', 'quit']);
  });

  it('recovery: write, list with header, read back with the issue file, discard', async () => {
    const file = path.join(dir, 'day.galley.json');
    await writeFile(file, '{}');
    const h = make({ openIssue: [file] });
    const ref = (await call(h, 'dialog.openIssue')) as { token: string };
    await call(h, 'recovery.write', {
      id: 'issue-1',
      fileToken: ref.token,
      changes: 4,
      issueId: 'issue-1',
      title: '浙江日报',
      payload: '{"document":{"a":"换行\\n"}}',
    });
    expect(await call(h, 'recovery.list')).toEqual([
      {
        id: 'issue-1',
        issueId: 'issue-1',
        title: '浙江日报',
        savedAt: '2026-11-27T10:00:00.000Z',
        changes: 4,
        fileName: 'day.galley.json',
      },
    ]);
    const read = (await call(h, 'recovery.read', { id: 'issue-1' })) as {
      payload: string;
      file: { token: string; name: string };
    };
    expect(read.payload).toBe('{"document":{"a":"换行\\n"}}');
    expect(read.file).toEqual({ token: ref.token, name: 'day.galley.json' });
    await call(h, 'recovery.discard', { id: 'issue-1' });
    expect(await call(h, 'recovery.list')).toEqual([]);
    await expect(call(h, 'recovery.read', { id: 'issue-1' })).rejects.toThrow(/no recovery file/);
  });

  it('the recent list survives a damaged recent.json and skips files that are gone', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(path.join(userData, 'recent.json'), '{not json');
    const h = make();
    expect(await call(h, 'recent.list')).toEqual([]);
    await writeFile(
      path.join(userData, 'recent.json'),
      JSON.stringify({
        version: 1,
        items: [
          { path: path.join(dir, 'gone.galley.json'), openedAt: 'x' },
          { path: path.join(dir, 'p2.txt'), openedAt: 'y' },
        ],
      }),
    );
    expect(((await call(h, 'recent.list')) as { name: string }[]).map((r) => r.name)).toEqual(['p2.txt']);
  });
});
