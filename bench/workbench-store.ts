/**
 * Workbench store figures (`npm run bench workbench`, or `tsx bench/workbench-store.ts`) on the newsroom-scale
 * issue (100 pages × 200 fragments = 20,000 fragments, ~1,500 articles): what one drop, one keystroke, one undo
 * and the selectors behind a re-render cost in the renderer's store. Goal: every interactive step well under a
 * frame budget of 16 ms, so that a drag or typing stays fluid; the audit (status bar) under 100 ms.
 * Medians of 15 runs; the machine is shared, so read them as orders of magnitude.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');

// The renderer imports `@shared/*` (a Vite alias); tsx resolves it through the web tsconfig's paths.
if (!process.env.GALLEY_BENCH_WEB_PATHS) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', path.join(root, 'tsconfig.web.json'), self],
    {
      stdio: 'inherit',
      env: { ...process.env, GALLEY_BENCH_WEB_PATHS: '1' },
    },
  );
  process.exit(r.status ?? 1);
}

// The renderer modules are outside the Node type-check project (they are built by Vite): loaded by URL, typed
// here by the little this bench uses.
import type { Issue } from '../shared/model/types';
import type { Op } from '../shared/ops/op-schema';
type DropTarget = { kind: 'item'; articleId: string; itemId: string; edge: 'top' | 'bottom' };
interface BenchState {
  doc: Issue | null;
  past: { coalesceKey?: string }[];
  selection: string[];
  load(i: Issue, f: null): void;
  apply(op: Op): boolean;
  undo(): void;
  redo(): void;
  typeText(id: string, text: string, now: number): void;
  select(ids: string[]): void;
}
const load = <T>(rel: string): Promise<T> => import(new URL(rel, import.meta.url).href) as Promise<T>;
const { generateIssue } = await import('./support/generate-issue');
const { audit } = await import('../shared/audit/audit');
const { createAppStore } = await load<{
  createAppStore(d: { t: unknown; language: string }): { getState(): BenchState };
}>('../renderer/src/store/create-store.ts');
const { boardOrder, orderedSelection, selectOpenEnds, selectAudit, selectArticleIndexOf } = await load<{
  boardOrder(i: Issue): string[];
  orderedSelection(s: BenchState, o: 'board' | 'source'): string[];
  selectOpenEnds(s: BenchState): Set<string>;
  selectAudit(s: BenchState): unknown;
  selectArticleIndexOf(s: BenchState, id: string): number;
}>('../renderer/src/store/selectors.ts');
const { createIncrementalAudit } = await import('../shared/audit/incremental');
const { dropToOp } = await load<{ dropToOp(i: Issue, ids: string[], t: DropTarget): Op | null }>(
  '../renderer/src/features/dnd/drop-op.ts',
);
const { createI18n } = await load<{ createI18n(l: string): { t: { bind(x: unknown): unknown } } }>(
  '../renderer/src/i18n/index.ts',
);

const i18n = createI18n('en');
const issue = generateIssue({ seed: 7 });
const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
store.getState().load(issue, null);
const frags = issue.pages.reduce((n, p) => n + p.fragments.length, 0);
console.log(
  `issue: ${issue.pages.length} pages, ${frags} fragments, ${issue.articles.length} articles, pool ${issue.pool.length}`,
);

/** Median time of `fn`; `setup` (not timed) runs before each call. */
function med(label: string, fn: (i: number) => void, goalMs: number, runs = 15, setup?: (i: number) => void): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup?.(i);
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)];
  console.log(
    `${label.padEnd(58)} ${m.toFixed(2).padStart(8)} ms  (goal < ${goalMs} ms) ${m < goalMs ? 'ok' : 'SLOW'}`,
  );
}

const s = () => store.getState();
const target = s().doc!.articles[700];
const poolIds = s().doc!.pool;

med(
  'drop 3 pool fragments into an article (one op + history)',
  (i) => {
    const ids = poolIds.slice(i * 3, i * 3 + 3);
    const op = dropToOp(s().doc!, ids, {
      kind: 'item',
      articleId: target.id,
      itemId: s().doc!.articles[700].items[0].id,
      edge: 'bottom',
    })!;
    s().apply(op);
  },
  16,
);
med(
  'undo that drop',
  () => {
    s().undo();
  },
  16,
);
med(
  'redo it',
  () => {
    s().redo();
  },
  16,
);
med(
  'reorder inside an article (drop above its first row)',
  () => {
    const items = s().doc!.articles[700].items;
    s().apply(
      dropToOp(s().doc!, [items[items.length - 1].id], {
        kind: 'item',
        articleId: target.id,
        itemId: items[0].id,
        edge: 'top',
      })!,
    );
  },
  16,
);

const fid = s().doc!.pages[50].fragments[10].id;
const base = s().doc!.pages[50].fragments[10].text;
let now = 1_000_000;
med(
  'keystroke in the editor (coalesced editText)',
  (i) => {
    now += 100;
    s().typeText(fid, base + '字'.repeat(i + 1), now);
  },
  16,
  40,
);
console.log(
  `  → ${s().past.filter((e) => e.coalesceKey === `edit:${fid}`).length} undo step(s) for 40 keystrokes within the pause`,
);

med(
  'discard one fragment, then the board order for ↑/↓ (rebuilt)',
  (i) => {
    s().apply({ type: 'moveFragments', fragmentIds: [poolIds[100 + i]], to: { kind: 'discard' } });
    boardOrder(s().doc!);
  },
  16,
);
s().select(poolIds.slice(200, 260));
med(
  'ordered selection of 60 fragments (drag start)',
  () => {
    orderedSelection(s(), 'board');
  },
  16,
);
med(
  'audit of the whole issue (status bar, open ends)',
  () => {
    audit(s().doc!);
  },
  100,
  5,
);

// What the renderer does per edit instead — the incremental audit of the new version, and the
// selectors of ~20 mounted page rows (placement colour, open end) and the status bar after the edit.
const inc = createIncrementalAudit();
inc(s().doc!);
const dropFromPool = (k: number) =>
  s().apply({
    type: 'moveFragments',
    fragmentIds: [s().doc!.pool[300 + k]],
    to: { kind: 'article', articleId: s().doc!.articles[20 + (k % 60)].id, after: null },
  });
med(
  'incremental audit of the version after a drop',
  () => {
    inc(s().doc!);
  },
  2,
  30,
  dropFromPool,
);
med(
  'incremental audit of the version after a keystroke',
  () => {
    inc(s().doc!);
  },
  2,
  40,
  (i) => {
    now += 100;
    s().typeText(fid, base + '词'.repeat(i + 1), now);
  },
);
const rowIds = s()
  .doc!.pages[50].fragments.slice(0, 20)
  .map((f) => f.id);
const rowSelectors = () => {
  selectAudit(s());
  for (const id of rowIds) {
    selectArticleIndexOf(s(), id);
    selectOpenEnds(s()).has(id);
  }
};
rowSelectors();
med('after a drop: selectors of 20 page rows and the status bar', rowSelectors, 2, 30, (i) => dropFromPool(i + 100));
med('after a keystroke: selectors of 20 rows and the status bar', rowSelectors, 2, 40, (i) => {
  now += 100;
  s().typeText(fid, base + '句'.repeat(i + 1), now);
});
med(
  'open-end set for row badges (cached per document)',
  () => {
    selectOpenEnds(s());
  },
  16,
);
