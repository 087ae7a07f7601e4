import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, type HostFixture } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { fragmentIdOf } from './pages/sample-facts';
import { ROOT } from '../support/paths';

/**
 * Cleanup grouped by rule (All / None, the scope on the buttons, a change that would hide lost text flagged) and
 * Find & replace saying how many it replaced, with real mouse and keys; screenshots in both languages and sizes.
 */
const ARTIFACTS = path.join(ROOT, 'tests/artifacts');

async function shoot(page: Page, host: HostFixture, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  for (let round = 0; round < 2; round++) {
    const lang = await page.evaluate(() => document.documentElement.lang || 'zh-CN');
    for (const size of [
      { width: 1600, height: 1000 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${lang}-${size.width}x${size.height}.png`) });
    }
    await host.emit('command.run', { id: 'view.language' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).not.toBe(lang);
  }
  await page.setViewportSize({ width: 1600, height: 1000 });
}

test('cleanup by rule with the lost-text trace flagged; find & replace says how many', async ({
  appPage: page,
  host,
}) => {
  const wb = new Workbench(page, host);
  await wb.importSample();
  const poem = fragmentIdOf('本届诗歌节请来多位文化艺术界');
  await (await wb.revealPageRow(poem)).click();
  await page.getByTestId('new-article').click();
  await expect(wb.article(1)).toBeVisible();
  await wb.article(1).click();

  const btn = page.getByTestId('btn-cleanup');
  await expect(btn).toContainText(/article|稿件/);
  await btn.click();
  const panel = page.getByTestId('cleanup-panel');
  await expect(panel.getByTestId('cleanup-rule-cjk-spaces')).toBeVisible();
  const flagged = panel.getByTestId('cleanup-lost-trace');
  await expect(flagged).toHaveCount(1);
  const row = panel.locator('li.is-lost-trace');
  await expect(row.getByRole('checkbox')).not.toBeChecked();
  await shoot(page, host, 'cleanup-by-rule');
  await panel.getByTestId('cleanup-rule-cjk-spaces').getByTestId('cleanup-rule-none').click();
  await expect(panel.getByTestId('cleanup-rule-cjk-spaces').getByRole('checkbox').first()).not.toBeChecked();
  await page.getByTestId('cleanup-cancel').click();
  await expect(panel).toHaveCount(0);

  await page.keyboard.press('Control+h');
  const find = page.getByTestId('find-input');
  await expect(find).toBeFocused();
  await find.fill('诗歌');
  await page.getByTestId('replace-input').fill('诗词');
  await page.getByTestId('find-run').click();
  const n = await page.getByTestId('find-hit').count();
  expect(n).toBeGreaterThan(1);
  await page.getByTestId('find-accept-all').click();
  await expect(page.getByTestId('find-replaced')).toContainText(String(n));
  await shoot(page, host, 'find-replaced');
  // Ctrl+H again: the previous query is selected, typing replaces it.
  await page.getByTestId('replace-input').focus();
  await page.keyboard.press('Control+h');
  await expect(find).toBeFocused();
  await page.keyboard.type('社区');
  await expect(find).toHaveValue('社区');
});
