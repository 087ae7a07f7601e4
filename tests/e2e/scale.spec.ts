import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { generateIssue } from '../../bench/support/generate-issue';

/**
 * Newsroom scale: a 100-page, 20,000-fragment, 1,500-article issue opens and stays workable. Only what
 * is in view is in the DOM (page pane, board), the issue overview shows every page's coverage and jumps to a
 * page's first problem, and a keyboard move lands. Timing goals live in bench/renderer.ts, not here.
 */
test('a 100-page issue: virtualized panes, overview of every page, jump and move', async ({ appPage: page, host }) => {
  test.setTimeout(180_000);
  const issue = generateIssue();
  await writeFile(path.join(host.tmpDir, 'big.galley.json'), JSON.stringify(issue));
  await host.queueDialog('dialog.openIssue', 'big.galley.json');
  await page.getByTestId('btn-open').click();
  await expect(page.getByTestId('page-frag-p1.1')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('article-1')).toBeVisible();

  // Virtualized: a page of 200 fragments and a board of 1,500 articles mount only a screenful or so.
  expect(await page.locator('[data-testid^="page-frag-"]').count()).toBeLessThan(80);
  expect(await page.locator('[data-testid^="article-"][data-article-id]').count()).toBeLessThan(40);

  // The overview lists all 100 pages with their coverage.
  await page.getByTestId('btn-overview').click();
  const overview = page.getByTestId('overview');
  await expect(overview.locator('[data-testid^="overview-page-"]')).toHaveCount(100);
  await expect(page.getByTestId('overview-total')).toContainText('100');
  const p37 = issue.pages[36];
  const pool = new Set(issue.pool);
  const firstProblem = p37.fragments.find((f) => pool.has(f.id))!;
  await overview.getByTestId('overview-page-37').click();
  await expect(overview).toBeHidden();
  await expect(page.getByTestId('page-select')).toHaveValue('36');
  const row = page.getByTestId(`page-frag-${firstProblem.id}`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('aria-selected', 'true');

  // A keyboard move of that fragment into article 1 lands there.
  await row.click();
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('article-1').getByTestId(`item-${firstProblem.id}`)).toBeVisible();
});
