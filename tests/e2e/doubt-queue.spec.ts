import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { copyFile } from 'node:fs/promises';
import { ROOT, SAMPLE_PAGE } from '../support/paths';

/**
 * The proofreading loop on the sample page in Debian Chromium through the browser host, with real keys: Suggest,
 * accept the engine's whole reading (one undo step, the view stays put), walk the doubt queue least sure first
 * (the board and the page pane follow each stop, the seam is shown large), pick an alternative, settle the open
 * ends, save, and `galley check` exits 0. Screenshots in zh-CN and en at 1600×1000 and 1280×800 go to
 * tests/artifacts/ for people to look at.
 */

test.describe.configure({ timeout: 300_000 });

function galley(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/galley.mjs'), ...args], { cwd: ROOT, timeout: 60_000 }, (e, out) =>
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, out }),
    );
  });
}

const doubtsLeft = async (page: Page) => {
  const t = (await page.getByTestId('doubts-left').textContent()) ?? '';
  return /Page done|本版完成/.test(t) ? 0 : Number(/(\d+)/.exec(t)?.[1] ?? NaN);
};

/** The row of the fragment the queue stands on is in view in both the board and the page pane. */
async function inView(page: Page, id: string): Promise<void> {
  for (const sel of [`[data-testid="board"] [data-fragment-id="${id}"]`, `[data-testid="page-frag-${id}"]`]) {
    await expect
      .poll(
        () =>
          page.locator(sel).evaluate((el) => {
            const pane = el.closest('.pane-scroll')!.getBoundingClientRect();
            const r = el.getBoundingClientRect();
            return r.bottom > pane.top && r.top < pane.bottom;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
  }
}

async function suggestAndAccept(page: Page, wb: Workbench, lang: 'en' | 'zh-CN', keysOnly = false): Promise<void> {
  if (keysOnly) {
    // Import with Ctrl+I, the language from the palette (Ctrl+K): no click.
    await copyFile(SAMPLE_PAGE, path.join(wb.host.tmpDir, 'p2.txt'));
    await wb.host.queueDialog('dialog.importPages', ['p2.txt']);
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.keyboard.press('Control+i');
    await expect(wb.pageRow('p1.1')).toBeVisible();
    const zh = /第 \d+ \/ \d+ 版/.test((await page.getByTestId('statusbar').textContent()) ?? '');
    if (zh !== (lang === 'zh-CN')) {
      await page.keyboard.press('Control+k');
      await page.keyboard.type('language');
      await page.keyboard.press('Enter');
    }
  } else {
    await wb.importSample();
    await page.getByTestId(lang === 'en' ? 'lang-en' : 'lang-zh').click();
    await page.getByTestId('board').focus();
  }
  await page.keyboard.press('Control+Shift+G');
  await expect(page.getByTestId('accept-reading')).toBeEnabled({ timeout: 90_000 });
  // Ghost rows of the reading inside the cards, shaded by confidence (no cards yet: ghost cards).
  await expect(page.locator('[data-testid="board"] [data-testid^="ghost-item-"]').first()).toBeVisible();
  const size = page.viewportSize()!.width;
  await page.screenshot({ path: `tests/artifacts/doubt-ghosts-${lang}-${size}.png` });
  const scrollBefore = await page.getByTestId('board').evaluate((el) => el.scrollTop);
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByTestId('coverage')).toContainText(/all placed|全部归位/i);
  expect(await page.getByTestId('board').evaluate((el) => el.scrollTop)).toBe(scrollBefore);
  await expect(page.getByTestId('doubts-left')).toContainText(/\d+ doubts? left|剩余 \d+ 个疑点/, { timeout: 90_000 });
}

test('the doubt queue on the sample page: accept the reading, walk, pick, settle open ends, galley check clean', async ({
  appPage,
  host,
}) => {
  const page = appPage;
  const wb = new Workbench(page, host);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await suggestAndAccept(page, wb, 'en');
  const total = await doubtsLeft(page);
  expect(total).toBeGreaterThan(0);
  await page.screenshot({ path: 'tests/artifacts/doubt-reading-en-1600.png' });

  // F7: the least sure decision, in view in both panes, the seam large in the editor pane.
  await page.keyboard.press('F7');
  const seam = page.getByTestId('doubt-seam');
  await expect(seam).toBeVisible();
  await expect(page.getByTestId('doubt-title')).toContainText(`Doubt 1 of ${total}`);
  const first = await page.locator('.item-row.is-cursor').getAttribute('data-fragment-id');
  await inView(page, first!);
  await page.screenshot({ path: 'tests/artifacts/doubt-seam-en-1600.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(seam).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/doubt-seam-en-1280.png' });
  await page.setViewportSize({ width: 1600, height: 1000 });

  // Enter confirms: one doubt fewer; the queue moves on.
  await page.keyboard.press('Enter');
  await expect.poll(() => doubtsLeft(page)).toBe(total - 1);
  // Walk to a link with an alternative and pick it with 1: placed, no new article, one undo step.
  const articles = await page.locator('[data-testid="board"] [data-testid^="article-"][data-article-id]').count();
  for (let i = 0; i < 20 && !(await page.getByTestId('doubt-alt-1').count()); i++) await page.keyboard.press('Escape');
  const alt = await page.getByTestId('doubt-alt-1').getAttribute('data-fragment');
  await page.keyboard.press('1');
  await expect(page.getByTestId('coverage')).toContainText(/all placed/i);
  expect(alt).toBeTruthy();
  // The re-solve around the pick comes back; the count is of the new reading.
  await expect(page.getByTestId('doubts-left')).toBeVisible({ timeout: 90_000 });
  expect(
    await page.locator('[data-testid="board"] [data-testid^="article-"][data-article-id]').count(),
  ).toBeLessThanOrEqual(articles + 1);

  // Confirm the rest of the queue with Enter until none is left.
  await page.keyboard.press('F7');
  for (let i = 0; i < 300 && (await doubtsLeft(page)) > 0; i++) {
    if (!(await page.getByTestId('doubt-seam').count())) await page.keyboard.press('F7');
    else await page.keyboard.press('Enter');
  }
  expect(await doubtsLeft(page)).toBe(0);

  // Open ends: F8 to each, Ctrl+Shift+L (text lost) — the status bar then says the page is done.
  for (let i = 0; i < 30 && !/ 0 open ends/.test((await page.getByTestId('coverage').textContent()) ?? ''); i++) {
    await page.keyboard.press('F8');
    await page.keyboard.press('Control+Shift+L');
  }
  await expect(page.getByTestId('coverage')).toContainText('0 open ends');
  // The pick above re-reads the articles it touched once the engine answers; a link that re-read makes is a new
  // doubt, which the proofreader walks like the others (F7, Enter) until the page is done.
  for (let i = 0; i < 20 && (await doubtsLeft(page)) > 0; i++) {
    if (!(await page.getByTestId('doubt-seam').count())) await page.keyboard.press('F7');
    else await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('doubts-left')).toHaveText('Page done: no doubts, no open ends');
  await page.screenshot({ path: 'tests/artifacts/doubt-done-en-1600.png' });

  // Saved, the issue passes the audit.
  await host.queueDialog('dialog.saveIssueAs', 'done.galley.json');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('save-state')).toHaveClass(/saved/);
  const check = await galley('check', path.join(host.tmpDir, 'done.galley.json'));
  expect(check.code, check.out).toBe(0);
});

test('keyboard only, in Chinese: suggest, accept, walk with F7 / Enter / Esc / J / B / Shift+F7, undo', async ({
  appPage,
  host,
}) => {
  const page = appPage;
  const wb = new Workbench(page, host);
  await page.setViewportSize({ width: 1280, height: 800 });
  await suggestAndAccept(page, wb, 'zh-CN', true);
  await expect(page.getByTestId('statusbar')).toContainText('全部归位');
  await page.screenshot({ path: 'tests/artifacts/doubt-reading-zh-1280.png' });
  const total = await doubtsLeft(page);
  await page.keyboard.press('F7');
  await expect(page.getByTestId('doubt-title')).toContainText(`疑点 1 / ${total}`);
  await page.screenshot({ path: 'tests/artifacts/doubt-seam-zh-1280.png' });
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: 'tests/artifacts/doubt-seam-zh-1600.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('doubt-title')).toContainText(`疑点 2 / ${total}`);
  await page.keyboard.press('Shift+F7');
  await expect(page.getByTestId('doubt-title')).toContainText(`疑点 1 / ${total}`);
  // J / B on a link: the seam changes (one undo step each) and the decision is settled.
  for (let i = 0; i < 30 && !(await page.getByTestId('doubt-join').count()); i++) await page.keyboard.press('Escape');
  const at = await page.locator('.item-row.is-cursor').getAttribute('data-fragment-id');
  const joined = await page.locator('.item-row.is-cursor').getAttribute('data-join');
  await page.keyboard.press(joined === 'true' ? 'b' : 'j');
  await expect(page.locator(`[data-testid="item-${at}"]`)).toHaveAttribute(
    'data-join',
    joined === 'true' ? 'false' : 'true',
  );
  await expect.poll(() => doubtsLeft(page)).toBe(total - 1);
  await page.keyboard.press('Control+z');
  await expect(page.locator(`[data-testid="item-${at}"]`)).toHaveAttribute('data-join', joined!);
  // Undo once more: the whole reading is taken back in one step, everything is unassigned again.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('coverage')).toContainText('114 个未归属');
});

test('accepting the reading keeps the row the proofreader is on where it is, though the cards above it grow', async ({
  appPage,
  host,
}) => {
  const page = appPage;
  const wb = new Workbench(page, host);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await wb.importSample();
  await page.getByTestId('lang-en').click();
  await page.getByTestId('btn-suggest').click();
  await expect(page.getByTestId('accept-all')).toBeEnabled({ timeout: 90_000 });
  // The confident links first: nine cards, each with its first rows.
  await page.getByTestId('accept-all').click();
  await expect(page.getByTestId('accept-reading')).toBeEnabled({ timeout: 90_000 });
  // A row of a card far down the board, selected.
  const row = await wb.revealBoardItem('p1.74');
  await row.click();
  const top = async () => (await page.getByTestId('item-p1.74').boundingBox())!.y;
  const before = await top();
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByTestId('coverage')).toContainText(/all placed/i);
  await page.waitForTimeout(500);
  expect(Math.abs((await top()) - before)).toBeLessThanOrEqual(3);
});
