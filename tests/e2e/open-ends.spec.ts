import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { FIXTURES } from '../support/paths';

/**
 * Settling open ends as a proofreader does, with real keys and mouse in Chromium: the sample page arranged into
 * its nine articles (tests/fixtures/open-ends/, see tests/fixtures/SOURCES.md) has ten open ends; each can be
 * marked text lost, continuing elsewhere or ending here, shows on its card, counts in the status bar and undoes.
 * Screenshots at 1600×1000 and 1280×800 go to tests/artifacts/ for people to look at.
 */
test('open ends: resolve with a key and a row button, badges on the cards, status bar, undo', async ({
  appPage,
  host,
}) => {
  const page = appPage;
  const wb = new Workbench(page, host);
  await copyFile(
    path.join(FIXTURES, 'open-ends/zhejiang-p2-arranged.galley.json'),
    path.join(host.tmpDir, 'p2.galley.json'),
  );
  await host.queueDialog('dialog.openIssue', 'p2.galley.json');
  await page.getByTestId('btn-open').click();
  await expect(wb.statusBar).toContainText('10 open ends');

  // 1. The keyboard: select the fragment in the page pane, Ctrl+Shift+L marks its end as text lost.
  await (await wb.revealPageRow('p1.42')).click();
  await page.keyboard.press('Control+Shift+L');
  const lost = page.getByTestId('open-end-badge-p1.42');
  await expect(lost).toBeVisible();
  await expect(lost).toHaveText(/text lost/);
  await expect(wb.statusBar).toContainText('9 open ends (1 resolved)');

  // 2. The mouse: on the board, the selected row's "ends here" button.
  await (await wb.revealBoardItem('p1.101')).click();
  const endsHere = page.getByTestId('open-end-ends-p1.101');
  await endsHere.scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.screenshot({ path: 'tests/artifacts/open-ends-actions-1600.png' });
  await endsHere.click();
  await expect(page.getByTestId('open-end-badge-p1.101')).toBeVisible();
  await expect(wb.statusBar).toContainText('8 open ends (2 resolved)');
  await page.screenshot({ path: 'tests/artifacts/open-ends-resolved-1600.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId('open-end-badge-p1.101')).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/open-ends-resolved-1280.png' });

  // 3. Undo takes back the last one only.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('open-end-badge-p1.101')).toHaveCount(0);
  await expect(wb.statusBar).toContainText('9 open ends (1 resolved)');
  await wb.revealBoardItem('p1.42');
  await expect(lost).toBeVisible();
});
