import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaveError, saveAtomic, sweepTempFiles } from '../../../../electron/host/services/atomic-save';

/**
 * Fault injection at the file layer. The k-th file-system call of a save fails, for k = 1, 2, …
 * until a save runs clean, with EIO, ENOSPC and EDQUOT, once as a single fault and once with every later call
 * failing too; and writes come back short the way a filling disk makes them. Every layer a writer could use is
 * intercepted: `fs.promises`, the methods of its file handles (write, sync, stat, read, close…) and the callback
 * `fs`. After every fault: either the save failed with a SaveError naming the fault and the file is the complete
 * old version byte for byte, or it had committed and the file is the new one; `.bak` is the old version; no temp
 * file is left after the sweep.
 */
const CALLBACK = ['realpath', 'stat', 'open', 'write', 'fsync', 'close', 'chown', 'chmod', 'rename', 'unlink'] as const;
const PROMISES = [
  'realpath',
  'stat',
  'lstat',
  'link',
  'copyFile',
  'readFile',
  'rename',
  'rm',
  'unlink',
  'open',
  'readdir',
] as const;
const HANDLE = ['write', 'sync', 'datasync', 'stat', 'read', 'chmod'] as const;
type Code = 'EIO' | 'ENOSPC' | 'EDQUOT';
type Fn = (...a: unknown[]) => unknown;

let calls = 0;
let failAt = Infinity;
let persistent = false;
let code: Code = 'EIO';
/** Short writes: 'honest' writes half and says so; 'lying' writes half and claims it all; 'fill' is honest once, then ENOSPC. */
let shortMode: 'off' | 'honest' | 'lying' | 'fill' = 'off';
let shortHits = 0;
let hits: string[] = [];
const shouldFail = (name: string) => {
  calls++;
  const fail = persistent ? calls >= failAt : calls === failAt;
  if (fail) hits.push(name);
  return fail;
};
const MESSAGES: Record<Code, string> = {
  EIO: 'i/o error',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
};
const fault = (c: Code, name: string) =>
  Object.assign(new Error(`${c}: ${MESSAGES[c]}, ${name}`), { code: c, syscall: name });

/** Decides what a write of `len` bytes does under the short-write modes: how many to really write, what to report. */
function shortWrite(len: number): { write: number; report: number } | 'enospc' | null {
  if (shortMode === 'off' || len < 2) return null;
  if (shortMode === 'fill' && shortHits > 0) return 'enospc';
  shortHits++;
  const half = Math.ceil(len / 2);
  return { write: half, report: shortMode === 'lying' ? len : half };
}

/** The prototype (of the file handle class, or a base class) that defines `name`. */
async function handleMethodOwner(name: string): Promise<Record<string, Fn>> {
  const fh = await fs.promises.open(fileURLToPath(import.meta.url), 'r');
  let proto = Object.getPrototypeOf(fh) as Record<string, Fn> | null;
  await fh.close();
  while (proto && !Object.prototype.hasOwnProperty.call(proto, name))
    proto = Object.getPrototypeOf(proto) as Record<string, Fn> | null;
  if (!proto) throw new Error(`file handles have no ${name}`);
  return proto;
}

async function injectFaults(): Promise<void> {
  for (const name of CALLBACK) {
    const real = (fs as unknown as Record<string, Fn>)[name];
    vi.spyOn(fs as unknown as Record<string, Fn>, name).mockImplementation((...args: unknown[]) => {
      const cb = args[args.length - 1];
      if (shouldFail(name)) {
        if (typeof cb === 'function') process.nextTick(() => cb(fault(code, name)));
        return undefined;
      }
      if (name === 'write' && Buffer.isBuffer(args[1]) && typeof cb === 'function') {
        const s = shortWrite(args[3] as number);
        if (s === 'enospc') {
          process.nextTick(() => cb(fault('ENOSPC', 'write')));
          return undefined;
        }
        if (s)
          return real.call(fs, args[0], args[1], args[2], s.write, args[4], (e: Error | null, n: number, b: Buffer) =>
            cb(e, e ? n : s.report, b),
          );
      }
      return real.apply(fs, args);
    });
  }
  for (const name of PROMISES) {
    const real = (fs.promises as unknown as Record<string, Fn>)[name];
    vi.spyOn(fs.promises as unknown as Record<string, Fn>, name).mockImplementation(async (...args: unknown[]) => {
      if (shouldFail(`promises.${name}`)) throw fault(code, name);
      const out = await real.apply(fs.promises, args);
      if (name === 'open') {
        // `close` is the handle's own property, not on its prototype: wrapped per handle.
        const fh = out as fs.promises.FileHandle;
        const close = fh.close.bind(fh);
        fh.close = async () => {
          if (shouldFail('handle.close')) {
            await close();
            throw fault(code, 'close');
          }
          return close();
        };
      }
      return out;
    });
  }
  for (const name of HANDLE) {
    const proto = await handleMethodOwner(name);
    const real = proto[name];
    vi.spyOn(proto, name).mockImplementation(async function (this: unknown, ...args: unknown[]) {
      if (shouldFail(`handle.${name}`)) throw fault(code, name);
      if (name === 'write' && Buffer.isBuffer(args[0])) {
        const s = shortWrite(args[2] as number);
        if (s === 'enospc') throw fault('ENOSPC', 'write');
        if (s) {
          const r = (await real.call(this, args[0], args[1], s.write, args[3])) as {
            bytesWritten: number;
            buffer: Buffer;
          };
          return { bytesWritten: s.report, buffer: r.buffer };
        }
      }
      return real.apply(this, args);
    });
  }
}

const OLD = Buffer.from(JSON.stringify({ version: 'old', body: '旧版本'.repeat(2000) }));
const NEW = Buffer.from(JSON.stringify({ version: 'new', body: '新版本'.repeat(3000) }));
const others = (dir: string) =>
  fs.readdirSync(dir).filter((n) => n !== 'issue.galley.json' && n !== 'issue.galley.json.bak');

async function attempt(opts: { k?: number; persistent?: boolean; code?: Code; short?: typeof shortMode }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-ioerr-'));
  const target = path.join(dir, 'issue.galley.json');
  fs.writeFileSync(target, OLD);
  calls = 0;
  hits = [];
  shortHits = 0;
  failAt = opts.k ?? Infinity;
  persistent = !!opts.persistent;
  code = opts.code ?? 'EIO';
  shortMode = opts.short ?? 'off';
  let error: unknown = null;
  let state: string | null = null;
  try {
    state = await saveAtomic(target, NEW);
  } catch (e) {
    error = e;
  }
  failAt = Infinity;
  shortMode = 'off';
  const result = {
    hit: hits[0] ?? null,
    error,
    state,
    shortHits,
    content: fs.readFileSync(target),
    bak: fs.existsSync(`${target}.bak`) ? fs.readFileSync(`${target}.bak`) : null,
    leftoversBeforeSweep: others(dir),
    leftovers: [] as string[],
  };
  await sweepTempFiles(target);
  result.leftovers = others(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

const WORDS: Record<Code, RegExp> = {
  EIO: /the disk reported an input\/output error \(EIO\)/,
  ENOSPC: /the disk is full \(ENOSPC\)/,
  EDQUOT: /the disk quota is used up \(EDQUOT\)/,
};

describe('saving under injected I/O errors', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    failAt = Infinity;
    shortMode = 'off';
  });

  for (const c of ['EIO', 'ENOSPC', 'EDQUOT'] as const) {
    for (const mode of ['single', 'persistent'] as const) {
      it(`${c} at every step (${mode} fault) leaves the old file intact byte for byte or the new one committed, and says why`, async () => {
        await injectFaults();
        const seen: string[] = [];
        let failures = 0;
        for (let k = 1; k < 100; k++) {
          const r = await attempt({ k, persistent: mode === 'persistent', code: c });
          if (!r.hit) {
            // k is past the last call: the save ran clean.
            expect(r.error).toBeNull();
            expect(r.content.equals(NEW)).toBe(true);
            expect(k).toBeGreaterThan(8);
            break;
          }
          seen.push(r.hit);
          if (r.error) {
            failures++;
            expect(r.error, `fault at ${r.hit}`).toBeInstanceOf(SaveError);
            const msg = (r.error as Error).message;
            expect(msg).toMatch(/^could not save issue\.galley\.json: .+; the previous version is unchanged$/);
            expect(msg).toMatch(WORDS[c]);
            expect(msg).not.toContain('\n');
            expect(r.content.equals(OLD), `fault at ${r.hit}: the old file must be intact`).toBe(true);
          } else {
            // Faults after the rename (directory fsync, temp cleanup) cannot undo the commit: the new version is
            // there, complete (it was read back before the rename).
            expect(r.content.equals(NEW), `fault at ${r.hit}`).toBe(true);
          }
          if (r.bak !== null) expect(r.bak.equals(OLD), `fault at ${r.hit}: .bak`).toBe(true);
          if (mode === 'single' && r.error)
            expect(r.leftoversBeforeSweep, `fault at ${r.hit}: the writer removes its temp file`).toEqual([]);
          expect(r.leftovers, `fault at ${r.hit}: temp files after the sweep`).toEqual([]);
        }
        expect(failures).toBeGreaterThan(4);
        // The loop reached every kind of step of the protocol, whichever layer the writer uses.
        const kinds = new Set(seen.map((s) => s.replace(/^(promises|handle)\./, '')));
        for (const step of ['link', 'rename', 'open', 'write', 'close']) expect([...kinds], step).toContain(step);
        expect(
          seen.some((s) => /sync$/.test(s)),
          'an fsync',
        ).toBe(true);
      });
    }
  }

  it('short writes (each write takes half of what it is given) are continued: the file is complete', async () => {
    await injectFaults();
    const r = await attempt({ short: 'honest' });
    expect(r.shortHits).toBeGreaterThan(0);
    expect(r.error).toBeNull();
    expect(r.content.equals(NEW)).toBe(true);
    expect(r.bak?.equals(OLD)).toBe(true);
  });

  it('a disk that fills mid-write (a short write, then ENOSPC) fails the save; the old file stays', async () => {
    await injectFaults();
    const r = await attempt({ short: 'fill' });
    expect(r.shortHits).toBeGreaterThan(0);
    expect(r.error).toBeInstanceOf(SaveError);
    expect((r.error as Error).message).toMatch(WORDS.ENOSPC);
    expect(r.content.equals(OLD)).toBe(true);
    expect(r.leftoversBeforeSweep).toEqual([]);
  });

  it('a write that reports more than reached the disk is caught by the read-back before the rename', async () => {
    await injectFaults();
    const r = await attempt({ short: 'lying' });
    expect(r.shortHits).toBeGreaterThan(0);
    expect(r.error).toBeInstanceOf(SaveError);
    expect((r.error as Error).message).toMatch(/did not read back the same/);
    expect(r.content.equals(OLD)).toBe(true);
    expect(r.leftoversBeforeSweep).toEqual([]);
  });
});
