import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { Workbench } from './pages/workbench';

/**
 * Crash recovery end to end through the real host: the renderer's autosave reaches
 * `<userData>/recovery/` while the issue was never saved; the "crash" is a host restart with the page reloaded
 * (all renderer state gone); the next start offers the recovery file and restores the work. A file from a newer
 * Galley is shown as unreadable and kept.
 */
const recoveryFiles = async (userDataDir: string) =>
  (await readdir(path.join(userDataDir, 'recovery')).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.galley-recovery.json'),
  );

test('unsaved work survives a crash: autosave, restart, restore', async ({ appPage, host }) => {
  const wb = new Workbench(appPage, host);
  await wb.importSample();
  await wb.pageRow('p1.1').click();
  await appPage.getByTestId('new-article').click();
  await expect(wb.article(1)).toBeVisible();

  // The autosave may keep its session in several files (a base document and the steps on top); wait until the
  // host lists one that holds the change.
  const listed = () =>
    appPage.evaluate(() =>
      (
        window as unknown as {
          host: { invoke: (c: string, i: unknown) => Promise<{ changes: number; unreadable?: string }[]> };
        }
      ).host.invoke('recovery.list', {}),
    );
  await expect
    .poll(async () => (await listed()).some((e) => e.changes > 0 && !e.unreadable), { timeout: 15_000 })
    .toBe(true);
  for (const file of await recoveryFiles(host.userDataDir)) {
    const head = (await readFile(path.join(host.userDataDir, 'recovery', file), 'utf8')).split('\n')[0];
    expect(head).toMatch(/^\{"format":"galley-recovery","schema":1,"header":\{/);
  }

  await host.restart();
  const page = host.page;
  await expect(page.getByTestId('recovery-dialog')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('recovery-restore').first().click();
  await expect(page.getByTestId('article-1')).toBeVisible();
  await expect.poll(() => new Workbench(page, host).articleItems(1)).toEqual(['p1.1']);
});

test('a recovery file from a newer Galley is listed as unreadable and kept', async ({ host }) => {
  const dir = path.join(host.userDataDir, 'recovery');
  await mkdir(dir, { recursive: true });
  const body =
    '{"format":"galley-recovery","schema":99,"header":{"id":"future","savedAt":"2030-01-01T00:00:00.000Z","changes":3},\n"payload":"?"}\n';
  await writeFile(path.join(dir, 'future.galley-recovery.json'), body);
  await host.restart();
  const page = host.page;
  await expect(page.getByTestId('recovery-future')).toBeVisible();
  await expect(page.getByTestId('recovery-unreadable')).toContainText(/99/);
  await page.getByTestId('recovery-later').click();
  await host.restart();
  expect(await readFile(path.join(dir, 'future.galley-recovery.json'), 'utf8')).toBe(body);
});
