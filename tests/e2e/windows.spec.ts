import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, type HostFixture } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { ROOT } from '../support/paths';

/**
 * Two tabs on one issue in the browser host (same host, as two windows of the desktop app): the second opens it
 * read-only and never offers the first one's recovery file; closing a tab with unsaved work asks (beforeunload).
 */
const ARTIFACTS = path.join(ROOT, 'tests/artifacts');

const listed = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as {
        host: { invoke: (c: string, i: unknown) => Promise<{ id: string; changes: number; inUse?: boolean }[]> };
      }
    ).host.invoke('recovery.list', {}),
  );

async function savedIssue(page: Page, host: HostFixture): Promise<Workbench> {
  const wb = new Workbench(page, host);
  await wb.importSample();
  await host.queueDialog('dialog.saveIssueAs', 'day.galley.json');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveClass(/^saved$/);
  return wb;
}

test("a second tab on the same issue opens it read-only and does not offer the first tab's recovery", async ({
  appPage: page,
  host,
}) => {
  const wb = await savedIssue(page, host);
  // Unsaved work in the first tab, autosaved.
  await wb.pageRow('p1.1').click();
  await page.getByTestId('new-article').click();
  await expect(wb.article(1)).toBeVisible();
  await expect.poll(async () => (await listed(page)).some((e) => e.changes > 0), { timeout: 15_000 }).toBe(true);

  const second = await page.context().newPage();
  await second.goto(host.url);
  await expect(second.getByTestId('welcome')).toBeVisible();
  // The first tab's recovery file is in use: no recovery dialog here.
  await second.waitForTimeout(1500);
  await expect(second.getByTestId('recovery-dialog')).toHaveCount(0);
  await host.queueDialog('dialog.openIssue', 'day.galley.json');
  await second.keyboard.press('Control+o');
  await expect(second.getByTestId('readonly-badge')).toBeVisible();
  await mkdir(ARTIFACTS, { recursive: true });
  const lang = await second.evaluate(() => document.documentElement.lang);
  for (const size of [
    { width: 1600, height: 1000 },
    { width: 1280, height: 800 },
  ]) {
    await second.setViewportSize(size);
    await second.screenshot({ path: path.join(ARTIFACTS, `read-only-${lang}-${size.width}x${size.height}.png`) });
  }
  // Edits in the read-only tab write no recovery file; Save asks for another name.
  const before = (await listed(second)).map((e) => e.id).sort();
  const wb2 = new Workbench(second, host);
  await wb2.pageRow('p1.2').click();
  await second.getByTestId('new-article').click();
  await second.waitForTimeout(2500);
  expect((await listed(second)).map((e) => e.id).sort()).toEqual(before);
  await host.queueDialog('dialog.saveIssueAs', 'copy.galley.json');
  await second.keyboard.press('Control+s');
  await expect(second.getByTestId('save-state')).toHaveClass(/^saved$/);
  await expect(second.getByTestId('readonly-badge')).toHaveCount(0);
  await second.close();
});

test('closing the tab with unsaved work asks (beforeunload); a saved tab is not held', async ({
  appPage: page,
  host,
}) => {
  const wb = await savedIssue(page, host);
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await wb.pageRow('p1.1').click();
  await page.getByTestId('new-article').click();
  await expect(wb.article(1)).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // Saved: leaving is not held up (the app's handler does not cancel the unload).
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveClass(/^saved$/);
  const held = await page.evaluate(() => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
  expect(held).toBe(false);
  expect(asked).toEqual(['beforeunload']);
});
