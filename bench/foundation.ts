/**
 * Foundation figures (`npm run bench`, or `tsx bench/foundation.ts`):
 *  1. generated issues of 1, 10 and 100 pages × 200 fragments of real Chinese newspaper prose (ECPO corpus):
 *     import (read + decode + segment), audit, save — and the ratio of our crash-safe save to a bare
 *     `fs.writeFile` of the same bytes, with and without the `.bak` link, and against writeFile + fsync;
 *  2. `moveFragments` (and other ops) on a 20,000-fragment issue;
 *  3. importing a 50 MB single-line page (goal < 5 s).
 * Times are medians of several runs; the machine is shared, so read them as orders of magnitude.
 */
import { mkdtempSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateIssue } from './support/generate-issue';
import { importPageFiles } from '../electron/host/services/page-files';
import { saveAtomic } from '../electron/host/services/atomic-save';
import { loadIssueFile, saveIssueFile } from '../electron/host/services/issue-files';
import { serializeIssue } from '../shared/issue-file/parse-issue';
import { audit } from '../shared/audit/audit';
import { applyOp, type Op } from '../shared/ops';
import type { Issue } from '../shared/model/types';
import { chineseText } from '../tests/support/crash-writer';

const dir = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
async function med(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await time(fn));
  return median(xs);
}
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0)).padStart(8);

async function writeFsync(file: string, data: string): Promise<void> {
  const fh = await fs.open(file, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

// 1. Import, audit, save.
console.log(
  `machine: ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (figures scale with it)`,
);
console.log('1. import + audit + save (median ms; ratio = save / bare fs.writeFile of the same bytes)');
console.log(
  'pages  frags      MB   import    audit  serial.  save(.bak) save(no bak) writeFile  wF+fsync  ratio  ratio no-bak  vs wF+fsync',
);
const big = generateIssue({ pages: 100, fragmentsPerPage: 200 });
for (const pages of [1, 10, 100]) {
  const files = big.pages.slice(0, pages).map((p, i) => {
    const f = path.join(dir, `page-p${i + 1}.txt`);
    writeFileSync(f, p.original);
    return f;
  });
  const reps = pages === 100 ? 3 : 7;
  let issue: Issue | undefined;
  const tImport = await med(reps, async () => {
    issue = await importPageFiles(files, { title: 'bench' });
  });
  const frags = issue!.pages.reduce((n, p) => n + p.fragments.length, 0);
  const tAudit = await med(reps, () => audit(issue!));
  let json = '';
  const tSerial = await med(reps, () => {
    json = serializeIssue(issue!);
  });
  const target = path.join(dir, `issue-${pages}.galley.json`);
  await saveIssueFile(target, issue!);
  const tSave = await med(reps, () => saveAtomic(target, json));
  const tSaveNoBak = await med(reps, () => saveAtomic(target, json, { backup: false }));
  const bare = path.join(dir, `bare-${pages}.json`);
  const tWrite = await med(reps, () => fs.writeFile(bare, json));
  const tWriteSync = await med(reps, () => writeFsync(bare, json));
  const mb = Buffer.byteLength(json) / 2 ** 20;
  console.log(
    `${String(pages).padStart(5)} ${String(frags).padStart(6)} ${mb.toFixed(2).padStart(7)} ${ms(tImport)} ${ms(tAudit)} ${ms(tSerial)} ${ms(tSave)}   ${ms(tSaveNoBak)}  ${ms(tWrite)}  ${ms(tWriteSync)} ${(tSave / tWrite).toFixed(2).padStart(6)} ${(tSaveNoBak / tWrite).toFixed(2).padStart(13)} ${(tSave / tWriteSync).toFixed(2).padStart(12)}`,
  );
  const tLoad = await med(reps, () => loadIssueFile(target));
  console.log(`       load (read + parse + validate + audit) of that file: ${ms(tLoad)} ms`);
}

// 2. Operations on a 20,000-fragment issue.
console.log(
  '\n2. operations on a 100-page, 20,000-fragment issue (median of 200 ops, ms; p90 shows scheduling noise on a shared machine)',
);
let issue = big;
const poolIds = () => issue.pool;
const results: [string, number][] = [];
async function opBench(name: string, make: (i: number) => Op, n = 200): Promise<void> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const op = make(i);
    const t0 = performance.now();
    issue = applyOp(issue, op).issue;
    xs.push(performance.now() - t0);
  }
  results.push([name, median(xs)]);
  console.log(
    `  ${name.padEnd(58)} ${ms(median(xs))}   (p90 ${ms([...xs].sort((a, b) => a - b)[Math.floor(n * 0.9)])})`,
  );
}
const arts = big.articles;
await opBench('moveFragments: 1 pool fragment → article, after an anchor', (i) => {
  const a = issue.articles[(i * 7) % issue.articles.length];
  return {
    type: 'moveFragments',
    fragmentIds: [poolIds()[(i * 13) % poolIds().length]],
    to: { kind: 'article', articleId: a.id, after: a.items[0]?.id ?? null },
  };
});
await opBench('moveFragments: 10 pool fragments → article', (i) => {
  const ids = Array.from({ length: 10 }, (_, k) => poolIds()[(i * 31 + k * 97) % poolIds().length]);
  return {
    type: 'moveFragments',
    fragmentIds: [...new Set(ids)],
    to: { kind: 'article', articleId: arts[(i * 11) % arts.length].id, after: null },
  };
});
await opBench('moveFragments: 1 article fragment → another article', (i) => {
  const from = issue.articles.find((a, k) => k >= (i * 5) % issue.articles.length && a.items.length > 1)!;
  const to = issue.articles[(i * 17 + 3) % issue.articles.length];
  return {
    type: 'moveFragments',
    fragmentIds: [from.items[from.items.length - 1].id],
    to: { kind: 'article', articleId: to.id, after: null },
  };
});
await opBench('moveFragments: 1 article fragment → pool (source-order insert)', (i) => {
  const from = issue.articles.find((a, k) => k >= (i * 3) % issue.articles.length && a.items.length > 1)!;
  return { type: 'moveFragments', fragmentIds: [from.items[0].id], to: { kind: 'pool' } };
});
await opBench('splitFragment (pool fragment)', (i) => {
  const f = issue.pages[i % 100].fragments.find((x) => x.text.length > 4 && issue.pool.includes(x.id))!;
  return { type: 'splitFragment', fragmentId: f.id, offset: 2, newId: `s${i}` };
});
await opBench('editText', (i) => ({
  type: 'editText',
  fragmentId: issue.pages[i % 100].fragments[5].id,
  text: `改正${i}`,
}));
const tAuditBig = await med(5, () => audit(issue));
console.log(`  ${'audit of the whole issue'.padEnd(58)} ${ms(tAuditBig)}`);

// 3. A 50 MB single line.
console.log('\n3. a 50 MB page that is one single line (goal: import < 5 s)');
const line = chineseText(17_500_000, 3).replace(/\n/g, '');
const lineFile = path.join(dir, 'one-line.txt');
writeFileSync(lineFile, line);
const bytes = (await fs.stat(lineFile)).size;
let lineIssue: Issue | undefined;
const tLine = await time(async () => {
  lineIssue = await importPageFiles([lineFile]);
});
const tLineAudit = await time(() => audit(lineIssue!));
const tLineSave = await time(() => saveIssueFile(path.join(dir, 'one-line.galley.json'), lineIssue!));
const tLineLoad = await time(() => loadIssueFile(path.join(dir, 'one-line.galley.json')));
console.log(
  `  ${(bytes / 2 ** 20).toFixed(1)} MB: import ${tLine.toFixed(0)} ms${tLine < 5000 ? ' (< 5 s: ok)' : ' (OVER the 5 s goal)'}, audit ${tLineAudit.toFixed(0)} ms, save ${tLineSave.toFixed(0)} ms, load ${tLineLoad.toFixed(0)} ms`,
);

rmSync(dir, { recursive: true, force: true });
const move1 = results[0][1];
console.log(`\nmoveFragments on 20,000 fragments: ${move1.toFixed(2)} ms median (goal ~1–2 ms)`);
