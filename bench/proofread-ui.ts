/**
 * The proofreading loop on the sample page in Chromium (the browser host, real keys), by an oracle that knows the
 * truth: Ctrl+I, Suggest (Ctrl+Shift+G), accept the reading (Ctrl+Shift+Enter), then F7 and one key per stop of the
 * doubt queue (Enter when the decision is right, J/B for a wrong seam, 1–6 when the right fragment is among the
 * alternatives, Esc otherwise), then F8 and Ctrl+Shift+L for each open end, every key counted. What is still wrong
 * after that is counted from the saved issue as it would be fixed by hand (a drag and a scroll per link, a click per
 * seam): those hand moves are not driven here (bench/proofread.ts counts the whole loop over the same functions).
 *
 *   npx tsx bench/proofread-ui.ts        (needs `npx electron-vite build` first; builds if out/ is missing)
 */
import { copyFile, mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startHostProcess } from './support/host-process';
import type { Truth } from './suggest/truth';
import type { Issue } from '../shared/model/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DRAG = 2;

if (!existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(1);
}
const truth = JSON.parse(
  await readFile(path.join(ROOT, 'tests/fixtures/suggest/zhejiang-p2.truth.json'), 'utf8'),
) as Truth;
const next = new Map<string, { id: string; join: boolean }>();
const prev = new Map<string, string>();
const starts = new Set<string>();
for (const a of truth.articles)
  a.items.forEach((it, k) => {
    if (k === 0) starts.add(it.id);
    else {
      next.set(a.items[k - 1].id, it);
      prev.set(it.id, a.items[k - 1].id);
    }
  });

const tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-bench-proofread-'));
const userDataDir = path.join(tmp, '.user-data');
await mkdir(userDataDir, { recursive: true });
await copyFile(path.join(ROOT, 'tests/fixtures/pages/zhejiang-daily-2023-02-27-p2.txt'), path.join(tmp, 'p2.txt'));
const host = await startHostProcess({ root: tmp, userDataDir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
});
let keys = 0;
const press = async (page: Page, key: string) => {
  keys++;
  await page.keyboard.press(key);
};
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(host.url);
  await page.getByTestId('welcome').waitFor();
  await host.call('/__test/dialog', { channel: 'dialog.importPages', answer: ['p2.txt'] });
  const t0 = Date.now();
  await press(page, 'Control+i');
  await page.getByTestId('page-frag-p1.1').waitFor();
  await press(page, 'Control+Shift+G');
  await page.locator('[data-testid="accept-reading"]:not([disabled])').waitFor({ timeout: 120_000 });
  await press(page, 'Control+Shift+Enter');
  await page.getByTestId('doubts-left').waitFor({ timeout: 120_000 });
  await press(page, 'F7');
  let stops = 0;
  let picks = 0;
  const skipped = new Set<string>();
  for (let i = 0; i < 400; i++) {
    const seam = page.getByTestId('doubt-seam');
    if (!(await seam.count())) {
      await page.waitForTimeout(300);
      if (!(await seam.count())) break;
    }
    const d = await seam.evaluate((el) => ({
      kind: el.getAttribute('data-kind')!,
      from: el.getAttribute('data-from') || null,
      to: el.getAttribute('data-to')!,
      join: el.getAttribute('data-join') === 'true',
      alts: [...el.querySelectorAll('[data-testid^="doubt-alt-"]')].map((b) => b.getAttribute('data-fragment')!),
    }));
    // Only skipped ones are left (F7 then cycles through them): the queue is done for this oracle.
    const id = `${d.kind}:${d.from}>${d.to}`;
    if (skipped.has(id)) break;
    stops++;
    let key = 'Escape';
    if (d.kind === 'role' || (d.kind === 'start' && starts.has(d.to))) key = 'Enter';
    else if (d.from && next.get(d.from)?.id === d.to)
      key = next.get(d.from)!.join === d.join ? 'Enter' : next.get(d.from)!.join ? 'j' : 'b';
    else {
      const want = d.from ? next.get(d.from)?.id : undefined;
      const k = d.alts.findIndex((id, n) => (d.from && n < 3 ? id === want : id === prev.get(d.to)));
      if (k >= 0) {
        key = String(k + 1);
        picks++;
      }
    }
    if (key === 'Escape') skipped.add(id);
    const before = await seam.getAttribute('data-to');
    await press(page, key);
    // The queue moves on (a pick waits for the re-solve around it).
    await page
      .waitForFunction(
        (b) => document.querySelector('[data-testid="doubt-seam"]')?.getAttribute('data-to') !== b,
        before,
        { timeout: key.length === 1 && /\d/.test(key) ? 60_000 : 5_000 },
      )
      .catch(() => undefined);
    if (
      /Page done|\b0 doubts/.test(
        (await page
          .getByTestId('doubts-left')
          .textContent()
          .catch(() => '')) ?? '',
      )
    )
      break;
  }
  // Open ends: F8, Ctrl+Shift+L until none is left.
  let ends = 0;
  for (let i = 0; i < 40 && !/ 0 open ends/.test((await page.getByTestId('coverage').textContent()) ?? ''); i++) {
    await press(page, 'F8');
    await press(page, 'Control+Shift+L');
    ends++;
  }
  const seconds = (Date.now() - t0) / 1000;
  await host.call('/__test/dialog', { channel: 'dialog.saveIssueAs', answer: 'done.galley.json' });
  await page.keyboard.press('Control+s');
  await page.locator('[data-testid="save-state"].saved').waitFor({ timeout: 30_000 });
  const saved = JSON.parse(await readFile(path.join(tmp, 'done.galley.json'), 'utf8')) as { issue?: Issue } & Issue;
  const doc: Issue = saved.issue ?? saved;
  // What is still wrong, as the hand would fix it.
  let hand = 0;
  const docPrev = new Map<string, { id: string | null; join: boolean }>();
  for (const a of doc.articles)
    a.items.forEach((it, k) => docPrev.set(it.id, { id: k ? a.items[k - 1].id : null, join: it.join }));
  for (const a of truth.articles)
    a.items.forEach((it, k) => {
      const p = docPrev.get(it.id);
      const want = k ? a.items[k - 1].id : null;
      if (!p || p.id !== want) hand += DRAG;
      else if (k && p.join !== it.join) hand += 1;
    });
  const fragments = 114;
  console.log('Proofreading loop in Chromium, sample page (bench/proofread-ui.ts)');
  console.log(
    `keys: ${keys} (queue stops ${stops}, picks ${picks}, open ends ${ends}); in ${seconds.toFixed(0)} s of machine time`,
  );
  console.log(
    `left for the hand: ${hand} actions (counted, not driven); total ${keys + hand} actions, ${((100 * (keys + hand)) / fragments).toFixed(1)} per 100 fragments (goal ≤ 20 on this page)`,
  );
} finally {
  await browser.close();
  await host.stop();
  await rm(tmp, { recursive: true, force: true });
}
