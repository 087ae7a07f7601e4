import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { SAMPLE_PAGE } from '../support/paths';

/**
 * The real Electron shell: sandboxed page on app://bundle, menus → command.run, test-queued dialogs
 * through the real IPC, the unsaved-changes prompt on close, refused navigation and network. These need an
 * Electron binary: they run in the `electron` project, which playwright.config.ts defines only when
 * ELECTRON_OVERRIDE_DIST_PATH points at one; elsewhere they are reported as skipped with that reason.
 */
test.beforeEach(({}, testInfo) => {
  test.skip(
    testInfo.project.name !== 'electron',
    'Electron shell specs need an Electron binary (set ELECTRON_OVERRIDE_DIST_PATH); the web project covers the same handlers',
  );
});

type Invoke = (channel: string, input?: unknown) => Promise<unknown>;
type HostWindow = Window & {
  host: { invoke: Invoke; on: (e: string, cb: (p: unknown) => void) => () => void };
  __events?: unknown[];
};

test('the page is sandboxed on app://bundle and sees only window.host @electron', async ({ appPage }) => {
  await expect(appPage).toHaveURL('app://bundle/index.html');
  const probe = await appPage.evaluate(() => ({
    host: typeof (window as unknown as HostWindow).host?.invoke,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    keys: Object.keys((window as unknown as HostWindow).host ?? {}).sort(),
  }));
  expect(probe).toEqual({ host: 'function', require: 'undefined', process: 'undefined', keys: ['invoke', 'on'] });
  expect(await appPage.evaluate(() => (window as unknown as HostWindow).host.invoke('app.info', {}))).toMatchObject({
    host: 'electron',
  });
  await expect(
    appPage.evaluate(() => (window as unknown as HostWindow).host.invoke('fs.readFile', {})),
  ).rejects.toThrow(/blocked channel/);
});

test('navigation, new windows and remote requests are refused @electron', async ({ appPage, host }) => {
  await appPage.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await appPage.waitForTimeout(500);
  expect(appPage.url()).toBe('app://bundle/index.html');
  const fetched = await appPage.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  expect(fetched).toBe('blocked');
  await appPage.evaluate(() => window.open('https://example.com/'));
  expect(await host.electronApp!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('menu items send command.run to the renderer, labels follow the locale @electron', async ({ appPage, host }) => {
  await appPage.evaluate(() => {
    const w = window as unknown as HostWindow;
    w.__events = [];
    w.host.on('command.run', (p) => w.__events!.push(p));
  });
  const labels = await host.electronApp!.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((i) => i.label));
  expect(labels.slice(-5)).toEqual(
    expect.arrayContaining([expect.stringMatching(/File|文件/), expect.stringMatching(/Help|帮助/)]),
  );
  await host.electronApp!.evaluate(({ Menu }) => {
    Menu.getApplicationMenu()!.getMenuItemById('view.palette')!.click();
  });
  await expect
    .poll(() => appPage.evaluate(() => (window as unknown as HostWindow).__events))
    .toEqual([{ id: 'view.palette' }]);
});

test('dialogs answer through the real IPC with tokens, never paths @electron', async ({ appPage, host }) => {
  await copyFile(SAMPLE_PAGE, path.join(host.tmpDir, 'p2.txt'));
  await host.queueDialog('dialog.importPages', ['p2.txt']);
  const refs = (await appPage.evaluate(() =>
    (window as unknown as HostWindow).host.invoke('dialog.importPages', {}),
  )) as { token: string; name: string }[];
  expect(refs.map((r) => r.name)).toEqual(['p2.txt']);
  expect(JSON.stringify(refs)).not.toContain(host.tmpDir);
  const imported = (await appPage.evaluate(
    (t) => (window as unknown as HostWindow).host.invoke('issue.importPages', { tokens: [t] }),
    refs[0].token,
  )) as { issue: { pages: unknown[] } };
  expect(imported.issue.pages).toHaveLength(1);
});

test("closing with unsaved changes asks: Cancel keeps the window, Don't save closes it @electron", async ({
  appPage,
  host,
}) => {
  const app = host.electronApp!;
  await appPage.evaluate(() => (window as unknown as HostWindow).host.invoke('window.setDirty', { dirty: true }));
  // The question is the renderer's own dialog, as in the browser host.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close());
  await appPage.getByTestId('unsaved-cancel').click();
  await expect(appPage.getByTestId('unsaved-dialog')).toHaveCount(0);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const closed = app.waitForEvent('close');
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close());
  await appPage.getByTestId('unsaved-discard').click();
  await closed;
});
