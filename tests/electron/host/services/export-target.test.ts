import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../../electron/cli/main';
import { loadIssueFile } from '../../../../electron/host/services/issue-files';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { recoveryDir } from '../../../../electron/host/services/recovery-store';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch, HostError } from '../../../../shared/ipc/contract';
import { SAMPLE_PAGE } from '../../../support/paths';

/**
 * An export never writes over the issue it exports, its `.bak`, a recovery file or the page files it was imported
 * from, however the path is spelled (same path, a symbolic link, a hard link, `x/../`); any other existing file is
 * replaced only with `--force` (CLI) or after the renderer's confirm (`replace`). A refused export writes nothing.
 */
let dir: string;
let issueFile: string;
let page: string;
const p = (n: string) => path.join(dir, n);
const bytes = (f: string) => fs.readFileSync(f);

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
function expectOneLine(r: { code: number; err: string }, what: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^galley: /);
  expect(lines[0]).toMatch(what);
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-export-target-'));
  page = p('p2.txt');
  fs.copyFileSync(SAMPLE_PAGE, page);
  issueFile = p('issue.galley.json');
  expect((await run('import', page, '-o', issueFile)).code).toBe(0);
  expect((await run('import', page, '-o', issueFile)).code).toBe(0); // a second save: the .bak exists
  fs.mkdirSync(p('x'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('galley export refuses to write over what it must not', () => {
  const spellings: [string, () => string][] = [
    ['the same path', () => issueFile],
    // Not path.join: it would normalize the spelling away.
    ['a different spelling (x/../)', () => [dir, 'x', '..', '.', 'issue.galley.json'].join(path.sep)],
    ['a relative spelling', () => [path.relative(process.cwd(), dir), 'x', '..', 'issue.galley.json'].join(path.sep)],
    [
      'a symbolic link to it',
      () => {
        fs.symlinkSync(issueFile, p('link.json'));
        return p('link.json');
      },
    ],
    [
      'a hard link to it',
      () => {
        fs.linkSync(issueFile, p('hard.json'));
        return p('hard.json');
      },
    ],
  ];
  for (const [what, target] of spellings) {
    it(`the issue itself, through ${what}, even with --force`, async () => {
      const before = bytes(issueFile);
      const out = target();
      for (const force of [[], ['--force']]) {
        const r = await run('export', issueFile, '--format', 'json', '-o', out, ...force);
        expectOneLine(r, /export refused: .+ is the issue file itself \(issue\.galley\.json\); choose another name/);
        expect(bytes(issueFile).equals(before)).toBe(true);
      }
      await expect(loadIssueFile(issueFile)).resolves.toBeTruthy();
    });
  }

  it("the issue's .bak, a recovery file name and the page file the issue was imported from", async () => {
    const bak = bytes(`${issueFile}.bak`);
    const src = bytes(page);
    expectOneLine(
      await run('export', issueFile, '--format', 'json', '-o', `${issueFile}.bak`, '--force'),
      /is the backup of the issue/,
    );
    expectOneLine(
      await run('export', issueFile, '--format', 'json', '-o', page, '--force'),
      /p2\.txt is the source file of page 2/,
    );
    expectOneLine(
      await run('export', issueFile, '--format', 'json', '-o', p('a.galley-recovery.json')),
      /is a Galley recovery file/,
    );
    expect(bytes(`${issueFile}.bak`).equals(bak)).toBe(true);
    expect(bytes(page).equals(src)).toBe(true);
    expect(fs.existsSync(p('a.galley-recovery.json'))).toBe(false);
  });

  it('an existing file needs --force; with it the export replaces the file', async () => {
    const out = p('out.json');
    fs.writeFileSync(out, "the user's own file");
    expectOneLine(
      await run('export', issueFile, '--format', 'json', '-o', out),
      /^galley: out\.json exists; use --force to replace it$/,
    );
    expect(fs.readFileSync(out, 'utf8')).toBe("the user's own file");
    const r = await run('export', issueFile, '--format', 'json', '-o', out, '--force');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).issue).toBeTruthy();
  });

  it('a split export with one existing file writes none of the files without --force', async () => {
    const folder = p('split');
    // One file per page (page format): the folder gets page-2.xml; make it exist beforehand.
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'page-2.xml'), 'mine');
    expectOneLine(await run('export', issueFile, '--format', 'page', '-o', folder), /page-2\.xml exists; use --force/);
    expect(fs.readdirSync(folder)).toEqual(['page-2.xml']);
    expect(fs.readFileSync(path.join(folder, 'page-2.xml'), 'utf8')).toBe('mine');
    expect((await run('export', issueFile, '--format', 'page', '-o', folder, '--force')).code).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'page-2.xml'), 'utf8')).toMatch(/<PcGts/);
  });
});

describe('export.run (every shell) refuses the same and asks before replacing', () => {
  function make(exportTo: string[]) {
    const tokens = new PathTokens();
    const userData = p('user');
    const h = createHandlers({
      dialogs: { exportTo: async () => exportTo.shift() ?? null } as never,
      tokens,
      userDataDir: userData,
      appInfo: { version: '0', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
    });
    return { h, tokens, userData };
  }

  it('the issue itself (also through a symbolic link) is refused with a clear message; nothing is written', async () => {
    fs.symlinkSync(issueFile, p('link.json'));
    const { h, tokens } = make([issueFile, p('link.json')]);
    const opened = (await dispatch(h, 'issue.open', { token: tokens.ref(issueFile, 'issue').token })) as {
      issue: unknown;
      file: { token: string };
    };
    const before = bytes(issueFile);
    for (let i = 0; i < 2; i++) {
      const target = (await dispatch(h, 'dialog.exportTo', {
        suggestedName: 'x',
        format: 'json',
        directory: false,
      })) as { token: string };
      const err = await dispatch(h, 'export.run', {
        token: target.token,
        issue: opened.issue,
        format: 'json',
        issueToken: opened.file.token,
        replace: true,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as HostError).code).toBe('refused');
      expect((err as HostError).message).toMatch(
        /^export refused: .+ is the issue file itself \(issue\.galley\.json\); choose another name$/,
      );
    }
    expect(bytes(issueFile).equals(before)).toBe(true);
  });

  it('an existing file comes back as `existing` with nothing written; `replace` then writes it', async () => {
    const out = p('out.json');
    fs.writeFileSync(out, 'mine');
    const { h, tokens } = make([out]);
    const opened = (await dispatch(h, 'issue.open', { token: tokens.ref(issueFile, 'issue').token })) as {
      issue: unknown;
      file: { token: string };
    };
    const target = (await dispatch(h, 'dialog.exportTo', { suggestedName: 'x', format: 'json', directory: false })) as {
      token: string;
    };
    const input = { token: target.token, issue: opened.issue, format: 'json', issueToken: opened.file.token };
    expect(await dispatch(h, 'export.run', input)).toEqual({
      ok: false,
      problems: ['out.json exists; replace it?'],
      existing: ['out.json'],
    });
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect(await dispatch(h, 'export.run', { ...input, replace: true })).toMatchObject({ ok: true });
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).issue).toBeTruthy();
  });

  it('a file in the recovery folder is refused', async () => {
    const { h, tokens, userData } = make([]);
    fs.mkdirSync(recoveryDir(userData), { recursive: true });
    const target = path.join(recoveryDir(userData), 'notes.json');
    const opened = (await dispatch(h, 'issue.open', { token: tokens.ref(issueFile, 'issue').token })) as {
      issue: unknown;
    };
    const err = await dispatch(h, 'export.run', {
      token: tokens.ref(target, 'export').token,
      issue: opened.issue,
      format: 'json',
    }).catch((e: unknown) => e);
    expect((err as HostError).message).toMatch(/notes\.json is a Galley recovery file/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
