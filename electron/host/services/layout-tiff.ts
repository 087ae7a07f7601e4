import { crc32, deflateSync } from 'node:zlib';
import UTIF from 'utif2';

/**
 * TIFF scans (library masters are usually TIFF) → a PNG a browser can show, in the main process: decoded with
 * utif2 (pure JS, MIT, via pako), reduced to grey when the scan is grey, and shrunk by whole-pixel averaging to
 * at most `maxWidth` so that the scan can travel inside the issue. Boxes do not care: they live in `page.size`.
 */
export interface TiffToPngResult {
  png: Uint8Array;
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
}

// A static import, so that vite bundles utif2 into the main bundle: the packaged app has no node_modules, and a
// run-time require('utif2') would fail there (scripts/package-smoke.mjs checks for such requires).

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** PNG from 8-bit grey (channels 1) or RGB (channels 3) rows, filter "Up" (good for scans). */
export function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3): Uint8Array {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    raw[o] = 2;
    for (let i = 0; i < stride; i++) {
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      raw[o + 1 + i] = (pixels[y * stride + i] - up) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 1 ? 0 : 2;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      sig,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, { level: 6 })),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

export function tiffToPng(bytes: Uint8Array, maxWidth = 2400): TiffToPngResult {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(buf);
  const ifd = ifds.find((i) => Number(i.t256 ?? 0) > 0) ?? ifds[0];
  if (!ifd) throw new Error('the TIFF file holds no image');
  UTIF.decodeImage(buf, ifd);
  const rgba = UTIF.toRGBA8(ifd);
  const w = ifd.width,
    h = ifd.height;
  if (!w || !h || rgba.length < w * h * 4) throw new Error('the TIFF image could not be decoded');
  let grey = true;
  for (let i = 0; i < rgba.length && grey; i += 4) grey = rgba[i] === rgba[i + 1] && rgba[i] === rgba[i + 2];
  const channels: 1 | 3 = grey ? 1 : 3;
  const k = Math.max(1, Math.ceil(w / maxWidth));
  const ow = Math.ceil(w / k),
    oh = Math.ceil(h / k);
  const out = new Uint8Array(ow * oh * channels);
  // Average each k×k cell (a box filter): enough for reading a scan, and no dependency.
  for (let oy = 0; oy < oh; oy++) {
    const y1 = Math.min(h, (oy + 1) * k);
    for (let ox = 0; ox < ow; ox++) {
      const x1 = Math.min(w, (ox + 1) * k);
      let r = 0,
        g = 0,
        b = 0,
        n = 0;
      for (let y = oy * k; y < y1; y++) {
        for (let p = (y * w + ox * k) * 4, end = (y * w + x1) * 4; p < end; p += 4) {
          r += rgba[p];
          g += rgba[p + 1];
          b += rgba[p + 2];
          n++;
        }
      }
      const o = (oy * ow + ox) * channels;
      if (channels === 1) out[o] = Math.round(r / n);
      else {
        out[o] = Math.round(r / n);
        out[o + 1] = Math.round(g / n);
        out[o + 2] = Math.round(b / n);
      }
    }
  }
  return { png: encodePng(out, ow, oh, channels), width: ow, height: oh, sourceWidth: w, sourceHeight: h };
}
