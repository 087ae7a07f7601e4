/**
 * Shared editing (docs/collaboration.md), figures not pass/fail:
 *  1. merge of two copies of a 100-page, 20,000-fragment issue with 1,000 changes each (goal < 1 s);
 *  2. update-log growth per edit (bytes of the incremental update per operation kind);
 *  3. opening a document with 100,000 recorded changes (snapshot import + projection; goal < 1.5 s);
 *  4. the multi-peer property (tests/shared/collab/peers-property.test.ts) over thousands of random histories.
 * `COLLAB_PROPERTY_RUNS` sets the number of property runs (default 2,000).
 */
import fc from 'fast-check';
import { generateIssue } from './support/generate-issue';
import { CollabDoc, mergeCopies } from '../shared/collab';
import { audit, textIntact } from '../shared/audit/audit';
import type { Op } from '../shared/ops';
import type { Issue } from '../shared/model/types';
import { peersCaseArb, runPeersCase, type PeersStats } from '../tests/shared/collab/collab-model';

const ms = (x: number) => `${x.toFixed(0)} ms`;
const big = generateIssue({ pages: 100, fragmentsPerPage: 200 });

/** A random-ish but deterministic change for copy `who`, step `i`: moves, edits, splits, role changes. */
function change(issue: Issue, who: string, i: number): Op {
  const frags = issue.pages[(i * 7 + (who === 'b' ? 50 : 0)) % issue.pages.length].fragments;
  const f = frags[(i * 13) % frags.length];
  switch (i % 4) {
    case 0:
      return { type: 'editText', fragmentId: f.id, text: f.text + '。' };
    case 1:
      return { type: 'moveFragments', fragmentIds: [f.id], to: { kind: i % 8 === 1 ? 'discard' : 'pool' } };
    case 2:
      return f.text.length > 2
        ? { type: 'splitFragment', fragmentId: f.id, offset: 1, newId: `${who}-s${i}` }
        : { type: 'setRole', fragmentIds: [f.id], role: 'body' };
    default:
      return { type: 'setRole', fragmentIds: [f.id], role: i % 3 ? 'caption' : 'body' };
  }
}

function edited(who: string, n: number): { doc: CollabDoc; issue: Issue } {
  const doc = CollabDoc.fromIssue(big);
  let issue = doc.issue;
  for (let i = 0; i < n; i++) {
    try {
      issue = doc.apply(change(issue, who, i));
    } catch {
      // a generated change that does not fit (e.g. a split inside a character) is skipped
    }
  }
  return { doc, issue };
}

console.log('1. merge of two copies (100 pages, 20,000 fragments, 1,000 changes each)');
let t0 = performance.now();
const seedBytes = CollabDoc.fromIssue(big).snapshot();
console.log(
  `  seed document: ${ms(performance.now() - t0)}, ${(seedBytes.length / 1024 / 1024).toFixed(1)} MB snapshot`,
);
t0 = performance.now();
const A = edited('a', 1000);
const B = edited('b', 1000);
console.log(
  `  2 × 1,000 changes written: ${ms(performance.now() - t0)} (${ms((performance.now() - t0) / 2000)} per change)`,
);
const ha = A.doc.snapshot();
const hb = B.doc.snapshot();
t0 = performance.now();
const merged = mergeCopies({ issue: A.issue, history: ha }, { issue: B.issue, history: hb });
const mergeMs = performance.now() - t0;
console.log(
  `  merge (open both histories, import, project, find conflicts): ${ms(mergeMs)} (goal < 1 s) · mode ${merged.mode} · ${merged.conflicts.length} conflicts · audit ${textIntact(audit(merged.issue)) ? 'clean' : 'NOT CLEAN'}`,
);
t0 = performance.now();
const only = CollabDoc.fromBytes(ha);
const vv = only.doc.oplogVersion();
only.import(B.doc.doc.export({ mode: 'update', from: vv }));
only.project();
console.log(`  CRDT import + projection alone: ${ms(performance.now() - t0)}`);

console.log('\n2. update-log growth per edit (bytes of the update one operation adds)');
{
  const d = CollabDoc.fromBytes(seedBytes);
  let issue = d.issue;
  const kinds: [string, (i: number) => Op][] = [
    [
      'type one character',
      (i) => ({
        type: 'editText',
        fragmentId: issue.pool[i],
        text: issue.pages[0].fragments.find((f) => f.id === issue.pool[i])?.text + '字',
      }),
    ],
    [
      'move a fragment to the discard pile',
      (i) => ({ type: 'moveFragments', fragmentIds: [issue.pool[i]], to: { kind: 'discard' } }),
    ],
    ['split a fragment', (i) => ({ type: 'splitFragment', fragmentId: issue.pool[i], offset: 1, newId: `g-${i}` })],
    ['set a role', (i) => ({ type: 'setRole', fragmentIds: [issue.pool[i]], role: 'caption' })],
  ];
  for (const [name, make] of kinds) {
    const sizes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const v = d.doc.oplogVersion();
      try {
        issue = d.apply(make(i));
      } catch {
        continue;
      }
      sizes.push(d.doc.export({ mode: 'update', from: v }).length);
    }
    sizes.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(40)} median ${sizes[sizes.length >> 1]} B (n=${sizes.length})`);
  }
}

console.log('\n3. opening a document with 100,000 recorded changes');
{
  const d = CollabDoc.fromBytes(seedBytes);
  let issue = d.issue;
  t0 = performance.now();
  const frags = issue.pages.flatMap((p) => p.fragments.map((f) => f.id));
  for (let i = 0; i < 100_000; i++) {
    const id = frags[(i * 7919) % frags.length];
    const op: Op =
      i % 2
        ? { type: 'setRole', fragmentIds: [id], role: i % 4 === 1 ? 'caption' : 'body' }
        : { type: 'moveFragments', fragmentIds: [id], to: { kind: i % 4 === 0 ? 'discard' : 'pool' } };
    issue = d.apply(op, { unrecorded: true });
  }
  console.log(`  100,000 changes written: ${ms(performance.now() - t0)}`);
  const snap = d.snapshot();
  const shallow = d.doc.export({ mode: 'shallow-snapshot', frontiers: d.doc.frontiers() });
  for (const [name, bytes] of [
    ['full snapshot', snap],
    ['shallow snapshot', shallow],
  ] as const) {
    t0 = performance.now();
    const o = CollabDoc.fromBytes(bytes);
    o.project();
    console.log(
      `  open from ${name} (${(bytes.length / 1024 / 1024).toFixed(1)} MB): ${ms(performance.now() - t0)} (goal < 1.5 s)`,
    );
  }
}

const runs = Number(process.env.COLLAB_PROPERTY_RUNS ?? 2000);
console.log(`\n4. multi-peer property, ${runs} random histories`);
{
  const stats: PeersStats = { applied: 0, refused: 0, undos: 0, syncs: 0, kept: 0 };
  t0 = performance.now();
  fc.assert(
    fc.property(peersCaseArb, (c) => runPeersCase(c, stats)),
    { numRuns: runs },
  );
  console.log(
    `  passed in ${ms(performance.now() - t0)}: ${stats.applied} operations, ${stats.refused} refused, ${stats.undos} undo/redo, ${stats.syncs} syncs, ${stats.kept} single-author changes checked kept`,
  );
}
