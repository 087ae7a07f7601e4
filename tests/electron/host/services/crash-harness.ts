/**
 * Kill-loop harness: a writer child process saves successive versions of a large issue and is
 * killed with SIGKILL a few milliseconds after it announces a save; then the file on disk is classified. Used by
 * `crash-kill.test.ts` and by `bench/foundation.ts`. Relative imports only (the bench runs under tsx).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadIssueFile, saveIssueFile } from '../../../../electron/host/services/issue-files';
import { sweepTempFiles } from '../../../../electron/host/services/atomic-save';
import { TEMP_MARK } from '../../../../electron/host/services/temp-files';
import { makePages, verify, versionOf } from '../../../support/crash-writer';

const ROOT = path.resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const BUNDLE = path.join(ROOT, '.tmp/crash/crash-writer.mjs');
const PAGES_FILE = path.join(ROOT, '.tmp/crash/pages.json');

export interface CrashReport {
  kills: number;
  /** The file held the last committed version. */
  old: number;
  /** The file held the version whose save was interrupted (the rename had happened). */
  new: number;
  /** Did not parse, or parsed but failed its checksum. */
  corrupt: number;
  missing: number;
  /** A complete version, but neither the old nor the new one. */
  stale: number;
  /** `.bak` missing, torn, or newer than the file. */
  badBackup: number;
  /** Kills that left temp files behind, and temp files still there after the next load. */
  tempLeft: number;
  tempAfterLoad: number;
  /** First few problems, for the failure message. */
  notes: string[];
  ms: number;
}

/** Bundles the writer once (plain `node` starts in a fraction of tsx's time; the loop spawns hundreds). */
export async function bundleWriter(): Promise<string> {
  await fs.mkdir(path.dirname(BUNDLE), { recursive: true });
  await fs.writeFile(PAGES_FILE, JSON.stringify(makePages()));
  await build({
    entryPoints: [path.join(ROOT, 'tests/support/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: BUNDLE,
    logLevel: 'warning',
  });
  return BUNDLE;
}

interface Writer {
  child: ChildProcess;
  ready: Promise<void>;
  onLine: (f: (line: string) => void) => void;
  exited: Promise<void>;
}

function spawnWriter(bundle: string): Writer {
  const child = spawn(process.execPath, [bundle], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, CRASH_PAGES: PAGES_FILE },
  });
  let handler: (line: string) => void = () => undefined;
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => {
    readyResolve = r;
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let buf = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line === 'R') readyResolve();
      else handler(line);
    }
  });
  child.stdin!.on('error', () => undefined);
  return {
    child,
    ready,
    exited,
    onLine: (f) => {
      handler = f;
    },
  };
}

/** Names the save leaves behind when killed: Galley temp files of the file and of its `.bak` (temp-files.ts). */
async function tempFiles(file: string): Promise<string[]> {
  const base = path.basename(file);
  return (await fs.readdir(path.dirname(file))).filter((n) => n.startsWith(`.${base}.`) && n.includes(TEMP_MARK));
}

/** A seeded generator so that a failing run can be repeated. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

type LaneOpts = { dir: string; kills: number; mode: 'atomic' | 'naive'; maxDelayMs?: number; seed?: number };

/**
 * Runs `kills` kill-and-check rounds split over `lanes` independent files and writers at once (start-up and fsync
 * wait dominate, so lanes overlap well even on two cores) and adds up the reports.
 */
export async function crashLoop(opts: LaneOpts & { lanes?: number }): Promise<CrashReport> {
  const t0 = performance.now();
  const lanes = Math.max(1, opts.lanes ?? 3);
  const parts = await Promise.all(
    Array.from({ length: lanes }, (_, k) => {
      const kills = Math.floor(opts.kills / lanes) + (k < opts.kills % lanes ? 1 : 0);
      return crashLane({ ...opts, kills, dir: path.join(opts.dir, `lane${k}`), seed: (opts.seed ?? 20261127) + k });
    }),
  );
  const sum = parts.reduce((a, b) => {
    const out = { ...a };
    for (const key of Object.keys(b) as (keyof CrashReport)[])
      if (typeof b[key] === 'number') (out[key] as number) += b[key] as number;
    out.notes = [...a.notes, ...b.notes].slice(0, 5);
    return out;
  });
  return { ...sum, ms: performance.now() - t0 };
}

async function crashLane(opts: LaneOpts): Promise<CrashReport> {
  await fs.mkdir(opts.dir, { recursive: true });
  const t0 = performance.now();
  const bundle = existsSync(BUNDLE) ? BUNDLE : await bundleWriter();
  const rand = rng(opts.seed ?? 20261127);
  const maxDelay = opts.maxDelayMs ?? 15;
  // Kill delays span the observed save time, so that kills land before, during and after the commit.
  const saveMs: number[] = [];
  const file = path.join(opts.dir, `${opts.mode}.galley.json`);
  // Two saves, so that a `.bak` exists from the start and must exist after every kill.
  await saveIssueFile(file, versionOf(0));
  await saveIssueFile(file, versionOf(0));
  const r: CrashReport = {
    kills: 0,
    old: 0,
    new: 0,
    corrupt: 0,
    missing: 0,
    stale: 0,
    badBackup: 0,
    tempLeft: 0,
    tempAfterLoad: 0,
    notes: [],
    ms: 0,
  };
  const note = (s: string) => {
    if (r.notes.length < 5) r.notes.push(s);
  };
  let committed = 0;
  let next = 1;
  const queue = [spawnWriter(bundle), spawnWriter(bundle), spawnWriter(bundle)];
  try {
    for (let i = 0; i < opts.kills; i++) {
      const w = queue.shift()!;
      queue.push(spawnWriter(bundle));
      const tA = performance.now();
      await w.ready;
      const tB = performance.now();
      const waitFor = rand() < 0.75 ? 1 : 2; // mostly the first save (cold), sometimes the second (warm)
      const typical = saveMs.length ? saveMs.reduce((a, b) => a + b, 0) / saveMs.length : maxDelay;
      const delay = rand() * Math.max(maxDelay, 1.2 * typical);
      let sAt = 0;
      let started: number | null = null;
      let lastCommitted = committed;
      let seen = 0;
      w.onLine((line) => {
        const [tag, num] = line.split(' ');
        const v = Number(num);
        if (tag === 'C') {
          lastCommitted = v;
          if (saveMs.length < 50) saveMs.push(performance.now() - sAt);
        }
        if (tag === 'S') {
          started = v;
          sAt = performance.now();
          if (++seen === waitFor) setTimeout(() => w.child.kill('SIGKILL'), delay);
        }
      });
      w.child.stdin!.write(`go ${file} ${next} ${opts.mode}\n`);
      await w.exited;
      r.kills++;
      const tC = performance.now();
      const temps = await tempFiles(file);
      if (temps.length) r.tempLeft++;
      let version: number | null = null;
      if (!existsSync(file)) {
        r.missing++;
        note(`kill ${i}: file missing`);
      } else {
        try {
          // Every 4th kill goes through the app's full load (read, sweep, schema, semantic audit); the others
          // through the sweep and JSON.parse: the checksum already proves the version complete, and the full
          // validation of 2 MB would double the time of a loop that must also run on a busy CI machine.
          const full = i % 4 === 0;
          if (!full) await sweepTempFiles(file);
          version = verify(full ? await loadIssueFile(file) : JSON.parse(readFileSync(file, 'utf8')));
          if (version === null) {
            r.corrupt++;
            note(`kill ${i}: checksum mismatch`);
          }
        } catch (e) {
          r.corrupt++;
          note(`kill ${i}: ${(e as Error).message.slice(0, 80)}`);
        }
      }
      if (version !== null) {
        if (version === lastCommitted) r.old++;
        else if (version === started) r.new++;
        else {
          r.stale++;
          note(`kill ${i}: version ${version}, expected ${lastCommitted} or ${started}`);
        }
        committed = version;
      }
      if (opts.mode === 'atomic') {
        if ((await tempFiles(file)).length) {
          r.tempAfterLoad++;
          note(`kill ${i}: temp files survived the load`);
        }
        const bak = `${file}.bak`;
        let bv: number | null = null;
        let why = 'missing';
        try {
          bv = existsSync(bak) ? verify(JSON.parse(readFileSync(bak, 'utf8'))) : null;
          why = 'checksum';
        } catch (e) {
          why = (e as Error).message.slice(0, 60);
        }
        if (bv === null || (version !== null && bv > version)) {
          r.badBackup++;
          note(`kill ${i}: bad .bak (${bv ?? why})`);
        }
      }
      next = Math.max(next, started ?? 0, lastCommitted) + 1;
      if (process.env.CRASH_DEBUG)
        console.log(
          `ready ${Math.round(tB - tA)} run ${Math.round(tC - tB)} check ${Math.round(performance.now() - tC)}`,
        );
    }
  } finally {
    for (const w of queue) w.child.kill('SIGKILL');
    await Promise.all(queue.map((w) => w.exited));
  }
  r.ms = performance.now() - t0;
  return r;
}
