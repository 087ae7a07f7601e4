import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import type * as UtifTypes from 'utif2';
import { tiffToPng } from '../../../../electron/host/services/layout-tiff';
import { importPageFiles } from '../../../../electron/host/services/page-files';
import { imageInfo } from '../../../../shared/import/image';

const UTIF = createRequire(import.meta.url)('utif2') as typeof UtifTypes;

/** An uncompressed RGBA TIFF from a pixel function. */
function tiff(w: number, h: number, px: (x: number, y: number) => [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = px(x, y);
      rgba.set([r, g, b, 255], (y * w + x) * 4);
    }
  return new Uint8Array(UTIF.encodeImage(rgba, w, h));
}

/** Pixels back from a PNG written with filter Up (what tiffToPng writes). */
function pngPixels(png: Uint8Array): { w: number; h: number; channels: number; data: Uint8Array } {
  const b = Buffer.from(png);
  const w = b.readUInt32BE(16),
    h = b.readUInt32BE(20),
    channels = b[25] === 0 ? 1 : 3;
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length;) {
    const len = b.readUInt32BE(o),
      type = b.toString('latin1', o + 4, o + 8);
    if (type === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = w * channels,
    data = new Uint8Array(stride * h);
  for (let y = 0; y < h; y++) {
    expect(raw[y * (stride + 1)]).toBe(2);
    for (let i = 0; i < stride; i++)
      data[y * stride + i] = (raw[y * (stride + 1) + 1 + i] + (y ? data[(y - 1) * stride + i] : 0)) & 0xff;
  }
  return { w, h, channels, data };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'galley-tiff-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('TIFF scans (utif2) become PNG', () => {
  it('grey scans stay grey with their exact pixels', () => {
    const r = tiffToPng(
      tiff(4, 2, (x, y) => {
        const v = 10 * x + 100 * y;
        return [v, v, v];
      }),
    );
    expect([r.width, r.height]).toEqual([4, 2]);
    expect(pngPixels(r.png)).toEqual({
      w: 4,
      h: 2,
      channels: 1,
      data: new Uint8Array([0, 10, 20, 30, 100, 110, 120, 130]),
    });
  });

  it('colour scans keep RGB; wide scans shrink by averaging whole cells', () => {
    const r = tiffToPng(
      tiff(6, 2, (x) => [x * 40, 0, 255 - x * 40]),
      3,
    );
    const p = pngPixels(r.png);
    expect([p.w, p.h, p.channels]).toEqual([3, 1, 3]);
    // Cells of 2×2: x 0–1 → red 20, x 2–3 → 100, x 4–5 → 180.
    expect([...p.data]).toEqual([20, 0, 235, 100, 0, 155, 180, 0, 75]);
    expect([r.sourceWidth, r.sourceHeight]).toEqual([6, 2]);
  });

  it('importPageFiles attaches a TIFF as a PNG scan with the TIFF size as the page space', async () => {
    const file = path.join(tmp, 'scan.tif');
    await writeFile(
      file,
      tiff(5000, 8, (x) => [x % 256, x % 256, x % 256]),
    );
    const warnings: string[] = [];
    const issue = await importPageFiles([file], { warnings });
    const img = issue.pages[0].image!;
    expect(img.mime).toBe('image/png');
    expect([img.width, img.height]).toEqual([1667, 3]);
    expect(imageInfo(new Uint8Array(Buffer.from(img.src.split(',')[1], 'base64')))).toEqual({
      mime: 'image/png',
      width: 1667,
      height: 3,
    });
    expect(issue.pages[0].size).toEqual({ width: 5000, height: 8 });
    expect(warnings).toEqual([]);
  });
});
