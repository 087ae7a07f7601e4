/**
 * Renderer benchmark: the built UI in Debian Chromium through the browser host, on a generated
 * 100-page, 20,000-fragment issue. Prints a table of:
 * - open → interactive (Open clicked → the first page row and the board are on screen, next frame);
 * - keyboard moves (Ctrl+1: the selected fragment into article 1 — a real move op, like a drop) and
 *   keystrokes in Monaco: input → commit (store + React re-render done) and input → next frame, p50/p95/max;
 * - renderer JS heap after open (CDP Runtime.getHeapUsage after a forced GC).
 *
 *   npx electron-vite build && npx tsx bench/renderer.ts [--moves 60] [--keys 60] [--pages 100]
 *     [--profile FILE]   CPU profile (100 µs samples) of the moves and keystrokes → bench/renderer/top-self.ts
 *     [--trace FILE]     Chromium trace of the same → bench/renderer/trace-summary.ts (style/layout/paint/script
 *                        self time per input: less sensitive to a busy machine than the wall-clock figures)
 * The machine is shared: note the load average (`uptime`) with every figure, and compare against a baseline
 * build run alternately under the same load.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { generateIssue } from './support/generate-issue';
import { startHostProcess } from './support/host-process';
import { PROBE_SCRIPT, percentile, type ProbeSample } from './renderer/probes';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const num = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const MOVES = num('moves', 60);
const KEYS = num('keys', 60);
const PAGES = num('pages', 100);
/** `--profile FILE`: a CPU profile of the moves and keystrokes (open it in Chrome DevTools). */
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : null;
/** `--trace FILE`: a Chromium trace (devtools.timeline) of the moves and keystrokes: style, layout, paint and script per
 * task; summarise it with `npx tsx bench/renderer/trace-summary.ts FILE`. */
const TRACE = process.argv.includes('--trace') ? process.argv[process.argv.indexOf('--trace') + 1] : null;
/** `--profile-open FILE`: a CPU profile of opening the issue. */
const PROFILE_OPEN = process.argv.includes('--profile-open')
  ? process.argv[process.argv.indexOf('--profile-open') + 1]
  : null;

if (!existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
  console.log('bench/renderer: out/renderer is not built; building it (npx electron-vite build)');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(1);
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-bench-'));
const userDataDir = path.join(tmp, '.user-data');
await mkdir(userDataDir, { recursive: true });
const issue = generateIssue({ pages: PAGES, fragmentsPerPage: 200, articles: PAGES * 15 });
const fragments = issue.pages.reduce((n, p) => n + p.fragments.length, 0);
await writeFile(path.join(tmp, 'big.galley.json'), JSON.stringify(issue));
const host = await startHostProcess({ root: tmp, userDataDir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
  ],
});
const rows: [string, string, string][] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(PROBE_SCRIPT);
  await page.goto(host.url);
  await page.getByTestId('btn-open').waitFor();

  // Open → interactive.
  await host.call('/__test/dialog', { channel: 'dialog.openIssue', answer: 'big.galley.json' });
  const cdp = await page.context().newCDPSession(page);
  if (PROFILE_OPEN) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('btn-open').click();
  await page.getByTestId('page-frag-p1.1').waitFor({ timeout: 120_000 });
  await page.getByTestId('article-1').waitFor();
  const openMs =
    (await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))))) - t0;
  rows.push([`open → interactive (${PAGES} pages)`, `${openMs.toFixed(0)} ms`, '< 1500 ms']);
  if (PROFILE_OPEN) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    await writeFile(PROFILE_OPEN, JSON.stringify(profile));
  }

  // Heap after open.
  await page.waitForTimeout(1500); // let deferred work (autosave is off: nothing is dirty) settle
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  rows.push([
    'renderer JS heap after open',
    `${(heap.usedSize / 2 ** 20).toFixed(0)} MB used / ${(heap.totalSize / 2 ** 20).toFixed(0)} MB`,
    '< 400 MB',
  ]);

  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  if (TRACE)
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
    });
  // Keyboard moves: Ctrl+1 sends the selected fragment to article 1; ↓ selects the next one (not measured).
  await page.getByTestId('page-frag-p1.1').click();
  const arm = (label: string) =>
    page.evaluate((l) => {
      const b = (window as unknown as { __galleyBench: { armed: boolean; label: string } }).__galleyBench;
      b.armed = true;
      b.label = l;
    }, label);
  const disarm = () =>
    page.evaluate(() => {
      (window as unknown as { __galleyBench: { armed: boolean } }).__galleyBench.armed = false;
    });
  for (let i = 0; i < MOVES; i++) {
    await page.keyboard.press('ArrowDown');
    await arm('move');
    await page.keyboard.press('Control+1');
    await disarm();
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1500); // the autosave of the moves happens here, outside the measured window

  // Keystrokes in Monaco on the selected fragment.
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 60_000 });
  await editor.click();
  await page.keyboard.press('End');
  for (let i = 0; i < KEYS; i++) {
    await arm('key');
    await page.keyboard.press(i % 2 ? 'KeyA' : 'KeyB');
    await disarm();
    await page.waitForTimeout(40);
  }
  if (PROFILE) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    await writeFile(PROFILE, JSON.stringify(profile));
  }
  if (TRACE) await writeFile(TRACE, await browser.stopTracing());
  const samples = (await page.evaluate(
    () => (window as unknown as { __galleyBench: { samples: ProbeSample[] } }).__galleyBench.samples,
  )) as ProbeSample[];
  for (const [label, name, goal] of [
    ['move', 'keyboard move (Ctrl+1 into article 1)', '< 16 ms'],
    ['key', 'keystroke in Monaco', '< 16 ms'],
  ] as const) {
    const s = samples.filter((x) => x.label === label && x.key !== 'Control' && x.commit >= 0);
    const c = s.map((x) => x.commit);
    const f = s.map((x) => x.frame).filter((x) => x >= 0);
    rows.push([
      `${name}: input → commit, n=${c.length}`,
      `p50 ${percentile(c, 50).toFixed(1)} · p95 ${percentile(c, 95).toFixed(1)} · max ${Math.max(...c).toFixed(1)} ms`,
      `p95 ${goal}`,
    ]);
    rows.push([
      `${name}: input → next frame`,
      `p50 ${percentile(f, 50).toFixed(1)} · p95 ${percentile(f, 95).toFixed(1)} · max ${Math.max(...f).toFixed(1)} ms`,
      `p95 ${goal}`,
    ]);
  }
  const placed = await page.getByTestId('article-1').locator('[data-fragment-id]').count();
  rows.push(['sanity: fragments in article 1 after the moves', String(placed), `> ${MOVES / 2}`]);
} finally {
  await browser.close();
  await host.stop();
  await rm(tmp, { recursive: true, force: true });
}

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(
  `\nRenderer benchmark — ${PAGES} pages, ${fragments} fragments, ${issue.articles.length} articles (${os.cpus().length} CPUs, Chromium headless)\n`,
);
console.log(`${'measure'.padEnd(w0)} | ${'result'.padEnd(w1)} | goal`);
console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|------`);
for (const r of rows) console.log(`${r[0].padEnd(w0)} | ${r[1].padEnd(w1)} | ${r[2]}`);
