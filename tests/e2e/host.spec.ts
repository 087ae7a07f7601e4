import { copyFile, readFile, readdir, mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { SAMPLE_PAGE } from '../support/paths';
import { startWebHost } from '../../electron/web/server';

/**
 * The browser host seen from the page: the shim's `window.host` reaches the real handlers, dialogs answer from
 * the test queue, files stay inside the test folder, events reach the page, errors arrive as clear messages.
 */
type Invoke = (channel: string, input?: unknown) => Promise<unknown>;
const invoke = (page: import('@playwright/test').Page, channel: string, input: unknown = {}) =>
  page.evaluate(([c, i]) => (window as unknown as { host: { invoke: Invoke } }).host.invoke(c as string, i), [
    channel,
    input,
  ] as const);

test('window.host reaches the real handlers: import, save, reopen, recent list', async ({ appPage, host }) => {
  expect(await invoke(appPage, 'app.info')).toMatchObject({ host: 'test', locale: 'zh-CN' });
  await copyFile(SAMPLE_PAGE, path.join(host.tmpDir, 'p2.txt'));

  await host.queueDialog('dialog.importPages', ['p2.txt']);
  const refs = (await invoke(appPage, 'dialog.importPages')) as { token: string; name: string }[];
  expect(refs).toHaveLength(1);
  expect(refs[0].name).toBe('p2.txt');
  expect(JSON.stringify(refs)).not.toContain(host.tmpDir); // tokens, never paths

  const imported = (await invoke(appPage, 'issue.importPages', { tokens: [refs[0].token], title: '浙江日报' })) as {
    issue: { title: string; pages: unknown[] };
  };
  expect(imported.issue.title).toBe('浙江日报');
  expect(imported.issue.pages).toHaveLength(1);

  await host.queueDialog('dialog.saveIssueAs', 'out/day.galley.json');
  const target = (await invoke(appPage, 'dialog.saveIssueAs', { suggestedName: 'day.galley.json' })) as {
    token: string;
  };
  await invoke(appPage, 'issue.save', { token: target.token, issue: imported.issue });
  const onDisk = JSON.parse(await readFile(path.join(host.tmpDir, 'out/day.galley.json'), 'utf8'));
  expect(onDisk.title).toBe('浙江日报');

  const recent = (await invoke(appPage, 'recent.list')) as { name: string; token: string }[];
  expect(recent.map((r) => r.name)).toEqual(['day.galley.json']);
  const reopened = (await invoke(appPage, 'issue.open', { token: recent[0].token })) as { issue: { title: string } };
  expect(reopened.issue.title).toBe('浙江日报');
});

test('a page token cannot be used to overwrite the page; errors arrive as one clear message', async ({
  appPage,
  host,
}) => {
  await copyFile(SAMPLE_PAGE, path.join(host.tmpDir, 'p2.txt'));
  await host.queueDialog('dialog.importPages', ['p2.txt']);
  const [ref] = (await invoke(appPage, 'dialog.importPages')) as { token: string }[];
  const { issue } = (await invoke(appPage, 'issue.importPages', { tokens: [ref.token] })) as { issue: unknown };
  const err = await appPage.evaluate(
    ([t, i]) =>
      (window as unknown as { host: { invoke: Invoke } }).host.invoke('issue.save', { token: t, issue: i }).then(
        () => 'saved',
        (e: Error) => e.message,
      ),
    [ref.token, issue] as const,
  );
  expect(err).toMatch(/chosen for page import, not for issue/);
  expect(err).not.toMatch(/\n\s+at /); // no stack
  const invalid = await appPage.evaluate(() =>
    (window as unknown as { host: { invoke: Invoke } }).host.invoke('issue.open', { token: 5 }).then(
      () => 'ok',
      (e: Error) => e.message,
    ),
  );
  expect(invalid).toMatch(/invalid input for issue.open/);
});

test('dialogs outside the test folder are refused; cancel answers null', async ({ appPage, host }) => {
  await expect(host.queueDialog('dialog.openIssue', '../../etc/passwd')).rejects.toThrow(/outside the folder/);
  await host.queueDialog('dialog.openIssue', null);
  expect(await invoke(appPage, 'dialog.openIssue')).toBeNull();
  await host.queueDialog('dialog.confirm', 1);
  expect(
    await invoke(appPage, 'dialog.confirm', { message: 'Save changes?', buttons: ['Save', "Don't save", 'Cancel'] }),
  ).toEqual({ button: 1 });
});

test('main → renderer events reach window.host.on', async ({ appPage, host }) => {
  await appPage.evaluate(() => {
    const w = window as unknown as { host: { on: (e: string, cb: (p: unknown) => void) => void }; __got: unknown[] };
    w.__got = [];
    w.host.on('file.openRequested', (p) => w.__got.push(p));
  });
  await host.emit('file.openRequested', { kind: 'pages', files: [] });
  await expect
    .poll(() => appPage.evaluate(() => (window as unknown as { __got: unknown[] }).__got))
    .toEqual([{ kind: 'pages', files: [] }]);
  await expect(host.emit('command.run', { id: 42 })).rejects.toThrow(/invalid payload for event command.run/);
});

test('events sent before the page listens are kept for the first listener', async ({ page }) => {
  // A bare page (no app subscribing on mount), so that the test's listener is the first one.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'galley-events-'));
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /><title>bare</title></head><body></body></html>',
  );
  const web = await startWebHost({
    root: dir,
    rendererDir: dir,
    testMode: true,
    session: { userDataDir: path.join(dir, 'u'), version: 't', host: 'test' },
  });
  try {
    web.emit('command.run', { id: 'file.save' }); // before the page exists: kept by the host
    await page.goto(web.url);
    await page.waitForTimeout(300); // the EventSource connects and receives it: now kept by the shim
    web.emit('command.run', { id: 'edit.undo' });
    const got = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen: unknown[] = [];
          (window as unknown as { host: { on: (e: string, cb: (p: unknown) => void) => void } }).host.on(
            'command.run',
            (p) => {
              seen.push(p);
              if (seen.length === 2) resolve(seen);
            },
          );
        }),
    );
    expect(got).toEqual([{ id: 'file.save' }, { id: 'edit.undo' }]);
  } finally {
    await web.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('window hooks and recovery files round-trip through the host; restart keeps user data', async ({
  appPage,
  host,
}) => {
  await invoke(appPage, 'window.setDirty', { dirty: true });
  await invoke(appPage, 'window.setTitle', { title: 'Galley — x' });
  expect(await host.state()).toMatchObject({ dirty: true, title: 'Galley — x' });
  await invoke(appPage, 'recovery.write', { id: 'issue-1', changes: 3, title: '浙江日报', payload: '{"doc":1}' });
  await host.restart();
  const list = (await invoke(host.page, 'recovery.list')) as { id: string; title: string; changes: number }[];
  expect(list).toMatchObject([{ id: 'issue-1', title: '浙江日报', changes: 3 }]);
  expect(await invoke(host.page, 'recovery.read', { id: 'issue-1' })).toEqual({ payload: '{"doc":1}' });
  expect(await readdir(path.join(host.userDataDir, 'recovery'))).toEqual(['issue-1.galley-recovery.json']);
});
