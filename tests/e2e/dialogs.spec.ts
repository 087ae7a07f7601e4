import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type HostFixture } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { SAMPLE_PAGE, ROOT } from '../support/paths';

/**
 * The app's own dialogs in the browser host, driven with real keys and mouse: the file picker lists the launch
 * folder (folders navigable, filtered by type), Save As asks before replacing, the unsaved-changes question is
 * the in-app dialog. Screenshots in zh-CN and English at 1600×1000 and 1280×800 go to tests/artifacts/.
 */
test.use({ inAppPicker: true });

const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const SIZES = [
  { width: 1600, height: 1000 },
  { width: 1280, height: 800 },
] as const;

/**
 * Screenshots of what is on screen in both window sizes and both languages (switched through the menu command,
 * which reaches the app while a modal dialog holds the pointer and keys); the language is switched back after.
 */
async function shoot(page: Page, host: HostFixture, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  for (let round = 0; round < 2; round++) {
    const lang = await page.evaluate(() => document.documentElement.lang || 'zh-CN');
    for (const s of SIZES) {
      await page.setViewportSize(s);
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${lang}-${s.width}x${s.height}.png`) });
    }
    await host.emit('command.run', { id: 'view.language' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).not.toBe(lang);
  }
  await page.setViewportSize(SIZES[0]);
}

async function folder(tmp: string): Promise<void> {
  await mkdir(path.join(tmp, 'pages', 'old'), { recursive: true });
  await copyFile(SAMPLE_PAGE, path.join(tmp, 'pages', 'zhejiang-p2.txt'));
  await writeFile(path.join(tmp, 'pages', 'notes.docx'), 'not a page');
  await writeFile(path.join(tmp, 'readme.odt'), 'not a page');
}

test('import with the keyboard: the picker lists the launch folder, opens folders, filters by type', async ({
  appPage: page,
  host,
}) => {
  await folder(host.tmpDir);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.keyboard.press('Control+i');
  const picker = page.getByTestId('file-picker');
  await expect(picker).toBeVisible();
  await expect(page.getByTestId('picker-list')).toBeFocused();
  // Folders first; files of other types are not offered.
  await expect(picker.getByTestId('picker-entry-pages')).toBeVisible();
  await expect(picker.getByTestId('picker-entry-readme.odt')).toHaveCount(0);
  await page.keyboard.press('Enter'); // into pages/
  await expect(picker.getByTestId('picker-entry-zhejiang-p2.txt')).toBeVisible();
  await expect(picker.getByTestId('picker-entry-notes.docx')).toHaveCount(0);
  await shoot(page, host, 'picker-import');
  // "Show all files" shows the rest.
  await picker.getByTestId('picker-all').check();
  await expect(picker.getByTestId('picker-entry-notes.docx')).toBeVisible();
  await picker.getByTestId('picker-all').uncheck();
  await page.getByTestId('picker-list').focus();
  await page.keyboard.press('Backspace'); // back up
  await expect(picker.getByTestId('picker-entry-pages')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker.getByTestId('picker-entry-old')).toBeVisible();
  await page.keyboard.press('ArrowDown'); // past old/ to the page file
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(new Workbench(page, host).pageRow('p1.1')).toBeVisible();
});

test('Save As in the picker names the file, asks before replacing, and Open lists issues only', async ({
  appPage: page,
  host,
}) => {
  await folder(host.tmpDir);
  await page.getByTestId('lang-en').click();
  await page.getByTestId('btn-import').click();
  await page.getByTestId('picker-entry-pages').dblclick();
  await page.getByTestId('picker-entry-zhejiang-p2.txt').click();
  await page.getByTestId('picker-ok').click();
  const wb = new Workbench(page, host);
  await expect(wb.pageRow('p1.1')).toBeVisible();

  await page.keyboard.press('Control+Shift+s');
  const name = page.getByTestId('picker-name');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(/\.galley\.json$/);
  await name.fill('day.galley.json');
  await name.press('Enter');
  await expect(page.getByTestId('file-picker')).toHaveCount(0);
  // The picker closes first; the save follows.
  await expect
    .poll(async () => (await stat(path.join(host.tmpDir, 'day.galley.json')).catch(() => null))?.size ?? 0)
    .toBeGreaterThan(0);
  await expect(page.getByTestId('save-state')).toHaveClass(/^saved$/);

  // Again, onto the same name: the app asks first; Cancel keeps the picker open and the file as it was.
  const before = await readFile(path.join(host.tmpDir, 'day.galley.json'), 'utf8');
  await wb.pageRow('p1.1').click();
  await page.getByTestId('new-article').click();
  await expect(wb.article(1)).toBeVisible();
  await page.keyboard.press('Control+Shift+s');
  await page.getByTestId('picker-entry-day.galley.json').click();
  await page.getByTestId('picker-ok').click();
  const q = page.getByTestId('question-dialog');
  await expect(q).toContainText('day.galley.json');
  await shoot(page, host, 'picker-replace');
  await page.keyboard.press('Escape');
  await expect(q).toHaveCount(0);
  await expect(page.getByTestId('file-picker')).toBeVisible();
  expect((await readFile(path.join(host.tmpDir, 'day.galley.json'), 'utf8')) === before).toBe(true);
  await page.getByTestId('picker-ok').click();
  await q.getByTestId('question-0').click();
  await expect(page.getByTestId('save-state')).toHaveClass(/^saved$/);
  await expect
    .poll(async () => JSON.parse(await readFile(path.join(host.tmpDir, 'day.galley.json'), 'utf8')).articles.length)
    .toBe(1);

  // Open: only issues are listed; the current document is saved, so nothing is asked.
  await page.keyboard.press('Control+o');
  await expect(page.getByTestId('picker-entry-day.galley.json')).toBeVisible();
  await expect(page.getByTestId('picker-entry-pages')).toBeVisible();
  await expect(page.getByTestId('picker-entry-readme.odt')).toHaveCount(0);
  await page.getByTestId('picker-entry-day.galley.json').dblclick();
  await expect(page.getByTestId('file-picker')).toHaveCount(0);
  await expect(wb.article(1)).toBeVisible();
});

test("the unsaved-changes question is the app dialog: Esc cancels, Don't save goes on", async ({
  appPage: page,
  host,
}) => {
  await folder(host.tmpDir);
  await page.getByTestId('btn-import').click();
  await expect(page.getByTestId('picker-entry-pages')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picker-entry-old')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const wb = new Workbench(page, host);
  await expect(wb.pageRow('p1.1')).toBeVisible();
  await wb.pageRow('p1.1').click();
  await page.getByTestId('new-article').click();
  await page.getByTestId('btn-new').click();
  const q = page.getByTestId('unsaved-dialog');
  await expect(q).toBeVisible();
  await expect(q.getByTestId('unsaved-save')).toBeFocused();
  await shoot(page, host, 'unsaved-question');
  await page.keyboard.press('Escape');
  await expect(q).toHaveCount(0);
  await expect(wb.article(1)).toBeVisible();
  // English too.
  await page.getByTestId('lang-en').click();
  await page.getByTestId('btn-new').click();
  await expect(q).toContainText("Don't save");
  await q.getByTestId('unsaved-discard').click();
  await expect(wb.article(1)).toHaveCount(0);
});

test('export: the completeness warning comes first, the file name carries the extension, replacing asks', async ({
  appPage: page,
  host,
}) => {
  await folder(host.tmpDir);
  await page.getByTestId('btn-import').click();
  await expect(page.getByTestId('picker-entry-pages')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picker-entry-old')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const wb = new Workbench(page, host);
  await wb.pageRow('p1.3').click();
  await page.getByTestId('new-article').click();
  await expect(wb.article(1)).toBeVisible();

  await page.keyboard.press('Control+e');
  const d = page.getByTestId('export-dialog');
  await expect(d.getByTestId('export-scope-issue')).toBeChecked();
  await d.getByTestId('export-format').selectOption('docx');
  await d.getByTestId('export-run').click();
  // Before any file is asked: what is missing, in words.
  const problems = d.getByTestId('export-problems');
  await expect(problems).toContainText('“早春时节,循着轰隆隆的机器声');
  await expect(problems).not.toContainText('p1.');
  await expect(page.getByTestId('file-picker')).toHaveCount(0);
  await shoot(page, host, 'export-incomplete');
  await d.getByTestId('export-anyway').click();
  const name = page.getByTestId('picker-name');
  await expect(name).toHaveValue(/\.docx$/);
  await name.press('Enter');
  await expect(d).toHaveCount(0);
  await expect
    .poll(async () => (await stat(path.join(host.tmpDir, 'zhejiang-p2.docx')).catch(() => null))?.size ?? 0)
    .toBeGreaterThan(0);

  // Again to the same file: the app lists it and asks before replacing.
  await page.keyboard.press('Control+e');
  await d.getByTestId('export-format').selectOption('docx');
  await d.getByTestId('export-run').click();
  await d.getByTestId('export-anyway').click();
  await page.getByTestId('picker-name').press('Enter');
  await expect(d.getByTestId('export-existing')).toContainText('zhejiang-p2.docx');
  await shoot(page, host, 'export-replace');
  await d.getByTestId('export-replace').click();
  await expect(d).toHaveCount(0);
});
