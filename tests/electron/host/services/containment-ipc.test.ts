import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHandlers, type Dialogs } from '../../../../electron/host/services/handlers';
import { saveIssueFile } from '../../../../electron/host/services/issue-files';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch, type Handlers } from '../../../../shared/ipc/contract';
import type { Issue } from '../../../../shared/model/types';
import { makePng } from '../../../shared/import/make-png';
import {
  altoCases,
  anyFileHolds,
  FAKE_PNG,
  makeHostileSetup,
  scanCases,
  SECRET_KEY,
  withAltoSource,
  withScan,
  type HostileSetup,
} from '../../../support/hostile-issue';

/**
 * The IPC handlers (what Electron serves; the browser host adds its folder scope, containment-web.test.ts) with
 * the hostile issue fixture (tests/support/hostile-issue.ts): an issue file that names files outside its
 * folder. PAGE export leaves each such scan out and says why; METS/ALTO export refuses; the scan view refuses;
 * a native dialog answer naming a Windows device is refused. Nothing outside is copied or read out.
 */
let s: HostileSetup;
let tokens: PathTokens;
let answers: { openIssue: string[]; exportTo: string[]; importPages: string[][] };

function dialogs(): Dialogs {
  const next = <T>(q: T[]) => {
    if (!q.length) throw new Error('no dialog answer queued');
    return q.shift()!;
  };
  return {
    openIssue: async () => next(answers.openIssue),
    importPages: async () => next(answers.importPages),
    saveIssueAs: async () => null,
    exportTo: async () => next(answers.exportTo),
    confirm: async () => 0,
  };
}

function handlers(initialFiles?: string[]): Handlers {
  return createHandlers({
    dialogs: dialogs(),
    tokens,
    userDataDir: path.join(s.tmp, 'user'),
    appInfo: { version: '0', host: 'test', locale: 'en', userName: '', platform: 'linux' },
    ...(initialFiles ? { initialFiles } : {}),
  });
}
const call = <T>(h: Handlers, ch: string, input: unknown = {}) => dispatch(h, ch, input) as Promise<T>;

/** Saves `issue` as the hostile issue file, opens it through the open dialog and exports it to `out`. */
async function openAndExport(issue: Issue, format: 'page' | 'mets-alto', out: string) {
  await saveIssueFile(s.issueFile, issue);
  answers.openIssue.push(s.issueFile);
  answers.exportTo.push(out);
  const h = handlers();
  const ref = await call<{ token: string }>(h, 'dialog.openIssue');
  const opened = await call<{ issue: Issue }>(h, 'issue.open', { token: ref.token });
  const target = await call<{ token: string }>(h, 'dialog.exportTo', {
    suggestedName: 'x',
    format,
    directory: format === 'page',
  });
  return call<{ ok: boolean; files: string[]; warnings?: string[] }>(h, 'export.run', {
    token: target.token,
    issue: opened.issue,
    format,
    issueToken: ref.token,
    allowIncomplete: true,
  });
}

const secretPng = () => readFile(path.join(s.outside, 'secret.png'));

beforeEach(async () => {
  s = await makeHostileSetup(await mkdtemp(path.join(os.tmpdir(), 'galley-contain-ipc-')));
  tokens = new PathTokens();
  answers = { openIssue: [], exportTo: [], importPages: [] };
});
afterEach(async () => {
  await rm(s.tmp, { recursive: true, force: true });
});

describe('PAGE export of the hostile issue: each scan outside the issue folder is left out, with the reason', () => {
  // One test per case, so that each fails on its own when its check is missing.
  for (const [c, { name }] of scanCases().entries()) {
    it(name, async () => {
      const kase = scanCases(s)[c];
      const out = path.join(s.tmp, 'export');
      const r = await openAndExport(withScan(s.issue, kase.src, kase.mime), 'page', out);
      expect(r.ok, kase.name).toBe(true);
      expect(r.warnings?.join('\n'), kase.name).toMatch(
        new RegExp(`page ${s.issue.pages[0].label}\\b[^\\n]*${kase.why.source}`),
      );
      expect(r.warnings?.join('\n')).toMatch(/left out/);
      const written = await readdir(out);
      expect(
        written.filter((f) => !f.endsWith('.xml')),
        kase.name,
      ).toEqual([]);
      expect(await anyFileHolds(out, Buffer.from(SECRET_KEY)), kase.name).toBe(false);
      expect(await anyFileHolds(out, Buffer.from(FAKE_PNG)), kase.name).toBe(false);
      expect(await anyFileHolds(out, await secretPng()), kase.name).toBe(false);
      // The PAGE file does not pass the hostile path on either.
      expect(
        await readFile(
          path.join(
            out,
            written.find((f) => f.startsWith(`page-${s.issue.pages[0].label}.`))!,
          ),
          'utf8',
        ),
      ).toContain('imageFilename=""');
    });
  }

  it('a real image of its declared type inside the issue folder is still copied; a wrong declared type is not', async () => {
    await writeFile(path.join(s.issueDir, 'scans', 'ok.png'), makePng(5, 4));
    const out = path.join(s.tmp, 'export-ok');
    const r = await openAndExport(withScan(s.issue, 'scans/ok.png', 'image/png'), 'page', out);
    expect(r.warnings ?? []).toEqual([]);
    expect(
      Buffer.compare(await readFile(path.join(out, `page-${s.issue.pages[0].label}.png`)), Buffer.from(makePng(5, 4))),
    ).toBe(0);
    const out2 = path.join(s.tmp, 'export-jpeg');
    const r2 = await openAndExport(withScan(s.issue, 'scans/ok.png', 'image/jpeg'), 'page', out2);
    expect(r2.warnings?.join('\n')).toMatch(/declared image\/jpeg but its bytes are image\/png/);
    expect((await readdir(out2)).filter((f) => !f.endsWith('.xml'))).toEqual([]);
  });

  it('a scan larger than Galley reads (a sparse 300 MB file with a PNG signature) is left out, never read whole', async () => {
    const big = path.join(s.issueDir, 'scans', 'huge.png');
    await writeFile(big, makePng(5, 4));
    await truncate(big, 300 * 1024 * 1024);
    const out = path.join(s.tmp, 'export-huge');
    const r = await openAndExport(withScan(s.issue, 'scans/huge.png', 'image/png'), 'page', out);
    expect(r.warnings?.join('\n')).toMatch(/huge\.png is 300 MB, more than Galley reads/);
    expect((await readdir(out)).filter((f) => !f.endsWith('.xml'))).toEqual([]);
  });

  it('an embedded scan whose bytes are not the image type it declares is left out', async () => {
    const out = path.join(s.tmp, 'export-data');
    const r = await openAndExport(
      withScan(s.issue, `data:image/png;base64,${Buffer.from(SECRET_KEY).toString('base64')}`),
      'page',
      out,
    );
    expect(r.warnings?.join('\n')).toMatch(/embedded image it is not an image/);
    expect(await anyFileHolds(out, Buffer.from(SECRET_KEY))).toBe(false);
  });
});

describe('METS/ALTO export of the hostile issue: an ALTO source outside the issue folder stops the export', () => {
  for (const [c, { name }] of altoCases().entries()) {
    it(name, async () => {
      const kase = altoCases(s)[c];
      const out = path.join(s.tmp, 'mets-out');
      await expect(openAndExport(withAltoSource(s.issue, kase.source), 'mets-alto', out), kase.name).rejects.toThrow(
        kase.why,
      );
      // Nothing was written: no METS, no ALTO copy.
      expect(
        await stat(path.join(out, 'mets.xml')).then(
          () => true,
          () => false,
        ),
        kase.name,
      ).toBe(false);
      expect(await readdir(path.join(out, 'text')).catch(() => []), kase.name).toEqual([]);
    });
  }

  it('the untouched issue exports (its ALTO files lie inside its folder)', async () => {
    const out = path.join(s.tmp, 'mets-ok');
    const r = await openAndExport(s.issue, 'mets-alto', out);
    expect(r.ok).toBe(true);
    expect((await readdir(path.join(out, 'text'))).sort()).toEqual(s.altoNames);
  });
});

describe('page.image (the scan view) refuses every hostile reference, unread', () => {
  for (const [c, { name }] of scanCases().entries()) {
    it(name, async () => {
      const kase = scanCases(s)[c];
      const issueToken = tokens.register(s.issueFile, 'issue');
      await expect(call(handlers(), 'page.image', { issueToken, src: kase.src }), kase.name).rejects.toThrow(
        kase.name === 'a text file named .png' ? /not an image/ : kase.why,
      );
    });
  }
});

describe('native dialog answers (Electron)', () => {
  it('a Windows device name or the \\\\?\\ namespace is refused; an ordinary path is granted as chosen', async () => {
    for (const bad of [
      path.join(s.issueDir, 'CON.galley.json'),
      path.join(s.issueDir, 'nul'),
      '\\\\?\\C:\\x.galley.json',
      '\\\\.\\COM1',
    ]) {
      answers.openIssue.push(bad);
      await expect(call(handlers(), 'dialog.openIssue'), bad).rejects.toThrow(/Windows device|long-path name/);
    }
    // Outside any folder of this test's: the user chose it in a native dialog, which Electron may open.
    answers.openIssue.push(path.join(s.outside, 'id_ed25519'));
    expect(await call<{ name: string }>(handlers(), 'dialog.openIssue')).toMatchObject({ name: 'id_ed25519' });
  });

  it('files given by the OS or the command line that name a Windows device are not opened', async () => {
    expect(
      await call(
        handlers([path.join(s.issueDir, 'NUL.galley.json'), path.join(s.issueDir, 'com1.txt')]),
        'app.initial',
      ),
    ).toEqual({});
    expect(await call(handlers([s.issueFile]), 'app.initial')).toMatchObject({ open: { kind: 'issue' } });
  });
});
