import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../../electron/cli/main';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { readRecent, recordRecent } from '../../../../electron/host/services/recent-files';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch, HostError, type Handlers } from '../../../../shared/ipc/contract';
import { SAMPLE_PAGE } from '../../../support/paths';

/**
 * The same faults one level up: every write Galley makes — issue save, autosave recovery file, export, the CLI's
 * `-o`, the recent list — under a disk that fills mid-write (a short write, then ENOSPC), an EIO at fsync and an
 * EDQUOT at write. Each time: the old file is intact byte for byte, the recovery file stays, and the user is told
 * (a HostError with one clear line through the host contract; the CLI exits 2 with one `galley:` line).
 */
type Fn = (...a: unknown[]) => unknown;
let armed = false;

async function handleProto(): Promise<Record<string, Fn>> {
  const fh = await fs.promises.open(fileURLToPath(import.meta.url), 'r');
  const proto = Object.getPrototypeOf(fh) as Record<string, Fn>;
  await fh.close();
  return proto;
}
const err = (code: string, syscall: string) =>
  Object.assign(new Error(`${code}: fault, ${syscall}`), { code, syscall });

async function installFaults(kind: 'fill' | 'eio-sync' | 'edquot'): Promise<void> {
  const proto = await handleProto();
  let writes = 0;
  const write = proto.write;
  vi.spyOn(proto, 'write').mockImplementation(async function (this: unknown, ...args: unknown[]) {
    if (armed && kind === 'fill' && Buffer.isBuffer(args[0]) && (args[2] as number) > 1) {
      if (writes++ > 0) throw err('ENOSPC', 'write');
      // The disk has room for half: the kernel writes that much and says so.
      return write.call(this, args[0], args[1], Math.ceil((args[2] as number) / 2), args[3]);
    }
    if (armed && kind === 'edquot') throw err('EDQUOT', 'write');
    return write.apply(this, args);
  });
  const sync = proto.sync;
  vi.spyOn(proto, 'sync').mockImplementation(async function (this: unknown, ...args: unknown[]) {
    if (armed && kind === 'eio-sync') throw err('EIO', 'fsync');
    return sync.apply(this, args);
  });
}

const FAULTS: ['fill' | 'eio-sync' | 'edquot', RegExp][] = [
  ['fill', /the disk is full \(ENOSPC\)/],
  ['eio-sync', /input\/output error \(EIO\)/],
  ['edquot', /the disk quota is used up \(EDQUOT\)/],
];

let dir: string;
let userData: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-faults-'));
  userData = path.join(dir, 'user');
  fs.copyFileSync(SAMPLE_PAGE, path.join(dir, 'p2.txt'));
});
afterEach(() => {
  armed = false;
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (f: string) => fs.readFileSync(f);
const call = (h: Handlers, ch: string, input: unknown = {}) => dispatch(h, ch, input) as Promise<never>;

function make(answers: { importPages?: string[]; saveIssueAs?: string; exportTo?: string[] }): Handlers {
  return createHandlers({
    dialogs: {
      importPages: async () => answers.importPages ?? null,
      saveIssueAs: async () => answers.saveIssueAs ?? null,
      exportTo: async () => answers.exportTo?.shift() ?? null,
    } as never,
    tokens: new PathTokens(),
    userDataDir: userData,
    appInfo: { version: '0', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
  });
}

async function failureOf(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'the call must fail').toBeInstanceOf(HostError);
  expect((e as HostError).message).not.toContain('\n');
  return e as HostError;
}

describe('every write of the host under a failing disk', () => {
  for (const [kind, words] of FAULTS) {
    it(`${kind}: save, autosave and export fail with a clear message; old files, .bak and recovery stay`, async () => {
      await installFaults(kind);
      const file = path.join(dir, 'day.galley.json');
      const h = make({
        importPages: [path.join(dir, 'p2.txt')],
        saveIssueAs: file,
        exportTo: [path.join(dir, 'out.json')],
      });
      const refs = (await call(h, 'dialog.importPages')) as { token: string }[];
      const { issue } = (await call(h, 'issue.importPages', { tokens: refs.map((r) => r.token) })) as {
        issue: { title: string };
      };
      const ref = (await call(h, 'dialog.saveIssueAs', { suggestedName: 'day' })) as { token: string };
      await call(h, 'issue.save', { token: ref.token, issue });
      await call(h, 'issue.save', { token: ref.token, issue });
      await call(h, 'recovery.write', { id: 'r1', payload: 'edits of the session', changes: 5, fileToken: ref.token });
      const target = (await call(h, 'dialog.exportTo', { suggestedName: 'x', format: 'json', directory: false })) as {
        token: string;
      };
      await call(h, 'export.run', { token: target.token, issue, format: 'json' });
      const before = { issue: bytes(file), bak: bytes(`${file}.bak`), out: bytes(path.join(dir, 'out.json')) };
      const recoveryBefore = fs.readdirSync(path.join(userData, 'recovery'));

      armed = true;
      const edited = { ...issue, title: 'edited title' };
      const save = await failureOf(call(h, 'issue.save', { token: ref.token, issue: edited }));
      expect(save.message).toMatch(/^could not save day\.galley\.json: /);
      expect(save.message).toMatch(words);
      expect(save.message).toMatch(/the previous version is unchanged$/);
      const rec = await failureOf(
        call(h, 'recovery.write', { id: 'r1', payload: 'later edits', changes: 9, fileToken: ref.token }),
      );
      expect(rec.message).toMatch(words);
      const exp = await failureOf(
        call(h, 'export.run', { token: target.token, issue: edited, format: 'json', replace: true }),
      );
      expect(exp.message).toMatch(/^could not save out\.json: /);
      expect(exp.message).toMatch(words);
      armed = false;

      expect(bytes(file).equals(before.issue)).toBe(true);
      expect(bytes(`${file}.bak`).equals(before.bak)).toBe(true);
      expect(bytes(path.join(dir, 'out.json')).equals(before.out)).toBe(true);
      expect(fs.readdirSync(path.join(userData, 'recovery'))).toEqual(recoveryBefore);
      // The recovery file still holds the last autosave that succeeded.
      expect(((await call(h, 'recovery.read', { id: 'r1' })) as { payload: string }).payload).toBe(
        'edits of the session',
      );
      expect(fs.readdirSync(dir).filter((n) => n.includes('galley-tmp'))).toEqual([]);
    });

    it(`${kind}: galley import -o and export -o exit 2 with one line; the old file stays`, async () => {
      await installFaults(kind);
      const file = path.join(dir, 'day.galley.json');
      const silent = { out: () => undefined, err: () => undefined };
      expect(await main(['import', path.join(dir, 'p2.txt'), '-o', file], silent)).toBe(0);
      expect(await main(['export', file, '--format', 'json', '-o', path.join(dir, 'out.json')], silent)).toBe(0);
      const before = { issue: bytes(file), out: bytes(path.join(dir, 'out.json')) };
      for (const args of [
        ['import', path.join(dir, 'p2.txt'), '--title', 'new', '-o', file],
        ['export', file, '--format', 'json', '-o', path.join(dir, 'out.json'), '--force'],
      ]) {
        const errs: string[] = [];
        armed = true;
        const code = await main(args, { out: () => undefined, err: (s) => errs.push(s) });
        armed = false;
        expect(code, args[0]).toBe(2);
        expect(errs, args[0]).toHaveLength(1);
        expect(errs[0]).toMatch(/^galley: could not save (day\.galley|out)\.json: /);
        expect(errs[0]).toMatch(words);
      }
      expect(bytes(file).equals(before.issue)).toBe(true);
      expect(bytes(path.join(dir, 'out.json')).equals(before.out)).toBe(true);
    });
  }

  it('the recent list keeps its last good version when rewriting it fails', async () => {
    await installFaults('fill');
    const a = path.join(dir, 'a.galley.json');
    fs.writeFileSync(a, '{}');
    await recordRecent(userData, a);
    const before = bytes(path.join(userData, 'recent.json'));
    armed = true;
    await expect(recordRecent(userData, path.join(dir, 'p2.txt'))).rejects.toThrow(/the disk is full/);
    armed = false;
    expect(bytes(path.join(userData, 'recent.json')).equals(before)).toBe(true);
    expect((await readRecent(userData)).map((e) => e.path)).toEqual([a]);
  });
});
