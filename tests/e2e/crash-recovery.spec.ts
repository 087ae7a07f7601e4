import { mkdtemp, mkdir, rm, writeFile, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { generateIssue } from '../../bench/support/generate-issue';
import { startHostProcess, type HostProcess } from '../../bench/support/host-process';

/**
 * Crash recovery end to end: the browser host runs as a child process so it can be SIGKILLed in the
 * middle of an editing session. Everything changed more than 1 s before the kill must come back on restart,
 * with its undo history. Needs the built renderer (`npx electron-vite build`).
 */

const items = (page: Page, n: number) =>
  page
    .getByTestId(`article-${n}`)
    .locator('[data-fragment-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-fragment-id')));

async function sendTo(page: Page, id: string, keys: string): Promise<void> {
  await page.getByTestId(`page-frag-${id}`).click();
  await page.keyboard.press(keys);
}

test('after SIGKILL, restarting offers the recovery file; restore gives back every change older than 1 s and its undo history', async ({
  page,
}) => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-crash-'));
  const userDataDir = path.join(tmp, '.user-data');
  await mkdir(userDataDir, { recursive: true });
  const issue = {
    ...generateIssue({ pages: 2, fragmentsPerPage: 12, articles: 0, placedShare: 0, seed: 3 }),
    id: 'crash-test',
    title: '崩溃恢复测试',
  };
  await writeFile(path.join(tmp, 'crash.galley.json'), JSON.stringify(issue));
  let host: HostProcess | null = await startHostProcess({ root: tmp, userDataDir });
  try {
    await page.goto(host.url);
    await host.call('/__test/dialog', { channel: 'dialog.openIssue', answer: 'crash.galley.json' });
    await page.getByTestId('btn-open').click();
    await expect(page.getByTestId('page-frag-p1.1')).toBeVisible();

    // Three changes: a new article, a move into it, a second article.
    await sendTo(page, 'p1.1', 'Control+n');
    await expect(page.getByTestId('article-1')).toBeVisible();
    await sendTo(page, 'p1.2', 'Control+1');
    await sendTo(page, 'p1.3', 'Control+n');
    await expect(page.getByTestId('article-2')).toBeVisible();
    await expect.poll(() => items(page, 1)).toEqual(['p1.1', 'p1.2']);
    await page.waitForTimeout(1300);
    await expect(page.getByTestId('autosaved')).toBeVisible();

    // Further editing, and the host dies in the middle of it (no chance to flush anything).
    await sendTo(page, 'p1.4', 'Control+2');
    await sendTo(page, 'p1.5', 'Control+1');
    const exited = new Promise((r) => host!.child.once('exit', r));
    host.child.kill('SIGKILL');
    await exited;
    host = null;

    // One session: its steps file and the base document it needs.
    const files = await readdir(path.join(userDataDir, 'recovery'));
    expect(files.filter((n) => !/--base\d+\./.test(n))).toHaveLength(1);
    expect(files.filter((n) => /--base\d+\./.test(n))).toHaveLength(1);
    host = await startHostProcess({ root: tmp, userDataDir });
    await page.goto(host.url);
    const dialog = page.getByTestId('recovery-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('崩溃恢复测试');
    await expect(dialog).toContainText('crash.galley.json');

    // Compare against the saved file: it has no articles; the recovery has two.
    await dialog.getByTestId('recovery-compare').click();
    await expect(dialog.getByTestId('recovery-diff')).toContainText('0 → 2');

    await dialog.getByTestId('recovery-restore').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('article-2')).toBeVisible();
    const a1 = await items(page, 1);
    const a2 = await items(page, 2);
    expect(a1.slice(0, 2)).toEqual(['p1.1', 'p1.2']);
    expect(a2[0]).toBe('p1.3');
    await expect(page.getByTestId('save-state')).toHaveClass(/unsaved/);

    // The undo history came back too: undo walks back to the saved file (no articles), redo steps forward again.
    const undo = page.getByTestId('btn-undo');
    for (let i = 0; i < 10 && (await undo.isEnabled()); i++) await undo.click();
    await expect(undo).toBeDisabled();
    await expect(page.getByTestId('article-1')).toHaveCount(0);
    await page.getByTestId('btn-redo').click();
    await expect.poll(() => items(page, 1)).toEqual(['p1.1']);
  } finally {
    await host?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
});

test('a restored session survives the next kill: Restore works again and gives back the changes made after the first', async ({
  page,
}) => {
  test.setTimeout(300_000); // three host process starts (tsx), each up to a minute on a loaded machine
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-crash2-'));
  const userDataDir = path.join(tmp, '.user-data');
  await mkdir(userDataDir, { recursive: true });
  const issue = {
    ...generateIssue({ pages: 2, fragmentsPerPage: 12, articles: 0, placedShare: 0, seed: 3 }),
    id: 'crash-twice',
    title: '再次崩溃',
  };
  await writeFile(path.join(tmp, 'crash.galley.json'), JSON.stringify(issue));
  let host: HostProcess | null = null;
  const kill = async () => {
    const exited = new Promise((r) => host!.child.once('exit', r));
    host!.child.kill('SIGKILL');
    await exited;
    host = null;
  };
  const restart = async () => {
    host = await startHostProcess({ root: tmp, userDataDir });
    await page.goto(host.url);
    const dialog = page.getByTestId('recovery-dialog');
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await dialog.getByTestId('recovery-restore').click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
  };
  /** The unsaved changes the session's steps file holds (its header line), once it exists. */
  const autosavedChanges = async () => {
    const dir = path.join(userDataDir, 'recovery');
    const steps = (await readdir(dir).catch(() => [] as string[])).find((n) => !/--base\d+\./.test(n));
    if (!steps) return -1;
    return Number(/"changes":(\d+)/.exec(await readFile(path.join(dir, steps), 'utf8'))?.[1] ?? -1);
  };
  const sessionFiles = async () => {
    const files = await readdir(path.join(userDataDir, 'recovery'));
    return {
      steps: files.filter((n) => !/--base\d+\./.test(n)).length,
      bases: files.filter((n) => /--base\d+\./.test(n)).length,
    };
  };
  try {
    host = await startHostProcess({ root: tmp, userDataDir });
    await page.goto(host.url);
    await host.call('/__test/dialog', { channel: 'dialog.openIssue', answer: 'crash.galley.json' });
    await page.getByTestId('btn-open').click();
    await expect(page.getByTestId('page-frag-p1.1')).toBeVisible();
    await sendTo(page, 'p1.1', 'Control+n');
    await expect(page.getByTestId('article-1')).toBeVisible();
    await expect.poll(autosavedChanges, { timeout: 30_000 }).toBe(1);
    await kill();

    await restart();
    await expect.poll(() => items(page, 1)).toEqual(['p1.1']);
    // Changed after the Restore, autosaved, then killed again.
    await sendTo(page, 'p1.2', 'Control+1');
    await expect.poll(() => items(page, 1)).toEqual(['p1.1', 'p1.2']);
    await expect.poll(autosavedChanges, { timeout: 30_000 }).toBe(2);
    // One session with one base once the previous base is removed (the failure this guards against: none, the new one removed).
    await expect.poll(sessionFiles, { timeout: 10_000 }).toEqual({ steps: 1, bases: 1 });
    await kill();

    await restart();
    await expect.poll(() => items(page, 1)).toEqual(['p1.1', 'p1.2']);
    await expect(page.getByTestId('save-state')).toHaveClass(/unsaved/);
  } finally {
    await (host as HostProcess | null)?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
});
