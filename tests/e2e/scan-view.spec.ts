import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { sampleNewspaperPdf } from '../shared/import/make-pdf';

/**
 * The scan view through the real browser host: a PDF with a Chinese and Latin text layer at known positions is
 * imported through the UI (dialog queue); the host renders its page image. The page pane toggles to the scan
 * (key V), every fragment's region is outlined in its article's colour, clicking a region selects the fragment
 * (the board shows it selected) and selecting in the board highlights the region.
 */

/** Fragment ids of the page pane with their text, in source order. */
async function pageFragments(page: Page): Promise<{ id: string; text: string }[]> {
  return page
    .getByTestId('page-pane')
    .locator('[data-fragment-id]')
    .evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-fragment-id')!,
        text: e.querySelector('.frag-text')?.textContent ?? '',
      })),
    );
}

const idOf = (frags: { id: string; text: string }[], part: string) => {
  const f = frags.find((x) => x.text.includes(part));
  if (!f) throw new Error(`no fragment with "${part}" in ${JSON.stringify(frags)}`);
  return f.id;
};

test('import a PDF, see its scan with regions, select by clicking a region and from the board', async ({
  appPage: page,
  host,
}) => {
  await writeFile(path.join(host.tmpDir, 'news.pdf'), sampleNewspaperPdf());
  await host.queueDialog('dialog.importPages', ['news.pdf']);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('btn-import').click();
  // The host renders the page image with pdf.js: slower than a text import on a busy machine.
  await expect(page.getByTestId('page-pane').getByText('管家上门帮企业招工')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('lang-zh').click();

  const frags = await pageFragments(page);
  const headline = idOf(frags, '管家上门帮企业招工');
  const left = idOf(frags, '循着轰隆隆的机器声');
  const right = idOf(frags, '生产任务已排到下半年');
  const folio = idOf(frags, 'Page 2');

  // Two articles: the headline with the left column, and the right column; the folio stays in the pool.
  await page.getByTestId(`page-frag-${headline}`).click();
  await page.getByTestId(`page-frag-${left}`).click({ modifiers: ['Control'] });
  await page.getByTestId('new-article').click();
  await expect(page.getByTestId('article-1')).toBeVisible();
  await page.getByTestId(`page-frag-${right}`).click();
  await page.getByTestId('new-article').click();
  await expect(page.getByTestId('article-2')).toBeVisible();

  // A wider page pane (keyboard on the splitter) for a readable scan.
  const splitter = page.getByRole('separator', { name: '版面' });
  await splitter.focus();
  for (let i = 0; i < 15; i++) await splitter.press('ArrowRight');

  // V: the scan replaces the text list.
  await page.getByTestId('page-pane').focus();
  await page.keyboard.press('v');
  const scan = page.getByTestId('page-scan');
  await expect(scan).toBeVisible();
  await expect(page.getByTestId('page-pane')).toBeHidden();
  const img = scan.locator('img');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(300);
  // Every fragment has a region; each lies on the image, where the PDF put its text.
  const regions = scan.locator('.scan-region');
  await expect(regions).toHaveCount(frags.length);
  const surface = (await scan.getByTestId('scan-surface').boundingBox())!;
  const boxOf = async (id: string) => (await scan.locator(`[data-fragment-id="${id}"]`).boundingBox())!;
  const head = await boxOf(headline),
    r = await boxOf(right),
    l = await boxOf(left),
    f = await boxOf(folio);
  expect(head.y).toBeLessThan(l.y);
  expect(l.x + l.width).toBeLessThan(r.x);
  expect(f.y).toBeGreaterThan(surface.y + surface.height * 0.8);
  // Article colours and numbers; the pool is dashed.
  await expect(scan.locator(`[data-fragment-id="${right}"]`)).toContainText('2');
  expect(
    await scan.locator(`[data-fragment-id="${folio}"]`).evaluate((el) => getComputedStyle(el).borderTopStyle),
  ).toBe('dashed');

  // The scan shows through every region, selected or not (a translucent tint, never an opaque fill).
  const alpha = (id: string) =>
    scan.locator(`[data-fragment-id="${id}"]`).evaluate((el) => {
      const m = /rgba?\(([^)]+)\)|color\(srgb ([^)]+)\)/.exec(getComputedStyle(el).backgroundColor);
      const parts = (m?.[1] ?? m?.[2] ?? '')
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return parts.length === 4 ? parts[3] : 1;
    });
  expect(await alpha(headline)).toBeLessThan(0.5);

  // Click a region: its fragment is selected (the board shows it).
  await scan.locator(`[data-fragment-id="${right}"]`).click();
  await expect(scan.locator(`[data-fragment-id="${right}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId(`item-${right}`)).toHaveClass(/is-selected/);

  // Select in the board: the region follows.
  await page.getByTestId(`item-${headline}`).click();
  await expect(scan.locator(`[data-fragment-id="${headline}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(scan.locator(`[data-fragment-id="${right}"]`)).toHaveAttribute('aria-pressed', 'false');
  expect(await alpha(headline)).toBeLessThan(0.5);

  // Zoom with the keyboard inside the scan, back to fit with 0.
  const before = surface.width;
  await scan.locator(`[data-fragment-id="${headline}"]`).focus();
  await page.keyboard.press('+');
  await expect
    .poll(async () => (await scan.getByTestId('scan-surface').boundingBox())!.width)
    .toBeGreaterThan(before * 1.2);
  await page.keyboard.press('0');
  await expect.poll(async () => (await scan.getByTestId('scan-surface').boundingBox())!.width).toBeCloseTo(before, 0);

  await page.screenshot({ path: 'tests/artifacts/scan-view.png' });

  // Shift+V: text and scan side by side; the selected row and region both show.
  await page.getByTestId(`item-${left}`).click();
  await page.keyboard.press('Shift+V');
  await expect(page.getByTestId('page-pane')).toBeVisible();
  await expect(scan).toBeVisible();
  await expect(page.getByTestId(`page-frag-${left}`)).toHaveClass(/is-selected/);
  await expect(scan.locator(`[data-fragment-id="${left}"]`)).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'tests/artifacts/scan-view-side-by-side.png' });
});
