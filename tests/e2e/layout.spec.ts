import { test, expect } from '../support/fixtures';
import type { Locator, Page } from '@playwright/test';
import { Workbench } from './pages/workbench';

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
});
