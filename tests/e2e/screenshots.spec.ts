import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { fragmentIdOf } from './pages/sample-facts';
import { SAMPLE_PAGE } from '../support/paths';

/**
 * Screenshots of the main screen in zh-CN and in English, saved under tests/artifacts/ (git-ignored) for people to
 * look at. The state is built with the keyboard, as a proofreader would: two articles with kickers, a joined
 * paragraph, a corrected OCR error.
 */
async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test('main screen in 中文 and English with CJK glyphs', async ({ appPage, host }) => {
  test.setTimeout(180_000); // builds a realistic state key by key before the pictures
  const page = appPage;
  const wb = new Workbench(page, host);
  await copyFile(SAMPLE_PAGE, path.join(host.tmpDir, 'zhejiang-daily-2023-02-27-p2.txt'));
  await host.queueDialog('dialog.importPages', ['zhejiang-daily-2023-02-27-p2.txt']);
  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await press(page, 'Control+i');
  await expect(wb.pageRow('p1.1')).toHaveAttribute('aria-selected', 'true');

  // Article 1: kicker (R K sets its role) … `…六`, then `成以上…` joined to it.
  await press(page, 'Alt+1');
  await press(page, 'r');
  await press(page, 'k');
  await press(page, 'Shift+ArrowDown', 7);
  await press(page, 'Control+n');
  const cont = fragmentIdOf('成以上的一线工人');
  await press(page, 'ArrowDown', Number(cont.split('.')[1]) - 8);
  await press(page, 'Control+1');
  await press(page, 'Control+j');
  // Article 2: the poetry festival (kicker, headline, dateline paragraph).
  const poem = fragmentIdOf('第二届中国桐庐富春江诗歌节开幕');
  await press(page, 'ArrowDown', Number(poem.split('.')[1]) - Number(cont.split('.')[1]));
  await press(page, 'r');
  await press(page, 'k');
  await press(page, 'Shift+ArrowDown', 2);
  await press(page, 'Control+n');
  // A correction in the editor: 人职 → 入职, in a fragment of article 1.
  const typo = fragmentIdOf('为让员工更有归属感');
  await (await wb.revealPageRow(typo)).click();
  await press(page, 'Control+1');
  const editor = page.getByTestId('editor').locator('.monaco-editor');
  await editor.click();
  await press(page, 'Control+Home');
  const text = await wb.pageRow(typo).textContent();
  const at = (text ?? '').indexOf('人职') - (text ?? '').indexOf('为让');
  await press(page, 'ArrowRight', at);
  await press(page, 'Shift+ArrowRight');
  await page.keyboard.type('入');
  await press(page, 'Alt+1');
  await page.getByTestId('article-1').getByTestId('article-title').click();
  await page.getByTestId('article-title-input').press('Escape');
  await wb.pagePane.evaluate((el) => {
    el.scrollTop = 0;
  });
  await page.getByTestId('board').evaluate((el) => {
    el.scrollTop = 0;
  });

  expect(await page.evaluate(() => document.fonts.check('16px "WenQuanYi Micro Hei"', '灵峰社区'))).toBe(true);
  await expect(page.getByTestId('coverage')).toContainText('已归位');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'tests/artifacts/workbench-zh-CN.png' });

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('coverage')).toContainText('fragments placed');
  await page.screenshot({ path: 'tests/artifacts/workbench-en.png' });

  await press(page, 'Control+k');
  await page.keyboard.type('art');
  await page.screenshot({ path: 'tests/artifacts/workbench-palette-en.png' });
  await press(page, 'Escape');
  await page.getByTestId('lang-zh').click();
  await press(page, '?');
  await page.screenshot({ path: 'tests/artifacts/workbench-help-zh-CN.png' });
});
