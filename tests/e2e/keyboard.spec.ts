import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { LINGFENG_IDS, blockOf, fragmentIdOf } from './pages/sample-facts';
import { SAMPLE_PAGE } from '../support/paths';

/** The same flow as workbench.spec.ts with the keyboard only: no click, no drag. */

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test('keyboard only: import, build the article, join, reorder, split, fix 人职, undo/redo, save, reopen', async ({
  appPage,
  host,
}) => {
  const page = appPage;
  const wb = new Workbench(page, host);
  await copyFile(SAMPLE_PAGE, path.join(host.tmpDir, 'p2.txt'));
  await host.queueDialog('dialog.importPages', ['p2.txt']);
  await expect(page.getByTestId('welcome')).toBeVisible(); // the app is mounted and listens for keys
  await press(page, 'Control+i');
  await expect(wb.pageRow('p1.1')).toHaveAttribute('aria-selected', 'true');

  // The palette lists every command with its shortcut, searchable; `?` shows the key map.
  await press(page, 'Control+k');
  await expect(page.getByTestId('palette')).toBeVisible();
  await page.keyboard.type('join');
  await expect(page.getByTestId('palette').locator('[data-command="fragment.join"] kbd')).toHaveText('Ctrl+J');
  await press(page, 'Escape');
  await expect(page.getByTestId('palette')).toBeHidden();
  await press(page, '?');
  await expect(page.getByTestId('help')).toContainText('Alt+↑');
  await press(page, 'Escape');
  await expect(page.getByTestId('help')).toBeHidden();

  // Kicker … `…排到下半年,六`: Shift+↓ seven times, Ctrl+N.
  await press(page, 'Alt+1');
  await press(page, 'Shift+ArrowDown', 7);
  await press(page, 'Control+n');
  await expect(wb.article(1)).toBeVisible();
  await expect.poll(() => wb.articleItems(1)).toEqual(LINGFENG_IDS.slice(0, 8));

  // Down to `成以上的一线工人…`, extend over the next three, Ctrl+1 sends them to the end of article 1.
  const cont = fragmentIdOf('成以上的一线工人');
  const gap = Number(cont.split('.')[1]) - Number(LINGFENG_IDS[7].split('.')[1]);
  await press(page, 'ArrowDown', gap);
  await expect(wb.pageRow(cont)).toHaveAttribute('aria-selected', 'true');
  await press(page, 'Shift+ArrowDown', 3);
  await press(page, 'Control+1');
  await expect.poll(() => wb.articleItems(1)).toEqual(LINGFENG_IDS);

  // Join the continuation to `…六`.
  await press(page, 'ArrowUp', 3);
  await press(page, 'Control+j');
  await expect(wb.item(cont)).toHaveAttribute('data-join', 'true');

  // Alt+↑ / Alt+↓ reorder inside the article.
  const lastId = LINGFENG_IDS[11];
  await press(page, 'ArrowDown', 3);
  await press(page, 'Alt+ArrowUp');
  await expect.poll(async () => (await wb.articleItems(1)).slice(-2)).toEqual([lastId, LINGFENG_IDS[10]]);
  await press(page, 'Alt+ArrowDown');
  await expect.poll(() => wb.articleItems(1)).toEqual(LINGFENG_IDS);

  // Split `员工乐业,企业才能安心发展。|在史孟艳的…` in the editor: Enter opens it, Ctrl+Enter splits at the caret.
  const splitId = fragmentIdOf('员工乐业');
  const firstSentence = '员工乐业,企业才能安心发展。';
  await press(page, 'ArrowDown', Number(splitId.split('.')[1]) - Number(lastId.split('.')[1]));
  await expect(wb.pageRow(splitId)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('editor').locator('.monaco-editor')).toBeVisible();
  await press(page, 'Enter');
  await expect(page.getByTestId('editor').locator('.monaco-editor')).toHaveClass(/focused/);
  await press(page, 'Control+Home');
  await press(page, 'ArrowRight', firstSentence.length);
  await press(page, 'Control+Enter');
  await expect(page.getByTestId('editor-fragment')).not.toContainText(splitId);
  await expect(await wb.revealPageRow(splitId)).not.toContainText('史孟艳的笔记本');

  // Back to the page (Alt+1), up to the fragment with 人职, fix it in the editor.
  const typoId = fragmentIdOf('为让员工更有归属感');
  await press(page, 'Alt+1');
  await press(page, 'ArrowUp', 2);
  await expect(wb.pageRow(typoId)).toHaveAttribute('aria-selected', 'true');
  await press(page, 'Enter');
  await press(page, 'Control+Home');
  await press(page, 'ArrowRight', blockOf(typoId).indexOf('人职'));
  await press(page, 'Shift+ArrowRight');
  await page.keyboard.type('入');
  await expect(page.getByTestId('fragment-diff').locator('ins')).toHaveText('入');
  // Inside Monaco, Ctrl+Z / Ctrl+Shift+Z walk the app history (one stack with the structure), not Monaco's own.
  await expect(page.getByTestId('btn-undo')).toHaveAttribute('title', /Edit text|修改文字/);
  await press(page, 'Control+z');
  await expect(wb.pageRow(typoId)).toContainText('人职第一课');
  await expect(page.getByTestId('btn-undo')).toHaveAttribute('title', /Split|拆分/);
  await press(page, 'Control+Shift+Z');
  await expect(wb.pageRow(typoId)).toContainText('入职第一课');

  // A structural step after the edit (Delete discards), then undo both and redo both.
  await press(page, 'Alt+1');
  await press(page, 'Delete');
  await expect(wb.pageRow(typoId)).toHaveClass(/is-discarded/);
  await press(page, 'Control+z');
  await expect(wb.pageRow(typoId)).not.toHaveClass(/is-discarded/);
  await press(page, 'Control+z');
  await expect(wb.pageRow(typoId)).toContainText('人职第一课');
  await press(page, 'Control+Shift+Z');
  await expect(wb.pageRow(typoId)).toContainText('入职第一课');
  await press(page, 'Control+y');
  await expect(wb.pageRow(typoId)).toHaveClass(/is-discarded/);
  await press(page, 'Backspace'); // back to the pool: a fragment is never lost
  await expect(wb.pageRow(typoId)).toHaveClass(/in-pool/);

  // Save with Ctrl+S, reload, reopen with Ctrl+O.
  await host.queueDialog('dialog.saveIssueAs', 'keys.galley.json');
  await press(page, 'Control+s');
  await expect(page.getByTestId('save-state')).toHaveClass(/saved/);
  const before = await wb.articleItems(1);
  await wb.recoveryCleared();
  await page.reload();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await host.queueDialog('dialog.openIssue', 'keys.galley.json');
  await press(page, 'Control+o');
  await expect(wb.article(1)).toBeVisible();
  await expect.poll(() => wb.articleItems(1)).toEqual(before);
  await expect(wb.item(cont)).toHaveAttribute('data-join', 'true');

  const doc = JSON.parse(await readFile(path.join(host.tmpDir, 'keys.galley.json'), 'utf8')) as {
    articles: { items: { id: string; join: boolean }[] }[];
    pages: { fragments: { id: string; text: string }[] }[];
    pool: string[];
    discarded: string[];
  };
  expect(doc.articles[0].items.map((i) => i.id)).toEqual(LINGFENG_IDS);
  expect(doc.articles[0].items.filter((i) => i.join).map((i) => i.id)).toEqual([cont]);
  const frags = new Map(doc.pages[0].fragments.map((f) => [f.id, f.text]));
  expect(frags.get(typoId)).toContain('入职第一课');
  expect(frags.get(splitId)).toBe(firstSentence);
  expect(doc.pool).toContain(typoId);
  expect(doc.discarded).toEqual([]);
});
