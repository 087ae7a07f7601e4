import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import type { Locator, Page } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { sampleNewspaperPdf } from '../shared/import/make-pdf';

/**
 * The workbench layout with a real mouse and keys in Chromium: resizable and collapsible panes remembered across a
 * reload, a one-row toolbar at 1280×800, a board that follows the selection with its card header on top, the
 * editor pane's label and size. Screenshots in zh-CN and English go to tests/artifacts/.
 */

const box = async (l: Locator) => (await l.boundingBox())!;
const pagePaneBox = (page: Page) => box(page.locator('section.page-pane'));
const editorPaneBox = (page: Page) => box(page.locator('section.editor-pane'));

test('panes resize by mouse and keyboard, collapse to a rail, and are remembered after a reload', async ({
  appPage: page,
  host,
}) => {
  const wb = new Workbench(page, host);
  await wb.importSample();

  // Drag the page pane's right border 150 px to the right with the mouse.
  const before = await pagePaneBox(page);
  const sep = await box(page.getByTestId('sep-page'));
  await page.mouse.move(sep.x + sep.width / 2, sep.y + sep.height / 2);
  await page.mouse.down();
  await page.mouse.move(sep.x + sep.width / 2 + 75, sep.y + sep.height / 2, { steps: 5 });
  await page.mouse.move(sep.x + sep.width / 2 + 150, sep.y + sep.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await pagePaneBox(page)).width).toBeGreaterThan(before.width + 130);
  const widened = (await pagePaneBox(page)).width;

  // The editor's border with the keyboard: focus it, arrows move it (the separator is a real focus stop; a step is
  // 5 % of the width).
  const editorBefore = (await editorPaneBox(page)).width;
  await page.getByTestId('sep-editor').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await editorPaneBox(page)).width).toBeGreaterThan(editorBefore + 100);
  const editorWidened = (await editorPaneBox(page)).width;

  // Collapse the editor to its rail; the board takes the room.
  const boardBefore = (await box(page.getByTestId('board'))).width;
  await page.getByTestId('collapse-pane-editor').click();
  await expect(page.getByTestId('rail-pane-editor')).toBeVisible();
  await expect(page.locator('section.editor-pane')).toHaveCount(0);
  expect((await box(page.getByTestId('rail-pane-editor'))).width).toBeLessThan(40);
  expect((await box(page.getByTestId('board'))).width).toBeGreaterThan(boardBefore + 200);

  // A reload (and the page imported again): the page pane keeps its width, the editor stays collapsed.
  await page.reload();
  await wb.importSample('again.txt');
  await expect(page.getByTestId('rail-pane-editor')).toBeVisible();
  expect(Math.abs((await pagePaneBox(page)).width - widened)).toBeLessThan(4);

  // The rail opens the editor again at the width it had.
  await page.getByTestId('rail-pane-editor').click();
  await expect(page.locator('section.editor-pane')).toBeVisible();
  expect(Math.abs((await editorPaneBox(page)).width - editorWidened)).toBeLessThan(24);

  // Enter on the page pane's separator folds it, and again unfolds it.
  await page.getByTestId('sep-page').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rail-pane-page')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('section.page-pane')).toBeVisible();
});

/** Every toolbar control sits on one row inside the window; each icon button names itself (tooltip and label). */
async function expectOneRowToolbar(page: Page): Promise<void> {
  const bar = await box(page.getByRole('toolbar'));
  expect(bar.height).toBeLessThan(44);
  const controls = await page
    .getByRole('toolbar')
    .locator('button:visible')
    .evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return {
          id: e.getAttribute('data-testid'),
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          name: e.getAttribute('aria-label') ?? e.textContent,
          title: e.getAttribute('title'),
          icon: e.classList.contains('tool-icon'),
        };
      }),
    );
  expect(controls.length).toBeGreaterThan(15);
  const vw = page.viewportSize()!.width;
  for (const c of controls) {
    expect(c.bottom, `${c.id} below the toolbar row`).toBeLessThanOrEqual(bar.y + bar.height + 1);
    expect(c.right, `${c.id} past the window's edge`).toBeLessThanOrEqual(vw);
    expect(c.name?.trim(), `${c.id} has no name`).toBeTruthy();
  }
  // An icon says what it does in its tooltip.
  for (const c of controls.filter((x) => x.icon)) expect(c.title, `${c.id} has no tooltip`).toBeTruthy();
}

test('at 1280×800 the toolbar is one row in both languages, titles are readable, side by side fits', async ({
  appPage: page,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await writeFile(path.join(host.tmpDir, 'news.pdf'), sampleNewspaperPdf());
  await host.queueDialog('dialog.importPages', ['news.pdf']);
  await page.getByTestId('btn-import').click();
  await expect(page.getByTestId('page-pane').getByText('管家上门帮企业招工')).toBeVisible({ timeout: 30_000 });
  for (const lang of ['en', 'zh'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    await expectOneRowToolbar(page);
  }
  // The toolbar's commands are in the palette with their words.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('保存');
  await expect(page.locator('.palette-list li').first()).toContainText('保存');
  await page.keyboard.press('Escape');

  // An article from the headline: its title is shown whole on its card.
  await page.getByTestId('page-pane').getByText('管家上门帮企业招工').click();
  await page.getByTestId('new-article').click();
  // Side by side: text, scan, board and editor all fit in 1280 px, nothing scrolls sideways.
  await page.getByTestId('btn-scan-both').click();
  const scan = page.getByTestId('page-scan');
  await expect(scan).toBeVisible();
  await expect(page.getByTestId('page-pane')).toBeVisible();
  for (const l of [
    page.locator('section.page-pane'),
    scan,
    page.getByTestId('board'),
    page.locator('section.editor-pane'),
  ])
    expect((await box(l)).width).toBeGreaterThan(200);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  // Pane heads stay one line; the article's title is shown whole on its card, even on the narrow board.
  for (const head of await page.locator('.pane-head').all()) expect((await box(head)).height).toBeLessThan(44);
  const title = page.getByTestId('article-1').getByTestId('article-title');
  await expect(title).toHaveText('管家上门帮企业招工');
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/layout-1280-side-by-side-zh-CN.png' });
  await page.getByTestId('lang-en').click();
  await page.screenshot({ path: 'tests/artifacts/layout-1280-side-by-side-en.png' });
});

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Three articles built with keys from the page pane: 16, 10 and 12 fragments (tall cards). */
async function threeArticles(page: Page, wb: Workbench): Promise<void> {
  await wb.importSample();
  await wb.pageRow('p1.1').click();
  await press(page, 'Shift+ArrowDown', 15);
  await press(page, 'Control+n');
  await expect(wb.article(1)).toBeVisible();
  await press(page, 'ArrowDown');
  await press(page, 'Shift+ArrowDown', 9);
  await press(page, 'Control+n');
  await expect(wb.article(2)).toBeVisible();
  await press(page, 'ArrowDown');
  await press(page, 'Shift+ArrowDown', 11);
  await press(page, 'Control+n');
  await expect(wb.article(3)).toBeVisible();
}

/** Where a card and its head are, relative to the board's visible top (px). */
async function cardHeads(wb: Workbench) {
  return wb.board.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    return [...el.querySelectorAll('.card')].map((c) => {
      const card = c.getBoundingClientRect();
      const head = c.querySelector('.card-head')!.getBoundingClientRect();
      return {
        card: { top: card.top - top, bottom: card.bottom - top },
        head: { top: head.top - top, bottom: head.bottom - top },
      };
    });
  });
}

test('the sticky card head stays at the top of its card while the board scrolls', async ({ appPage: page, host }) => {
  const wb = new Workbench(page, host);
  await threeArticles(page, wb);
  const max = await wb.board.evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(max).toBeGreaterThan(800);
  for (let st = 0; st <= max; st += 120) {
    await wb.board.evaluate((el, v) => (el.scrollTop = v), st);
    await page.waitForTimeout(50);
    for (const { card, head } of await cardHeads(wb)) {
      if (card.bottom < head.bottom - head.top) continue; // the card has left the view
      // Below the top edge: the head is the card's first line. Crossing it: the head sits at the edge.
      expect(head.top, `at scrollTop ${st}`).toBeGreaterThanOrEqual(card.top);
      expect(head.top, `at scrollTop ${st}`).toBeLessThanOrEqual(Math.max(card.top, 0) + 2);
    }
  }
  await wb.board.evaluate((el) => (el.scrollTop = 400));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/layout-board-sticky-head-en.png' });
});

test('the board follows a selection made elsewhere and never moves under the pointer', async ({
  appPage: page,
  host,
}) => {
  const wb = new Workbench(page, host);
  await threeArticles(page, wb);
  const visibleInBoard = async (id: string) => {
    const b = await box(wb.board);
    const r = await wb.item(id).boundingBox();
    return !!r && r.y >= b.y - 1 && r.y + r.height <= b.y + b.height + 1;
  };
  const article3 = await wb.articleItems(3);
  const deep = article3[article3.length - 2];

  // A click in the page pane on a fragment of the last card: the board brings its row into view.
  await wb.board.evaluate((el) => (el.scrollTop = 0));
  await (await wb.revealPageRow(deep)).click();
  await expect.poll(() => visibleInBoard(deep)).toBe(true);

  // Up the page with the keys: the board follows the cursor into the first card.
  const pageCursor = () =>
    page.evaluate(() => document.querySelector('[data-pane="page"] .is-cursor')?.getAttribute('data-fragment-id'));
  await press(page, 'ArrowUp', 30);
  const up = (await pageCursor())!;
  expect(await wb.articleItems(1)).toContain(up);
  await expect.poll(() => visibleInBoard(up)).toBe(true);

  // F8 (next problem) from the page pane: when it lands in an article, its row is shown on the board.
  await press(page, 'F8');
  const cursor = await pageCursor();
  if (cursor && (await wb.item(cursor).count())) await expect.poll(() => visibleInBoard(cursor)).toBe(true);

  // A search hit: clicking it selects its fragment, and the board brings the row into view.
  await wb.board.evaluate((el) => (el.scrollTop = 0));
  const words = (await wb.item(deep).locator('.item-text').textContent())!.slice(0, 8);
  await press(page, 'Control+h');
  await page.getByTestId('find-input').fill(words);
  await page.getByTestId('find-run').click();
  await page.getByTestId('find-hit').first().locator('.hit-where').click();
  await expect.poll(() => visibleInBoard(deep)).toBe(true);
  await page.getByTestId('find-close').click();

  // The cursor is on a row of the page pane whose board row is out of view; pressing on another board row must
  // not scroll the board (it used to bring the cursor's row into view on focus, between press and release).
  await (await wb.revealPageRow(deep)).click();
  await expect.poll(() => visibleInBoard(deep)).toBe(true);
  await wb.board.evaluate((el) => (el.scrollTop = 0));
  const target = (await wb.articleItems(1))[2];
  const t = await box(wb.item(target));
  const before = await wb.board.evaluate((el) => el.scrollTop);
  await page.mouse.move(t.x + 200, t.y + t.height / 2);
  await page.mouse.down();
  expect(await wb.board.evaluate((el) => el.scrollTop)).toBe(before);
  await page.mouse.up();
  await expect(wb.item(target)).toHaveClass(/is-selected/);
  await expect(wb.item(deep)).not.toHaveClass(/is-selected/);
  expect(await wb.board.evaluate((el) => el.scrollTop)).toBe(before);

  // A visible focus ring on the cursor's row and its card while the board has the keyboard.
  await press(page, 'ArrowDown');
  const ring = await page.locator('[data-pane="board"] .item-row.is-cursor').evaluate((el) => {
    const cs = getComputedStyle(el);
    const card = getComputedStyle(el.closest('.card')!);
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), card: card.boxShadow };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.card).not.toBe('none');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/layout-board-focus-en.png' });
});

test('the editor label follows the selection; a diff appearing neither shrinks the editor nor moves the page', async ({
  appPage: page,
  host,
}) => {
  const wb = new Workbench(page, host);
  await threeArticles(page, wb);
  const label = page.getByTestId('editor-fragment');
  const a1 = await wb.articleItems(1);
  const a2 = await wb.articleItems(2);

  // Keys in the page pane from the last fragment of article 1 into article 2: label and article diff follow.
  await (await wb.revealPageRow(a1[a1.length - 1])).click();
  await expect(label).toContainText('Article 1');
  await press(page, 'ArrowDown');
  await expect(label).toContainText('Article 2');
  await expect(label).toContainText(a2[0]);
  await expect(page.locator('.diff-box h3').last()).toHaveText('Article 2 against the original');
  // A fragment of the pool says so.
  const pooled = await page
    .getByTestId('tray-pool')
    .locator('[data-fragment-id]')
    .first()
    .getAttribute('data-fragment-id');
  await (await wb.revealPageRow(pooled!)).click();
  await expect(label).toContainText('Unassigned');
  await expect(label).toContainText(pooled!);
  await expect(page.getByTestId('article-diff')).toHaveCount(0);

  // Type into the first fragment of article 1: the fragment and article diffs appear below the editor.
  await (await wb.revealPageRow(a1[3])).click();
  const monaco = page.getByTestId('editor');
  await expect(monaco.locator('.monaco-editor')).toBeVisible();
  const before = await box(monaco);
  const pageScroll = await wb.pagePane.evaluate((el) => el.scrollTop);
  await monaco.locator('.monaco-editor').click();
  await press(page, 'Control+End');
  await page.keyboard.type('增补');
  await expect(page.getByTestId('article-diff').locator('ins')).toHaveCount(1);
  await expect(page.getByTestId('fragment-diff').locator('ins')).toHaveText('增补');
  const after = await box(monaco);
  expect(Math.abs(after.height - before.height)).toBeLessThan(2);
  expect(Math.abs(after.y - before.y)).toBeLessThan(2);
  expect(await wb.pagePane.evaluate((el) => el.scrollTop)).toBe(pageScroll);
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/layout-editor-diff-en.png' });
});

test('dragging a fragment out of a paragraph says the join after it was dropped and offers to keep it', async ({
  appPage: page,
  host,
}) => {
  const wb = new Workbench(page, host);
  await wb.importSample();
  // One article p1.3 … p1.6, with p1.4 and p1.5 joined into p1.3's paragraph (keys on the board).
  await wb.pageRow('p1.3').click();
  await press(page, 'Shift+ArrowDown', 3);
  await press(page, 'Control+n');
  await expect.poll(() => wb.articleItems(1)).toEqual(['p1.3', 'p1.4', 'p1.5', 'p1.6']);
  for (const id of ['p1.4', 'p1.5']) {
    await wb.item(id).click();
    await press(page, 'Control+j');
    await expect(wb.item(id)).toHaveAttribute('data-join', 'true');
  }
  // Drag p1.4 to the pool with the mouse: p1.5 can no longer continue it, and the status says so.
  await wb.drag(wb.item('p1.4'), page.getByTestId('tray-pool'));
  await expect.poll(() => wb.articleItems(1)).toEqual(['p1.3', 'p1.5', 'p1.6']);
  await expect(wb.item('p1.5')).toHaveAttribute('data-join', 'false');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('no longer continues the paragraph');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/layout-join-dropped-en.png' });
  // Keep joined: p1.5 continues p1.3's paragraph; one Ctrl+Z takes that back alone.
  await page.getByTestId('notice-action').click();
  await expect(wb.item('p1.5')).toHaveAttribute('data-join', 'true');
  await press(page, 'Control+z');
  await expect(wb.item('p1.5')).toHaveAttribute('data-join', 'false');
  await expect.poll(() => wb.articleItems(1)).toEqual(['p1.3', 'p1.5', 'p1.6']);
  // The same in Chinese.
  await page.getByTestId('lang-zh').click();
  await press(page, 'Control+z');
  await wb.drag(wb.item('p1.4'), page.getByTestId('tray-pool'));
  await expect(notice).toContainText('不再接续');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/layout-join-dropped-zh-CN.png' });
});

test('screenshots of the workbench at 1280×800 and 1600×1000 in 中文 and English', async ({ appPage: page, host }) => {
  const wb = new Workbench(page, host);
  await threeArticles(page, wb);
  await (await wb.revealPageRow((await wb.articleItems(2))[1])).click();
  for (const [w, h] of [
    [1280, 800],
    [1600, 1000],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.getByTestId(lang === 'en' ? 'lang-en' : 'lang-zh').click();
      await expectOneRowToolbar(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `tests/artifacts/layout-workbench-${w}-${lang}.png` });
    }
  }
  // The editor folded to its rail at 1280: the board takes the room.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('collapse-pane-editor').click();
  await expect(page.getByTestId('rail-pane-editor')).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/layout-workbench-1280-editor-folded-en.png' });
});
