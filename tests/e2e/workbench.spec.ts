import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { LINGFENG_IDS, blockOf, fragmentIdOf } from './pages/sample-facts';

/**
 * The main flow with the mouse, through the real browser host: import the sample page, build the 灵峰社区
 * article by real drags (native HTML5 drag and drop), join the cut paragraph, split a fragment, fix an OCR error
 * in Monaco, undo/redo across a drag and the edit, save, reload, reopen, and check the file on disk.
 */
test('build an article by dragging, edit in Monaco, undo/redo, save and reopen identical', async ({
  appPage,
  host,
}) => {
  const page = appPage;
  const wb = new Workbench(page, host);
  await wb.importSample();
  await page.getByTestId('lang-zh').click();

  // The article: kicker selected, then dropped on the new-article zone.
  const [kicker, headline, ...rest] = LINGFENG_IDS;
  await wb.drag(wb.pageRow(kicker), page.getByTestId('new-article'));
  await expect(wb.article(1)).toBeVisible();
  await expect.poll(() => wb.articleItems(1)).toEqual([kicker]);

  // Rename in place so the history reads "… 灵峰社区…".
  await wb.article(1).getByTestId('article-title').click();
  const input = wb.article(1).getByTestId('article-title-input');
  await input.fill('灵峰社区"管家"上门帮企业');
  await input.press('Enter');
  await expect(wb.article(1).getByTestId('article-title')).toHaveText('灵峰社区"管家"上门帮企业');

  // One by one below the previous one (the drop line at the lower edge).
  let last = kicker;
  for (const id of [headline, rest[0]]) {
    await wb.drag(await wb.revealPageRow(id), wb.item(last), 0.85);
    await expect(wb.item(id)).toBeVisible();
    last = id;
  }
  // Several at once: select four with click + shift-click, drag them together (one undo step).
  await (await wb.revealPageRow(rest[1])).click();
  await (await wb.revealPageRow(rest[4])).click({ modifiers: ['Shift'] });
  await wb.drag(wb.pageRow(rest[1]), wb.item(last), 0.85);
  await expect(page.getByTestId('btn-undo')).toHaveAttribute('title', /4 个片段移至 灵峰社区/);
  last = rest[4];
  // The continuation 21 blocks later, then the next two; dropped at the top edge of nothing: below the last.
  for (const id of rest.slice(5, 9)) {
    await wb.item(last).scrollIntoViewIfNeeded();
    await wb.drag(await wb.revealPageRow(id), wb.item(last), 0.85);
    await expect(wb.item(id)).toBeVisible();
    last = id;
  }
  // Dropping above a row lands exactly there: the last one goes above its predecessor, then back down.
  const beforeLast = rest[8];
  const lastOne = rest[9];
  await wb.drag(await wb.revealPageRow(lastOne), wb.item(beforeLast), 0.1);
  await expect.poll(async () => (await wb.articleItems(1)).slice(-2)).toEqual([lastOne, beforeLast]);
  await wb.drag(wb.item(lastOne), wb.item(beforeLast), 0.85);
  await expect.poll(() => wb.articleItems(1)).toEqual(LINGFENG_IDS);

  // Join `…排到下半年,六` + `成以上的一线工人…` into one paragraph.
  const cont = fragmentIdOf('成以上的一线工人');
  await wb.item(cont).hover();
  await page.getByTestId(`join-${cont}`).click();
  await expect(wb.item(cont)).toHaveAttribute('data-join', 'true');
  await expect(page.getByTestId(`seam-${cont}`)).toBeVisible();

  // Split a fragment at the caret in Monaco (after its first sentence).
  const splitId = fragmentIdOf('员工乐业');
  const firstSentence = '员工乐业,企业才能安心发展。';
  await (await wb.revealPageRow(splitId)).click();
  const editor = page.getByTestId('editor').locator('.monaco-editor');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < firstSentence.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('editor-fragment')).not.toContainText(splitId);
  await expect(wb.pageRow(splitId)).toContainText(firstSentence);
  await expect(wb.pageRow(splitId)).not.toContainText('史孟艳的笔记本');

  // Fix 人职 → 入职 in Monaco.
  const typoId = fragmentIdOf('为让员工更有归属感');
  const at = blockOf(typoId).indexOf('人职');
  expect(at).toBeGreaterThan(0);
  await (await wb.revealPageRow(typoId)).click();
  await expect(page.getByTestId('editor-fragment')).toContainText(typoId);
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('入');
  await expect(page.getByTestId('fragment-diff').locator('del')).toHaveText('人');
  await expect(page.getByTestId('fragment-diff').locator('ins')).toHaveText('入');
  await expect(wb.pageRow(typoId)).toContainText('入职第一课');

  // A drag after the edit, then undo both, redo both.
  const extra = fragmentIdOf('策划,企业怎么发动');
  await wb.drag(await wb.revealPageRow(extra), page.getByTestId('tray-discard'));
  await expect(page.getByTestId(`page-frag-${extra}`)).toHaveClass(/is-discarded/);
  await page.getByTestId('btn-undo').click();
  await expect(page.getByTestId(`page-frag-${extra}`)).not.toHaveClass(/is-discarded/);
  await page.keyboard.press('Control+z');
  await expect(await wb.revealPageRow(typoId)).toContainText('人职第一课');
  await page.keyboard.press('Control+Shift+Z');
  await expect(await wb.revealPageRow(typoId)).toContainText('入职第一课');
  await page.keyboard.press('Control+y');
  await expect(await wb.revealPageRow(extra)).toHaveClass(/is-discarded/);
  await page.getByTestId('btn-undo').click(); // leave the discard undone: the article is the point
  await expect(await wb.revealPageRow(extra)).not.toHaveClass(/is-discarded/);

  // Save (Save As dialog answered by the test), then reload and reopen.
  await host.queueDialog('dialog.saveIssueAs', 'lingfeng.galley.json');
  await page.getByTestId('btn-save').click();
  await expect(page.getByTestId('save-state')).toHaveClass(/saved/);
  const boardBefore = await wb.articleItems(1);
  const coverageBefore = await wb.coverage();

  await wb.recoveryCleared();
  await page.reload();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await host.queueDialog('dialog.openIssue', 'lingfeng.galley.json');
  await page.getByTestId('btn-open').click();
  await expect(wb.article(1)).toBeVisible();
  await expect.poll(() => wb.articleItems(1)).toEqual(boardBefore);
  await expect.poll(() => wb.coverage()).toBe(coverageBefore);
  await expect(wb.item(cont)).toHaveAttribute('data-join', 'true');

  // Save again under another name: the reopened issue writes back byte-identical JSON.
  await host.queueDialog('dialog.saveIssueAs', 'again.galley.json');
  await page.keyboard.press('Control+Shift+S');
  // The reopened document is already clean, so the save state cannot tell when Save As is done: the file can.
  await expect
    .poll(() =>
      readFile(path.join(host.tmpDir, 'again.galley.json'), 'utf8').then(
        () => true,
        () => false,
      ),
    )
    .toBe(true);
  const first = await readFile(path.join(host.tmpDir, 'lingfeng.galley.json'), 'utf8');
  const again = await readFile(path.join(host.tmpDir, 'again.galley.json'), 'utf8');
  expect(JSON.parse(again)).toEqual(JSON.parse(first));

  // The file on disk, read with Node, has the structure built above.
  const doc = JSON.parse(first) as {
    articles: { title?: string; items: { id: string; join: boolean }[] }[];
    pages: { fragments: { id: string; text: string }[] }[];
    pool: string[];
    discarded: string[];
  };
  expect(doc.articles).toHaveLength(1);
  expect(doc.articles[0].title).toBe('灵峰社区"管家"上门帮企业');
  expect(doc.articles[0].items.map((i) => i.id)).toEqual(LINGFENG_IDS);
  expect(doc.articles[0].items.filter((i) => i.join).map((i) => i.id)).toEqual([cont]);
  const frags = new Map(doc.pages[0].fragments.map((f) => [f.id, f.text]));
  expect(frags.get(typoId)).toContain('入职第一课');
  expect(frags.get(splitId)).toBe(firstSentence);
  expect(doc.pages[0].fragments).toHaveLength(115);
  expect(doc.discarded).toEqual([]);
  expect(doc.pool).toHaveLength(115 - 12);
});
