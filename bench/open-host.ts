/**
 * The host's share of opening a big issue, on the generated 100-page, 20,000-fragment issue: each stage
 * of `loadIssueFile` on its own (UTF-8 check + decode, JSON.parse, schema, semantic checks with the audit), the
 * contract's output check of `issue.open` (the issue `parseIssue` produced passes as it is), the JSON the browser
 * host sends, and `issue.open` over the browser host's HTTP, first call of a fresh host process (cold) and later
 * calls (warm). Min and median of several runs: the machine is shared, and the minimum is the least disturbed.
 * Prints figures; asserts nothing about speed. The renderer's share: bench/renderer.ts.
 *
 *   npx tsx bench/open-host.ts [--runs 5]
 */
import { isUtf8 } from 'node:buffer';
import { mkdtemp, rm, writeFile, mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadIssueFile } from '../electron/host/services/issue-files';
import { serializeIssue, validateIssue } from '../shared/issue-file/parse-issue';
import { IssueSchema } from '../shared/model/schema';
import { ipcContract } from '../shared/ipc/contract';
import { generateIssue } from './support/generate-issue';
import { startHostProcess } from './support/host-process';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 5;
const dir = await mkdtemp(path.join(os.tmpdir(), 'galley-bench-open-'));
const file = path.join(dir, 'big.galley.json');
const issue = generateIssue({ pages: 100, fragmentsPerPage: 200, articles: 1500 });
await writeFile(file, serializeIssue(issue));
const fragments = issue.pages.reduce((n, p) => n + p.fragments.length, 0);

const times: Record<string, number[]> = {};
const time = async <T>(label: string, fn: () => T | Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const r = await fn();
  (times[label] ??= []).push(performance.now() - t0);
  return r;
};

try {
  for (let run = 0; run < RUNS; run++) {
    const bytes = await time('read file', () => readFile(file));
    const text = await time('UTF-8 check + decode', () => (isUtf8(bytes) ? bytes.toString('utf8') : ''));
    const raw = await time('JSON.parse', () => JSON.parse(text) as unknown);
    await time('schema (zod)', () => IssueSchema.safeParse(raw));
    await time('schema + semantic checks (validateIssue)', () => validateIssue(raw));
    const loaded = await time('loadIssueFile (all of the above)', () => loadIssueFile(file));
    const out = await time('issue.open output check (parsed issue)', () =>
      ipcContract['issue.open'].output.parse({
        issue: loaded,
        file: { token: 'bench-token-1', name: 'big.galley.json' },
      }),
    );
    const copy = structuredClone(loaded);
    await time('issue.open output check (any other issue: full schema)', () =>
      ipcContract['issue.open'].output.parse({
        issue: copy,
        file: { token: 'bench-token-1', name: 'big.galley.json' },
      }),
    );
    await time('JSON.stringify of the answer (browser host)', () => JSON.stringify({ ok: true, value: out }));
  }

  // Over HTTP, as the renderer calls it; a fresh host process per run for the cold (first) call.
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const userDataDir = path.join(dir, `user-${run}`);
    await mkdir(userDataDir, { recursive: true });
    const host = await startHostProcess({ root: dir, userDataDir });
    try {
      for (let k = 0; k < 3; k++) {
        await host.call('/__test/dialog', { channel: 'dialog.openIssue', answer: 'big.galley.json' });
        const ref = await host.call<{ token: string }>('/rpc/dialog.openIssue', {});
        await time(
          k === 0 ? 'issue.open over HTTP, first call (cold host)' : 'issue.open over HTTP, later calls',
          async () => {
            const res = await fetch(`${host.origin}/rpc/issue.open`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-galley-token': host.token },
              body: JSON.stringify({ token: ref.token }),
            });
            return res.arrayBuffer(); // the bytes only: the client's own decoding is not the host's time
          },
        );
      }
    } finally {
      await host.stop();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const w = Math.max(...Object.keys(times).map((k) => k.length));
console.log(
  `\nOpen path, host side — 100 pages, ${fragments} fragments, ${(Buffer.byteLength(serializeIssue(issue)) / 2 ** 20).toFixed(1)} MB (${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})\n`,
);
console.log(`${'stage'.padEnd(w)} |    min | median | runs`);
console.log(`${'-'.repeat(w)}-|--------|--------|-----`);
for (const [k, v] of Object.entries(times))
  console.log(
    `${k.padEnd(w)} | ${Math.min(...v)
      .toFixed(0)
      .padStart(6)} | ${med(v).toFixed(0).padStart(6)} | ${v.length}`,
  );
