import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../../electron/cli/main';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { loadIssueFile } from '../../../../electron/host/services/issue-files';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch, HostError, type Handlers } from '../../../../shared/ipc/contract';
import { SAMPLE_PAGE } from '../../../support/paths';

/**
 * A real full disk: a 300 kB tmpfs, an issue saved on it, the disk filled to the last few kB, then a save through
 * the real host handlers and through `galley import -o`. The kernel then writes part of the file and says so, then
 * ENOSPC — the case a save that ignores a short write would rename over the issue as a truncated file with "Saved". Needs root to mount
 * (CI runs as root); elsewhere each test is skipped with the reason.
 */
const TMPFS_SIZE = '300k';
/** Left free after filling: less than the issue (about 45 kB), so a save gets a short write, then ENOSPC. */
const LEAVE_FREE = 16 * 1024;

let mnt = '';
let why = '';
let outside = '';

beforeAll(() => {
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-fulldisk-src-'));
  fs.copyFileSync(SAMPLE_PAGE, path.join(outside, 'p2.txt'));
  if (process.platform !== 'linux') {
    why = `needs Linux tmpfs (this is ${process.platform})`;
    return;
  }
  if (process.getuid?.() !== 0) {
    why = 'needs root to mount a small tmpfs (CI runs as root)';
    return;
  }
  mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-fulldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', mnt], { stdio: 'pipe' });
  } catch (e) {
    why = `mount -t tmpfs failed: ${
      String((e as { stderr?: Buffer }).stderr ?? e)
        .trim()
        .split('\n')[0]
    }`;
    fs.rmdirSync(mnt);
    mnt = '';
  }
});
afterAll(() => {
  if (mnt) {
    execFileSync('umount', [mnt]);
    fs.rmdirSync(mnt);
  }
  fs.rmSync(outside, { recursive: true, force: true });
});

/** Fills the disk with a filler file, then frees `LEAVE_FREE` bytes. Returns a function that frees it all. */
function fillDisk(dir: string): () => void {
  const filler = path.join(dir, `filler-${Date.now()}`);
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 0x61);
  let size = 0;
  try {
    for (;;) size += fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
  fs.ftruncateSync(fd, Math.max(0, size - LEAVE_FREE));
  fs.closeSync(fd);
  return () => fs.rmSync(filler, { force: true });
}

const call = (h: Handlers, ch: string, input: unknown = {}) => dispatch(h, ch, input) as Promise<never>;
const galleyTemps = (dir: string) => fs.readdirSync(dir).filter((n) => n.includes('galley-tmp'));

describe('saving onto a full disk (tmpfs)', () => {
  it('through the host handlers: the save fails saying the disk is full; the issue, .bak and recovery file stay', async (ctx) => {
    if (!mnt) ctx.skip(why);
    const work = fs.mkdtempSync(path.join(mnt, 'ui-'));
    const file = path.join(work, 'day.galley.json');
    const userData = path.join(work, 'user');
    const h = createHandlers({
      dialogs: { importPages: async () => [path.join(outside, 'p2.txt')], saveIssueAs: async () => file } as never,
      tokens: new PathTokens(),
      userDataDir: userData,
      appInfo: { version: '0', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
    });
    const refs = (await call(h, 'dialog.importPages')) as { token: string }[];
    const { issue } = (await call(h, 'issue.importPages', { tokens: refs.map((r) => r.token) })) as {
      issue: { title: string; pool: string[] };
    };
    const ref = (await call(h, 'dialog.saveIssueAs', { suggestedName: 'day' })) as { token: string };
    // One save: a second one would leave a .bak of its own inode, which the next save's backup step frees.
    await call(h, 'issue.save', { token: ref.token, issue });
    await call(h, 'recovery.write', {
      id: 'r1',
      payload: JSON.stringify({ edits: 'five placed fragments' }),
      changes: 5,
      fileToken: ref.token,
    });
    const before = fs.readFileSync(file);
    expect(before.length).toBeGreaterThan(LEAVE_FREE * 2);

    const free = fillDisk(work);
    try {
      const edited = { ...issue, title: '已编辑' };
      const e = await call(h, 'issue.save', { token: ref.token, issue: edited }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, 'the save must fail').toBeInstanceOf(HostError);
      expect((e as HostError).message).toMatch(
        /^could not save day\.galley\.json: the disk is full \(ENOSPC\); free some space and save again; the previous version is unchanged$/,
      );
      const r = await call(h, 'recovery.write', {
        id: 'r1',
        payload: 'x'.repeat(LEAVE_FREE * 2),
        changes: 9,
        fileToken: ref.token,
      }).then(
        () => null,
        (x: unknown) => x,
      );
      expect((r as HostError).message).toMatch(/the disk is full \(ENOSPC\)/);
    } finally {
      free();
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The backup step ran before the write failed: .bak is the same complete version.
    expect(fs.readFileSync(`${file}.bak`).equals(before)).toBe(true);
    expect((await loadIssueFile(file)).title).toBe(issue.title);
    expect(JSON.parse(((await call(h, 'recovery.read', { id: 'r1' })) as { payload: string }).payload)).toEqual({
      edits: 'five placed fragments',
    });
    expect(galleyTemps(work)).toEqual([]);
    expect(galleyTemps(path.join(userData, 'recovery'))).toEqual([]);
  });

  it('through galley import -o and export -o: exit 2 with one line; the old file stays', async (ctx) => {
    if (!mnt) ctx.skip(why);
    const work = fs.mkdtempSync(path.join(mnt, 'cli-'));
    const file = path.join(work, 'issue.galley.json');
    const silent = { out: () => undefined, err: () => undefined };
    expect(await main(['import', path.join(outside, 'p2.txt'), '-o', file], silent)).toBe(0);
    expect(await main(['export', file, '--format', 'json', '-o', path.join(work, 'out.json')], silent)).toBe(0);
    const before = { issue: fs.readFileSync(file), out: fs.readFileSync(path.join(work, 'out.json')) };
    const free = fillDisk(work);
    try {
      for (const args of [
        ['import', path.join(outside, 'p2.txt'), '--title', '新', '-o', file],
        ['export', file, '--format', 'json', '-o', path.join(work, 'out.json'), '--force'],
      ]) {
        const errs: string[] = [];
        const code = await main(args, { out: () => undefined, err: (s) => errs.push(s) });
        expect(code, args[0]).toBe(2);
        expect(errs, args[0]).toHaveLength(1);
        expect(errs[0]).toMatch(/^galley: could not save (issue\.galley|out)\.json: the disk is full \(ENOSPC\)/);
      }
    } finally {
      free();
    }
    expect(fs.readFileSync(file).equals(before.issue)).toBe(true);
    expect(fs.readFileSync(path.join(work, 'out.json')).equals(before.out)).toBe(true);
    expect(galleyTemps(work)).toEqual([]);
  });
});
