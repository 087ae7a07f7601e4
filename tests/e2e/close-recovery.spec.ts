import { readdir, writeFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type HostFixture } from '../support/fixtures';
import { Workbench } from './pages/workbench';

/**
 * Closing the window removes the recovery files of its session, through the browser host's
 * `/__test/close`, which runs the Electron window's close sequence (electron/host/session/close-flow.ts):
 * - "Don't save" drops the changes, and their autosave with them;
 * - a save followed at once by a close leaves no stale autosave either (no waiting for the renderer's discard);
 * - "Save" in the close prompt saves, then closes, and leaves nothing behind.
 * Each time the next start shows no recovery dialog. A file of an earlier session (here: one from a newer Galley,
 * which is never loaded) is kept: only this session's files go. A crash keeps them (recovery.spec.ts).
 */
const recoveryDir = (host: HostFixture) => path.join(host.userDataDir, 'recovery');
const recoveryFiles = async (host: HostFixture) =>
  (await readdir(recoveryDir(host)).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.galley-recovery.json'))
    .sort();
const listed = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { host: { invoke: (c: string, i: unknown) => Promise<{ id: string; changes: number }[]> } }
    ).host.invoke('recovery.list', {}),
  );

/** One change (a new article) and its autosave on disk. */
async function editAndAutosave(page: Page, host: HostFixture): Promise<void> {
  const wb = new Workbench(page, host);
  await wb.importSample();
  await wb.pageRow('p1.1').click();
  await page.getByTestId('new-article').click();
  await expect(wb.article(1)).toBeVisible();
  await expect.poll(async () => (await listed(page)).some((e) => e.changes > 0), { timeout: 15_000 }).toBe(true);
}

/** Asks to close; with unsaved changes the app's own question appears and `answer` is clicked in it. */
async function closeAndRestart(host: HostFixture, answer?: 'unsaved-save' | 'unsaved-discard'): Promise<Page> {
  await host.requestClose();
  if (answer) {
    await expect(host.page.getByTestId('unsaved-dialog')).toBeVisible();
    await host.page.getByTestId(answer).click();
  }
  await expect.poll(async () => (await host.state()).closed, { timeout: 15_000 }).toBe(true);
  await host.restart();
  const page = host.page;
  await expect(page.getByTestId('welcome')).toBeVisible();
  return page;
}

test('"Don\'t save" on close removes the autosave of the document; the next start offers nothing', async ({ host }) => {
  // A file from an earlier session (a newer Galley's, kept unread): closing must not touch it.
  await mkdir(recoveryDir(host), { recursive: true });
  await writeFile(
    path.join(recoveryDir(host), 'future.galley-recovery.json'),
    '{"format":"galley-recovery","schema":99,"header":{"id":"future","savedAt":"2030-01-01T00:00:00.000Z","changes":3},\n"payload":"?"}\n',
  );
  await host.restart();
  let page = host.page;
  await page.getByTestId('recovery-later').click();

  await editAndAutosave(page, host);
  expect((await recoveryFiles(host)).length).toBeGreaterThan(1); // this session's file(s) + the future one
  page = await closeAndRestart(host, 'unsaved-discard');
  expect(await recoveryFiles(host)).toEqual(['future.galley-recovery.json']);
  // Only the unreadable file of the earlier session is offered.
  await expect(page.getByTestId('recovery-dialog')).toBeVisible();
  expect((await listed(page)).map((e) => e.id)).toEqual(['future']);
});

test('save, then close at once: no stale autosave, no recovery dialog at the next start', async ({ appPage, host }) => {
  await editAndAutosave(appPage, host);
  await host.queueDialog('dialog.saveIssueAs', 'closed.galley.json');
  await appPage.getByTestId('btn-save').click();
  await expect(appPage.getByTestId('save-state')).toHaveClass(/saved/);
  // The host hears "clean" (window.setDirty) a moment after the save; closing before that would ask first.
  await expect.poll(async () => (await host.state()).dirty).toBe(false);
  // No wait for the renderer's own discard: the close cleans up whatever this session wrote.
  const page = await closeAndRestart(host);
  expect(await recoveryFiles(host)).toEqual([]);
  expect(await listed(page)).toEqual([]);
  await expect(page.getByTestId('recovery-dialog')).toHaveCount(0);
  expect((await stat(path.join(host.tmpDir, 'closed.galley.json'))).size).toBeGreaterThan(0);
});

test('"Save" in the close prompt saves, closes, and leaves no autosave', async ({ appPage, host }) => {
  await editAndAutosave(appPage, host);
  await host.queueDialog('dialog.saveIssueAs', 'prompted.galley.json');
  const page = await closeAndRestart(host, 'unsaved-save');
  expect((await stat(path.join(host.tmpDir, 'prompted.galley.json'))).size).toBeGreaterThan(0);
  expect(await recoveryFiles(host)).toEqual([]);
  expect(await listed(page)).toEqual([]);
  await expect(page.getByTestId('recovery-dialog')).toHaveCount(0);
});

test('Cancel in the close prompt keeps the window and its autosave', async ({ appPage, host }) => {
  await editAndAutosave(appPage, host);
  const before = await recoveryFiles(host);
  await host.requestClose();
  await appPage.getByTestId('unsaved-cancel').click();
  await expect(appPage.getByTestId('unsaved-dialog')).toHaveCount(0);
  expect((await host.state()).closed).toBe(false);
  expect(await recoveryFiles(host)).toEqual(before);
});

test('"Don\'t save" when replacing the document (New) removes its autosave too', async ({ appPage, host }) => {
  await editAndAutosave(appPage, host);
  await appPage.getByTestId('btn-new').click();
  await appPage.getByTestId('unsaved-discard').click();
  await expect(new Workbench(appPage, host).article(1)).toHaveCount(0);
  await expect.poll(() => recoveryFiles(host), { timeout: 10_000 }).toEqual([]);
  await host.restart();
  await expect(host.page.getByTestId('welcome')).toBeVisible();
  expect(await listed(host.page)).toEqual([]);
  await expect(host.page.getByTestId('recovery-dialog')).toHaveCount(0);
});
