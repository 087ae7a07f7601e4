import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, link, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { saveIssueFile } from '../../../electron/host/services/issue-files';
import { recordRecent } from '../../../electron/host/services/recent-files';
import { writeRecovery } from '../../../electron/host/services/recovery-store';
import type { Issue } from '../../../shared/model/types';
import { makePng } from '../../shared/import/make-png';
import {
  BNL_DIR,
  SECRET_KEY,
  anyFileHolds,
  makeHostileSetup,
  scanCases,
  withScan,
  type HostileSetup,
} from '../../support/hostile-issue';

/**
 * The browser host never reaches outside its launch folder (docs/security.md, "Containment"), checked over its
 * real HTTP RPC: dialog answers (`..`, absolute, symlinks to a file or a folder outside, hard links, Windows
 * device names, `\\?\` and UNC), the recent list and recovery files of earlier launches, the scan view, METS
 * references, export targets and PAGE export of the hostile issue. Each refusal is one clear message, and the
 * file outside is neither read out nor changed.
 */
let s: HostileSetup;
let host: WebHost;
let root: string;
let userData: string;
const OUTSIDE_ISSUE = 'outside.galley.json';

beforeAll(async () => {
  s = await makeHostileSetup(await mkdtemp(path.join(os.tmpdir(), 'galley-contain-web-')));
  // The launch folder is the hostile issue's folder; everything in <tmp>/outside lies outside it.
  root = s.issueDir;
  userData = path.join(s.tmp, 'user');
  await saveIssueFile(path.join(s.outside, OUTSIDE_ISSUE), s.issue);
  await saveIssueFile(s.issueFile, s.issue);
  await symlink(path.join(s.outside, OUTSIDE_ISSUE), path.join(root, 'link.galley.json'));
  await link(path.join(s.outside, OUTSIDE_ISSUE), path.join(root, 'hard.galley.json'));
  const renderer = path.join(s.tmp, 'renderer');
  await mkdir(renderer);
  await writeFile(
    path.join(renderer, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /></head><body></body></html>',
  );
  host = await startWebHost({
    root,
    rendererDir: renderer,
    testMode: true,
    session: {
      userDataDir: userData,
      version: '0.0.1',
      host: 'test',
      initialFiles: [path.join(root, 'link.galley.json')],
    },
  });
});
afterAll(async () => {
  await host.close();
  await rm(s.tmp, { recursive: true, force: true });
});

async function post(
  route: string,
  body: unknown,
): Promise<{ status: number; ok: boolean; value?: unknown; error?: string }> {
  const res = await fetch(host.origin + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-galley-token': host.token },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as { ok: boolean; value?: unknown; error?: string }) };
}
const rpc = (channel: string, body: unknown = {}) => post(`/rpc/${channel}`, body);
const queue = (channel: string, answer: unknown) => post('/__test/dialog', { channel, answer });

/** Queues `answer` for `channel` and calls the dialog: the refusal comes at queueing or at the dialog call. */
async function choose(channel: string, answer: string, input: unknown = {}) {
  const q = await queue(channel, answer);
  if (!q.ok) return q;
  return rpc(channel, input);
}

const outsideBytes = () => readFile(path.join(s.outside, OUTSIDE_ISSUE));

describe('browser host dialog answers stay inside the launch folder (real paths)', () => {
  const refusals: [string, string, RegExp][] = [
    ['../ leading out', `../outside/${OUTSIDE_ISSUE}`, /outside the folder the browser host was started on/],
    ['absolute path outside', '<outside>', /outside the folder the browser host was started on/],
    [
      'file symlink leading out',
      'link.galley.json',
      /link that leads outside the folder the browser host was started on/,
    ],
    ['folder symlink leading out', `linkdir/${OUTSIDE_ISSUE}`, /link that leads outside/],
    ['hard link to a file outside', 'hard.galley.json', /hard links/],
    ['Windows device name', 'CON.galley.json', /Windows device CON/],
    ['Windows device name as a folder', 'aux/x.galley.json', /Windows device AUX/],
    ['Windows long-path namespace', '\\\\?\\C:\\x.galley.json', /device or long-path name/],
    ['UNC path', '\\\\server\\share\\x.galley.json', /network \(UNC\) path/],
  ];
  for (const [name, answer, why] of refusals) {
    it(`open: ${name}`, async () => {
      const r = await choose('dialog.openIssue', answer === '<outside>' ? path.join(s.outside, OUTSIDE_ISSUE) : answer);
      expect(r.ok, JSON.stringify(r)).toBe(false);
      expect(r.error).toMatch(why);
      expect(r.error).not.toMatch(/\n/);
    });
  }

  it('a file inside (also by an absolute path, and through a symlink that stays inside) is granted', async () => {
    await symlink(s.issueFile, path.join(root, 'inner-link.galley.json')).catch(() => undefined);
    for (const answer of ['hostile.galley.json', s.issueFile, 'inner-link.galley.json']) {
      const r = await choose('dialog.openIssue', answer);
      expect(r.ok, answer).toBe(true);
    }
  });

  it('save as into a folder symlink leading out is refused and nothing is written outside', async () => {
    const before = await readdir(s.outside);
    const r = await choose('dialog.saveIssueAs', 'linkdir/new', { suggestedName: 'new' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/link that leads outside/);
    expect(await readdir(s.outside)).toEqual(before);
  });

  it('an export folder below a folder symlink leading out is refused before any folder is made', async () => {
    const r = await choose('dialog.exportTo', 'linkdir/exports/page', {
      suggestedName: 'page',
      format: 'page',
      directory: true,
    });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/link that leads outside/);
    expect(
      await stat(path.join(s.outside, 'exports')).then(
        () => true,
        () => false,
      ),
    ).toBe(false);
  });

  it('import: a page file symlinked or hard-linked from outside is refused', async () => {
    await symlink(path.join(s.outside, 'id_ed25519'), path.join(root, 'key.txt'));
    await link(path.join(s.outside, 'id_ed25519'), path.join(root, 'key-hard.txt'));
    for (const [answer, why] of [
      ['key.txt', /link that leads outside/],
      ['key-hard.txt', /hard links/],
    ] as const) {
      const r = await choose('dialog.importPages', answer);
      expect(r.ok, answer).toBe(false);
      expect(r.error).toMatch(why);
    }
  });
});

describe('browser host: files of earlier launches and of the command line stay outside', () => {
  it('recent.list hands out no token for a file outside the launch folder, so it cannot be overwritten', async () => {
    const before = await outsideBytes();
    await recordRecent(userData, path.join(s.outside, OUTSIDE_ISSUE), new Date('2026-01-01T00:00:00Z'));
    await recordRecent(userData, s.issueFile, new Date('2026-01-02T00:00:00Z'));
    const r = await rpc('recent.list');
    expect(r.ok).toBe(true);
    const items = r.value as { token: string; name: string }[];
    expect(items.map((i) => i.name)).toEqual(['hostile.galley.json']);
    // The outside file stays as it was.
    expect(Buffer.compare(await outsideBytes(), before)).toBe(0);
  });

  it('recovery.read gives no token for an issue file outside the launch folder', async () => {
    await writeRecovery(
      userData,
      {
        id: 'other-launch',
        appVersion: '0',
        issueId: 'x',
        title: 'x',
        savedAt: '2026-01-01T00:00:00Z',
        changes: 1,
        filePath: path.join(s.outside, OUTSIDE_ISSUE),
      },
      '{}',
    );
    const r = await rpc('recovery.read', { id: 'other-launch' });
    expect(r.ok).toBe(true);
    expect((r.value as { file?: unknown }).file).toBeUndefined();
  });

  it('a launch file that is a symlink leading out is not opened', async () => {
    const r = await rpc('app.initial');
    expect(r.ok).toBe(true);
    expect((r.value as { open?: unknown }).open).toBeUndefined();
  });
});

describe('browser host: what an issue or a METS names stays inside', () => {
  async function openHostile(): Promise<{ token: string; issue: Issue }> {
    const r = await choose('dialog.openIssue', 'hostile.galley.json');
    const token = (r.value as { token: string }).token;
    const opened = await rpc('issue.open', { token });
    return { token, issue: (opened.value as { issue: Issue }).issue };
  }

  for (const c of scanCases()) {
    it(`page.image refuses ${c.name}`, async () => {
      const kase = scanCases(s).find((k) => k.name === c.name)!;
      const { token } = await openHostile();
      const r = await rpc('page.image', { issueToken: token, src: kase.src });
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(kase.name === 'a text file named .png' ? /not an image/ : kase.why);
    });
  }

  it('page.image still shows a real scan inside the issue folder', async () => {
    await writeFile(path.join(root, 'scans', 'inside.png'), makePng(3, 2));
    const { token } = await openHostile();
    const r = await rpc('page.image', { issueToken: token, src: 'scans/inside.png' });
    expect(r.ok).toBe(true);
  });

  it('PAGE export of the hostile issue copies nothing from outside and says which scan was left out', async () => {
    const { token, issue } = await openHostile();
    const target = await choose('dialog.exportTo', 'page-out', {
      suggestedName: 'page-out',
      format: 'page',
      directory: true,
    });
    const r = await rpc('export.run', {
      token: (target.value as { token: string }).token,
      issue: withScan(issue, '../outside/id_ed25519', 'image/png'),
      format: 'page',
      issueToken: token,
    });
    expect(r.ok).toBe(true);
    expect((r.value as { warnings: string[] }).warnings.join('\n')).toMatch(
      /page \S+: "..\/outside\/id_ed25519" lies outside/,
    );
    expect(await anyFileHolds(path.join(root, 'page-out'), Buffer.from(SECRET_KEY))).toBe(false);
  });

  it('METS import does not follow ../ or a symlink out of the METS folder', async () => {
    const dir = path.join(root, 'mets2');
    await cp(BNL_DIR, dir, { recursive: true });
    const metsName = (await readdir(dir)).find((f) => f.endsWith('-mets.xml'))!;
    const metsFile = path.join(dir, metsName);
    const first = s.altoNames[0];
    await symlink(path.join(s.outside, 'alto', s.altoNames[1]), path.join(dir, 'text', 'linked.xml'));
    const xml = (await readFile(metsFile, 'utf8'))
      .replace(`file://./text/${first}`, `../../outside/alto/${first}`)
      .replace(`file://./text/${s.altoNames[1]}`, 'file://./text/linked.xml');
    await writeFile(metsFile, xml);
    const refs = await choose('dialog.importPages', `mets2/${metsName}`);
    expect(refs.ok).toBe(true);
    const r = await rpc('issue.importPages', { tokens: (refs.value as { token: string }[]).map((x) => x.token) });
    expect(r.ok).toBe(true);
    const { issue, warnings } = r.value as { issue: Issue; warnings: string[] };
    expect(warnings.join('\n')).toMatch(
      /Not read: the ALTO file of page 1: "..\/..\/outside\/alto\/[^"]+" lies outside the folder of/,
    );
    expect(warnings.join('\n')).toMatch(
      /Not read: the ALTO file of page 2: "text\/linked.xml" is a link that leads outside the folder of/,
    );
    expect(issue.pages.map((p) => p.source?.name)).toEqual([expect.stringMatching(new RegExp(`${s.altoNames[2]}$`))]);
  });
});
