import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SaveError, saveAtomic, sweepTempFiles } from '../../../../electron/host/services/atomic-save';

/**
 * I/O-error injection (RELIABILITY 2.4 C): the k-th file-system call of a save fails with EIO, for k = 1, 2, …
 * until a save runs clean; once with a single fault, once with every later call failing too. Both layers are
 * intercepted: `fs.promises` (our backup link and directory fsync) and the callback `fs` that write-file-atomic
 * uses (open, write, fsync, close, chmod, rename, unlink…). After every fault: the save either failed with a
 * SaveError and the file is the complete old version, or it had already committed and the file is the new one;
 * `.bak` is the old version; temp files, if a failing cleanup left any, are swept.
 */
const CALLBACK = ['realpath', 'stat', 'open', 'write', 'fsync', 'close', 'chown', 'chmod', 'rename', 'unlink'] as const;
const PROMISES = ['link', 'copyFile', 'rename', 'rm', 'open', 'readdir'] as const;

let calls = 0;
let failAt = Infinity;
let persistent = false;
let hits: string[] = [];
const shouldFail = (name: string) => {
  calls++;
  const fail = persistent ? calls >= failAt : calls === failAt;
  if (fail) hits.push(name);
  return fail;
};
const eio = (name: string) => Object.assign(new Error(`EIO: i/o error, ${name}`), { code: 'EIO', syscall: name });

function injectFaults(): void {
  for (const name of CALLBACK) {
    const real = (fs as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    vi.spyOn(fs as unknown as Record<string, (...a: unknown[]) => unknown>, name).mockImplementation((...args: unknown[]) => {
      if (!shouldFail(name)) return real.apply(fs, args);
      const cb = args[args.length - 1];
      if (typeof cb === 'function') process.nextTick(() => cb(eio(name)));
      return undefined;
    });
  }
  for (const name of PROMISES) {
    const real = (fs.promises as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
    vi.spyOn(fs.promises as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>, name).mockImplementation(async (...args: unknown[]) => {
      if (shouldFail(`promises.${name}`)) throw eio(name);
      const out = await real.apply(fs.promises, args);
      if (name === 'open') {
        // The directory handle: its fsync is a step of its own.
        const fh = out as fs.promises.FileHandle;
        const sync = fh.sync.bind(fh);
        fh.sync = async () => { if (shouldFail('promises.handle.sync')) throw eio('fsync'); return sync(); };
      }
      return out;
    });
  }
}

const OLD = JSON.stringify({ version: 'old', body: '旧版本'.repeat(2000) });
const NEW = JSON.stringify({ version: 'new', body: '新版本'.repeat(3000) });

async function attempt(k: number, persistentFaults: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-ioerr-'));
  const target = path.join(dir, 'issue.galley.json');
  fs.writeFileSync(target, OLD);
  calls = 0; hits = []; failAt = k; persistent = persistentFaults;
  let error: unknown = null;
  let state: string | null = null;
  try { state = await saveAtomic(target, NEW); } catch (e) { error = e; }
  failAt = Infinity;
  const result = {
    hit: hits[0] ?? null, error, state,
    content: fs.readFileSync(target, 'utf8'),
    bak: fs.existsSync(`${target}.bak`) ? fs.readFileSync(`${target}.bak`, 'utf8') : null,
    leftovers: fs.readdirSync(dir).filter((n) => n !== 'issue.galley.json' && n !== 'issue.galley.json.bak'),
    swept: 0, totalCalls: calls,
  };
  result.swept = await sweepTempFiles(target);
  result.leftovers = fs.readdirSync(dir).filter((n) => n !== 'issue.galley.json' && n !== 'issue.galley.json.bak');
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

describe('saving under injected I/O errors', () => {
  afterEach(() => { vi.restoreAllMocks(); failAt = Infinity; });

  for (const mode of ['single', 'persistent'] as const) {
    it(`every step failing (${mode} fault) leaves the old file intact or the new one committed, never a mix`, async () => {
      injectFaults();
      const seen: string[] = [];
      let failures = 0;
      for (let k = 1; k < 100; k++) {
        const r = await attempt(k, mode === 'persistent');
        if (!r.hit) {
          // k is past the last call: the save ran clean.
          expect(r.error).toBeNull();
          expect(r.content).toBe(NEW);
          expect(k).toBeGreaterThan(8);
          break;
        }
        seen.push(r.hit);
        if (r.error) {
          failures++;
          expect(r.error, `fault at ${r.hit}`).toBeInstanceOf(SaveError);
          expect((r.error as Error).message).toMatch(/^could not save issue\.galley\.json: EIO: i\/o error, .+; the previous version is unchanged$/);
          expect(r.content, `fault at ${r.hit}: the old file must be intact`).toBe(OLD);
        } else {
          // Faults after the rename (directory fsync, temp cleanup) cannot undo the commit: the new version is there,
          // reported as not known durable when the directory fsync failed.
          expect(r.content, `fault at ${r.hit}`).toBe(NEW);
          if (r.hit.startsWith('promises.open') || r.hit === 'promises.handle.sync') expect(r.state).toBe('committed-not-durable');
        }
        if (r.bak !== null) expect(r.bak, `fault at ${r.hit}: .bak`).toBe(OLD);
        expect(r.leftovers, `fault at ${r.hit}: temp files after the sweep`).toEqual([]);
      }
      expect(failures).toBeGreaterThan(4);
      // The loop reached every kind of step of the protocol.
      for (const step of ['promises.link', 'promises.rename', 'open', 'write', 'fsync', 'close', 'rename', 'promises.open']) expect(seen).toContain(step);
    });
  }

  it('a failed save that leaves a stray temp file gets it removed by the sweep, not the .bak', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-sweep-'));
    const target = path.join(dir, 'x.galley.json');
    for (const n of ['x.galley.json', 'x.galley.json.bak', 'x.galley.json.123456789', 'x.galley.json.bak.42.tmp', 'other.json.1']) fs.writeFileSync(path.join(dir, n), n);
    expect(await sweepTempFiles(target)).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['other.json.1', 'x.galley.json', 'x.galley.json.bak']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
