import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../../electron/cli/main';
import { saveIssueFile } from '../../../../electron/host/services/issue-files';
import { claimTemp, releaseTemp, sweepTempFiles, STALE_TEMP_MS } from '../../../../electron/host/services/temp-files';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { listRecovery, recoveryDir, writeRecovery } from '../../../../electron/host/services/recovery-store';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch } from '../../../../shared/ipc/contract';
import { pageFromPlainText } from '../../../../shared/import/plain-text';
import { createIssue } from '../../../../shared/model/create';

/**
 * Loading an issue removes the temp files a killed save left next to it, and nothing else (temp-files.ts): not a
 * user's `issue.galley.json.1` or `issue.galley.json.x.tmp`, not the temp file of a save still running in another
 * process. Checked through every way an issue is loaded: `galley check`, `export`, `cleanup`, `suggest` and Open.
 */
const USER_FILES = [
  'issue.galley.json.1',
  'issue.galley.json.123456789',
  'issue.galley.json.x.tmp',
  'issue.galley.json.bak.42.tmp',
  '.issue.galley.json.swp',
  'other.json.1',
];

let dir: string;
let file: string;
let sleeper: ChildProcess | undefined;
const names = () => fs.readdirSync(dir).sort();

/** A Galley temp name for `target` as the process `pid` on this machine would make it. */
function tempOf(target: string, pid: number): string {
  const mine = claimTemp(target);
  releaseTemp(mine);
  return mine.replace(new RegExp(`-${process.pid}-([0-9a-f]{12})$`), `-${pid}-$1`);
}

/** A process that is alive for the test's duration, standing for a writer still saving. */
function liveProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', () => resolve(child.pid!)));
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-sweep-'));
  file = path.join(dir, 'issue.galley.json');
  const issue = createIssue(
    [pageFromPlainText('第一段。\n\n第二段。', { pageId: 'p1', label: '1', encoding: 'utf-8' })],
    { id: 'i', title: 't' },
  );
  await saveIssueFile(file, issue);
  for (const n of USER_FILES) fs.writeFileSync(path.join(dir, n), `user's ${n}`);
});
afterEach(() => {
  sleeper?.kill('SIGKILL');
  sleeper = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const silent = { out: () => undefined, err: () => undefined };
const LOADS: [string, () => Promise<unknown>][] = [
  ['galley check', () => main(['check', file], silent)],
  ['galley export', () => main(['export', file, '--format', 'json', '-o', path.join(dir, 'out', 'x.json')], silent)],
  ['galley cleanup', () => main(['cleanup', file], silent)],
  ['galley suggest', () => main(['suggest', file], silent)],
  [
    'Open',
    async () => {
      const tokens = new PathTokens();
      const h = createHandlers({
        dialogs: {} as never,
        tokens,
        userDataDir: path.join(dir, 'user'),
        appInfo: { version: '0', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
      });
      return dispatch(h, 'issue.open', { token: tokens.ref(file, 'issue').token });
    },
  ],
];

describe('the temp-file sweep on load', () => {
  for (const [what, load] of LOADS) {
    it(`${what} keeps a user's look-alike files and a live writer's temp file, removes a dead writer's`, async () => {
      sleeper = await liveProcess();
      const live = tempOf(file, sleeper.pid!);
      const liveBak = tempOf(`${file}.bak`, sleeper.pid!);
      const dead = tempOf(file, await deadPid());
      for (const t of [live, liveBak, dead]) fs.writeFileSync(t, 'partial');
      await load();
      const left = names();
      for (const n of USER_FILES) expect(left, n).toContain(n);
      for (const n of USER_FILES) expect(fs.readFileSync(path.join(dir, n), 'utf8')).toBe(`user's ${n}`);
      expect(left).toContain(path.basename(live));
      expect(left).toContain(path.basename(liveBak));
      expect(left).not.toContain(path.basename(dead));
    });
  }

  it('a temp file of another machine is kept until it has been untouched for a day', async () => {
    // Host tag `abcdef` (this machine's is another one but for a 1 in 16 million chance), a pid not running here.
    const foreign = tempOf(file, await deadPid()).replace(/galley-tmp-[0-9a-f]{6}-/, 'galley-tmp-abcdef-');
    fs.writeFileSync(foreign, 'partial');
    expect(await sweepTempFiles(file)).toBe(0);
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    fs.utimesSync(foreign, old, old);
    expect(await sweepTempFiles(file)).toBe(1);
    expect(fs.existsSync(foreign)).toBe(false);
  });

  it('the temp file of a save in flight in this process is kept', async () => {
    const mine = claimTemp(file);
    fs.writeFileSync(mine, 'partial');
    expect(await sweepTempFiles(file)).toBe(0);
    releaseTemp(mine);
    expect(await sweepTempFiles(file)).toBe(1);
  });

  it("listing recovery files removes a killed autosave's temp file there, and keeps a live one's and the user's files", async () => {
    const userData = path.join(dir, 'user');
    await writeRecovery(
      userData,
      { id: 'r1', appVersion: '0', issueId: 'i', title: 't', savedAt: '2026-12-07T00:00:00.000Z', changes: 1 },
      'payload',
    );
    const rdir = recoveryDir(userData);
    const file = path.join(rdir, 'r1.galley-recovery.json');
    sleeper = await liveProcess();
    const live = tempOf(file, sleeper.pid!);
    const dead = tempOf(file, await deadPid());
    for (const t of [live, dead, path.join(rdir, 'notes.txt')]) fs.writeFileSync(t, 'x');
    expect((await listRecovery(userData)).map((r) => r.id)).toEqual(['r1']);
    expect(fs.readdirSync(rdir).sort()).toEqual([path.basename(live), 'notes.txt', 'r1.galley-recovery.json'].sort());
  });
});
