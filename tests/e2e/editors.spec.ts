import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { FIXTURES } from '../support/paths';
import { blockOf, fragmentIdOf } from './pages/sample-facts';

/**
 * The editors' side through the real browser host on the sample page: build a small article, run Cleanup on it
 * (the preview lists `机器声, 记者` → `机器声，记者`), apply and undo and redo; find & replace 人职 → 入职 with the
 * hit listed and accepted; approve the article (the badge names who); export the approved article as Markdown
 * and read the file back with Node.
 */
const WORDLIST = path.join(FIXTURES, 'wordlist.tsv');

test('cleanup preview, find & replace, approve, export the approved article', async ({ appPage, host }) => {
  const page = appPage;
  const wb = new Workbench(page, host);
  await wb.importSample();
  await page.getByTestId('lang-en').click();

  const opening = fragmentIdOf('早春时节');
  const typo = fragmentIdOf('为让员工更有归属感');
  expect(blockOf(opening)).toContain('机器声, 记者');
  expect(blockOf(typo)).toContain('人职第一课');
  await wb.drag(await wb.revealPageRow(opening), page.getByTestId('new-article'));
  await expect(wb.article(1)).toBeVisible();
  await wb.drag(await wb.revealPageRow(typo), wb.item(opening), 0.85);
  await expect.poll(() => wb.articleItems(1)).toEqual([opening, typo]);
  await wb.article(1).locator('.card-num').click();

  // Cleanup of the selected article: a preview first, nothing changed yet.
  await page.getByTestId('btn-cleanup-more').click();
  await page.getByTestId('cleanup-scope-article').click();
  const panel = page.getByTestId('cleanup-panel');
  await expect(panel).toBeVisible();
  const comma = panel
    .getByTestId('cleanup-change')
    .filter({ has: page.getByTestId('snip-before').filter({ hasText: '机器声, 记者' }) });
  await expect(comma).toHaveCount(1);
  await expect(comma.getByTestId('snip-after')).toContainText('机器声， 记者');
  await expect(comma.locator('.snip-after ins')).toHaveText('，');
  const changes = await panel.getByTestId('cleanup-change').count();
  expect(changes).toBeGreaterThan(2);
  await expect(wb.item(opening)).toContainText('机器声, 记者');
  await page.screenshot({ path: 'tests/artifacts/editors-cleanup-preview.png' });
  await page.getByTestId('cleanup-apply').click();
  await expect(panel).toBeHidden();
  await expect(wb.item(opening)).toContainText('机器声，记者');
  await expect(page.getByTestId('btn-undo')).toHaveAttribute('title', new RegExp(`Cleanup: ${changes} change`));
  // One undo step takes all of it back; redo brings it again.
  await page.getByTestId('btn-undo').click();
  await expect(wb.item(opening)).toContainText('机器声, 记者');
  await page.getByTestId('btn-redo').click();
  await expect(wb.item(opening)).toContainText('机器声，记者');

  // Find & replace: Ctrl+H, 人职 → 入职, the one hit listed in context, accepted.
  await page.keyboard.press('Control+h');
  const find = page.getByTestId('find-panel');
  await expect(find).toBeVisible();
  // The newsroom word list, read in the page from a local file: its 人职 entry finds the same hit.
  await page.getByTestId('wordlist-file').setInputFiles(WORDLIST);
  await expect(page.getByTestId('wordlist-name')).toContainText('wordlist.tsv');
  const listed = find.getByTestId('find-hit');
  await expect(listed).toHaveCount(1);
  await expect(listed.locator('.snip-before del')).toHaveText('人职');
  await expect(listed).toContainText(/list line \d+/);
  await page.getByTestId('find-input').fill('人职');
  await page.getByTestId('replace-input').fill('入职');
  await page.getByTestId('find-run').click();
  const hit = find.getByTestId('find-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('.snip-before del')).toHaveText('人职');
  await expect(hit.locator('.snip-after')).toContainText('入职第一课');
  await expect(hit).toContainText('p. 2');
  await page.screenshot({ path: 'tests/artifacts/editors-find-panel.png' });
  await hit.getByTestId('hit-accept').click();
  await page.getByTestId('find-replace-accepted').click();
  await expect(find.getByTestId('find-count')).toHaveText('No hits.');
  await expect(wb.item(typo)).toContainText('入职第一课');
  await page.getByTestId('find-close').click();

  // Approve: F9 twice (draft → corrected → approved); the badge names who.
  await wb.article(1).locator('.card-num').click();
  await page.keyboard.press('F9');
  await expect(wb.article(1).getByTestId('review-badge')).toContainText('corrected by');
  await page.keyboard.press('F9');
  const who = os.userInfo().username;
  await expect(wb.article(1).getByTestId('review-badge')).toContainText(`approved by ${who} at`);

  // What changed: the review shows the corrections against the original.
  await wb.article(1).getByTestId('btn-what-changed').click();
  const review = page.getByTestId('review-dialog');
  await expect(review.getByTestId(`review-frag-${typo}`).locator('del').first()).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/editors-review.png' });
  await page.getByTestId('review-close').click();

  // Export the approved article as Markdown (the page still has unplaced text: the gate may ask first).
  await page.getByTestId('btn-export').click();
  await page.getByTestId('export-dialog-open').click();
  const dlg = page.getByTestId('export-dialog');
  await dlg.getByTestId('export-format').selectOption('md');
  // The whole issue by default; the selected article is one click away.
  await expect(dlg.getByTestId('export-scope-issue')).toBeChecked();
  await dlg.getByTestId('export-scope-article').check();
  await dlg.getByTestId('export-approved').check();
  await host.queueDialog('dialog.exportTo', 'approved.md');
  await dlg.getByTestId('export-run').click();
  const anyway = dlg.getByTestId('export-anyway');
  // Wait for the run's outcome: the problems gate shows, or the dialog closes (waiting for "dialog or notice"
  // passed at once, the dialog being open, and raced the gate: `anyway` was checked before it showed).
  await expect.poll(async () => (await anyway.isVisible()) || !(await dlg.isVisible()), { timeout: 15_000 }).toBe(true);
  if (await anyway.isVisible()) {
    await expect(dlg.getByTestId('export-problems')).toBeVisible();
    await page.screenshot({ path: 'tests/artifacts/editors-export-problems.png' });
    await anyway.click();
  }
  await expect(dlg).toBeHidden();
  const md = await readFile(path.join(host.tmpDir, 'approved.md'), 'utf8');
  expect(md).toContain('机器声，记者');
  expect(md).toContain('入职第一课');
  expect(md).not.toContain('人职');
  expect((await readdir(host.tmpDir)).filter((n) => n.endsWith('.md'))).toEqual(['approved.md']);
});
