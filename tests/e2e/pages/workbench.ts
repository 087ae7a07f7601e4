import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { HostFixture } from '../../support/fixtures';
import { SAMPLE_PAGE } from '../../support/paths';

/**
 * Page object of the workbench, shared by the web and Electron specs: stable test ids, real mouse and keyboard.
 * Virtualized lists render only what is in view, so row helpers scroll their pane until the row exists.
 */
export class Workbench {
  constructor(
    readonly page: Page,
    readonly host: HostFixture,
  ) {}

  get pagePane(): Locator {
    return this.page.getByTestId('page-pane');
  }
  get board(): Locator {
    return this.page.getByTestId('board');
  }
  get statusBar(): Locator {
    return this.page.getByTestId('statusbar');
  }
  article(n: number): Locator {
    return this.page.getByTestId(`article-${n}`);
  }
  item(id: string): Locator {
    return this.page.getByTestId(`item-${id}`);
  }
  /** Fragment ids of article n, in board order. */
  async articleItems(n: number): Promise<string[]> {
    return this.article(n)
      .locator('[data-fragment-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-fragment-id')!));
  }

  /** Copies the sample page into the test folder and imports it with the toolbar button. */
  async importSample(name = 'p2.txt'): Promise<void> {
    await copyFile(SAMPLE_PAGE, path.join(this.host.tmpDir, name));
    await this.host.queueDialog('dialog.importPages', [name]);
    await this.page.getByTestId('btn-import').click();
    await expect(this.pageRow('p1.1')).toBeVisible();
  }

  /** A row of the page pane, scrolled into view (the list is virtualized). */
  pageRow(id: string): Locator {
    return this.page.getByTestId(`page-frag-${id}`);
  }

  async revealPageRow(id: string): Promise<Locator> {
    return this.reveal(this.pagePane, this.pageRow(id));
  }

  /** A fragment's row on the board, its card scrolled into view (the board is virtualized by card). */
  async revealBoardItem(id: string): Promise<Locator> {
    return this.reveal(this.board, this.item(id));
  }

  /** Scrolls a virtualized pane from the top, a screen at a time, until the row is rendered; then into view. */
  private async reveal(pane: Locator, row: Locator): Promise<Locator> {
    if (!(await row.count())) {
      await pane.evaluate((el) => {
        el.scrollTop = 0;
      });
      // The virtualized list renders the rows of the new scroll position on its next frame.
      await expect
        .poll(() => row.count(), { timeout: 300 })
        .toBeGreaterThan(0)
        .catch(() => undefined);
    }
    for (let i = 0; i < 80 && !(await row.count()); i++) {
      await pane.evaluate((el) => {
        el.scrollTop += el.clientHeight * 0.8;
      });
      await this.page.waitForTimeout(30);
    }
    await row.scrollIntoViewIfNeeded();
    return row;
  }

  /**
   * A real mouse drag (native HTML5 drag and drop, as pragmatic-dnd uses): press on the source, move in steps,
   * hover the target at the given vertical fraction (0 = top edge, 1 = bottom edge), release.
   */
  async drag(source: Locator, target: Locator, at = 0.5): Promise<void> {
    // Scroll first, never between press and release: Chromium takes the drag source from under the pointer when
    // the drag starts, so a scroll after the press would drag another row. The target is centred in its pane
    // (near an edge, auto-scroll would move it away under the pointer).
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await source.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    const a = await source.boundingBox();
    if (!a) throw new Error('drag source not visible');
    await this.page.mouse.move(a.x + Math.min(40, a.width / 2), a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(a.x + Math.min(40, a.width / 2) + 30, a.y + a.height / 2 + 10, { steps: 5 });
    // The target is measured once the drag has started, and again until it stops moving: the dragged row may fold
    // away in its list a frame or two later and move the rows below it (a row dragged onto its neighbour below),
    // so a box taken too early points past the target (in CI it pointed at the new-article zone).
    const dropPoint = (box: { x: number; y: number; width: number; height: number }) => ({
      x: box.x + Math.min(120, box.width / 2),
      y: box.y + Math.max(2, Math.min(box.height - 2, box.height * at)),
    });
    let b = await this.settledBox(target);
    for (let i = 0; i < 5; i++) {
      const p = dropPoint(b);
      await this.page.mouse.move(p.x, p.y, { steps: 8 });
      const again = await this.settledBox(target);
      if (again.x === b.x && again.y === b.y && again.height === b.height) break;
      b = again;
    }
    const { x, y } = dropPoint(b);
    await this.page.mouse.move(x, y + (at < 0.5 ? -1 : 1), { steps: 2 });
    // GALLEY_DEBUG_DRAG=1 keeps a picture of each drop position (the drop line) in tests/artifacts/.
    if (process.env.GALLEY_DEBUG_DRAG) await this.page.screenshot({ path: `tests/artifacts/drag-${Date.now()}.png` });
    await this.page.mouse.up();
  }

  /** The box of `target` after two animation frames, so layout changes started by the last event have landed. */
  private async settledBox(target: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    await this.page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    );
    const b = await target.boundingBox();
    if (!b) throw new Error('drag target not visible');
    return b;
  }

  /**
   * After a save the autosave's recovery file is discarded (asynchronously): wait until the host lists none, so a
   * reload right after the save does not race the discard.
   */
  async recoveryCleared(): Promise<void> {
    await expect
      .poll(
        () =>
          this.page.evaluate(() =>
            (window as unknown as { host: { invoke(c: string, i: unknown): Promise<unknown[]> } }).host
              .invoke('recovery.list', {})
              .then((l) => l.length),
          ),
        { timeout: 10_000 },
      )
      .toBe(0);
  }

  async coverage(): Promise<string> {
    return (await this.page.getByTestId('coverage').textContent()) ?? '';
  }
}
