#!/usr/bin/env node
// Draws Galley's icon without any tool or network: a 512×512 PNG (a galley proof: a paper sheet with three text
// columns and a red correction mark), encoded by hand with node:zlib. Run: node build/icons/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const SIZE = Number(process.argv[2] ?? 512);
const px = Buffer.alloc(SIZE * SIZE * 4);
const s = SIZE / 512;

function rect(x0, y0, x1, y1, [r, g, b, a = 255]) {
  for (let y = Math.round(y0 * s); y < Math.round(y1 * s); y++) {
    for (let x = Math.round(x0 * s); x < Math.round(x1 * s); x++) {
      const i = (y * SIZE + x) * 4;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = a;
    }
  }
}
function roundedBackground(radius, color) {
  const R = radius * s;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = Math.max(R - x, x - (SIZE - 1 - R), 0);
      const dy = Math.max(R - y, y - (SIZE - 1 - R), 0);
      if (dx * dx + dy * dy <= R * R) {
        const i = (y * SIZE + x) * 4;
        px[i] = color[0];
        px[i + 1] = color[1];
        px[i + 2] = color[2];
        px[i + 3] = 255;
      }
    }
  }
}

roundedBackground(96, [31, 58, 95]); // deep blue
rect(96, 72, 416, 440, [250, 248, 240]); // the proof sheet
for (const [x0, x1] of [
  [120, 200],
  [216, 296],
  [312, 392],
]) {
  for (let y = 104; y < 410; y += 26) rect(x0, y, x1 - (y % 78 === 0 ? 18 : 0), y + 12, [70, 78, 92]);
}
rect(196, 200, 320, 214, [213, 50, 45]); // a red correction stroke across the columns
rect(306, 190, 320, 262, [213, 50, 45]);

// PNG: signature, IHDR, IDAT (filter byte 0 per row), IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8;
ihdr[9] = 6; // 8-bit RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) px.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
// `NxN.png` is the Linux icon set; `icon.png` (512) is what electron-builder converts to .icns and .ico.
const dir = path.dirname(fileURLToPath(import.meta.url));
for (const name of [`${SIZE}x${SIZE}.png`, ...(SIZE === 512 ? ['icon.png'] : [])]) {
  writeFileSync(path.join(dir, name), png);
  console.log(`wrote ${path.join(dir, name)} (${png.length} bytes)`);
}
