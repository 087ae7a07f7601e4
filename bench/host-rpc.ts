/**
 * The host contract over the loopback browser host, measured: round-trip latency of a small call, a whole
 * 100-page issue saved over HTTP against the direct service call, a recovery write of the same size, and
 * listing 20 large recovery files (headers only). Prints figures; asserts nothing about speed.
 *
 *   npx tsx bench/host-rpc.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startWebHost } from '../electron/web/server';
import { saveIssueFile } from '../electron/host/services/issue-files';
import { serializeIssue } from '../shared/issue-file/parse-issue';
import { generateIssue } from './support/generate-issue';

const dir = await mkdtemp(path.join(os.tmpdir(), 'galley-bench-rpc-'));
const host = await startWebHost({
  root: dir,
  rendererDir: dir,
  testMode: true,
  session: { userDataDir: path.join(dir, 'user'), version: 'bench', host: 'test' },
});
const call = async (channel: string, input: unknown) => {
  const res = await fetch(`${host.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-galley-token': host.token },
    body: JSON.stringify(input),
  });
  const data = (await res.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!data.ok) throw new Error(`${channel}: ${data.error}`);
  return data.value;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn: () => Promise<unknown>, n: number) => {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t;
};

try {
  await time(() => call('app.info', {}), 50); // warm up
  const small = await time(() => call('app.info', {}), 500);
  console.log(
    `app.info round trip: median ${median(small).toFixed(2)} ms, p95 ${[...small].sort((a, b) => a - b)[Math.floor(small.length * 0.95)].toFixed(2)} ms (500 calls)`,
  );

  const issue = generateIssue({ pages: 100 });
  const mb = Buffer.byteLength(serializeIssue(issue)) / 1024 / 1024;
  await host.dialogs.push('dialog.saveIssueAs', ['big.galley.json']);
  const ref = (await call('dialog.saveIssueAs', { suggestedName: 'big.galley.json' })) as { token: string };
  const viaHttp = await time(() => call('issue.save', { token: ref.token, issue }), 5);
  const direct = await time(() => saveIssueFile(path.join(dir, 'direct.galley.json'), issue), 5);
  console.log(
    `issue.save of a 100-page issue (${mb.toFixed(1)} MB): over HTTP median ${median(viaHttp).toFixed(0)} ms (validation + transfer + atomic save), direct saveIssueFile median ${median(direct).toFixed(0)} ms`,
  );

  const payload = JSON.stringify({ issue, history: [] });
  const rec = await time(() => call('recovery.write', { id: 'bench', changes: 1, payload }), 5);
  console.log(`recovery.write of ${(payload.length / 1024 / 1024).toFixed(1)} MB: median ${median(rec).toFixed(0)} ms`);
  for (let i = 0; i < 20; i++) await call('recovery.write', { id: `bench-${i}`, changes: i, payload });
  const list = await time(() => call('recovery.list', {}), 20);
  console.log(
    `recovery.list over 21 files of ${(payload.length / 1024 / 1024).toFixed(1)} MB each: median ${median(list).toFixed(1)} ms`,
  );
} finally {
  await host.close();
  await rm(dir, { recursive: true, force: true });
}
