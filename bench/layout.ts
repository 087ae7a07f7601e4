/**
 * Layout import/export figures (`npm run bench layout`, or `tsx bench/layout.ts`): the real BnL METS with three
 * ALTO pages and the BL ALTO 1.4 page, ALTO parse throughput, hostile XML refusal (billion laughs, XXE, 100 MB of
 * nesting), the generated Chinese PDF (text layer + rendering), a TIFF scan to PNG, and the mets-alto / page exports.
 * Goals: a newspaper page (≈ 400 KB ALTO) imports in under 1 s; hostile XML is refused in under 1 s whatever its
 * size. Times are medians of 3 runs; the machine is shared, so read them as orders of magnitude.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageFromAlto } from '../shared/import/alto';
import { parseXml } from '../shared/import/xml-tree';
import { importPageFiles } from '../electron/host/services/page-files';
import { readPdfPart } from '../electron/host/services/layout-import-pdf';
import { exportMetsAlto, exportPageXmlFiles } from '../electron/host/services/layout-export';
import { sampleNewspaperPdf } from '../tests/shared/import/make-pdf';
import { createRequire } from 'node:module';
import type * as UtifTypes from 'utif2';
import { tiffToPng } from '../electron/host/services/layout-tiff';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const real = path.join(root, 'tests/fixtures/real');
const BNL = path.join(real, 'bnl-luxzeit-1858-12-07/2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml');
const BL = path.join(real, 'bl-statesman-1824-02-17/0002647_18240217_mets.xml');

async function med(label: string, fn: () => unknown, goalMs?: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const m = times.sort((a, b) => a - b)[1];
  console.log(
    `${label.padEnd(58)} ${m.toFixed(1).padStart(9)} ms${goalMs ? `  (goal < ${goalMs} ms${m > goalMs ? ', MISSED' : ''})` : ''}`,
  );
  return m;
}

function refuses(xml: string): () => void {
  return () => {
    try {
      parseXml(xml);
    } catch {
      return;
    }
    throw new Error('hostile XML was accepted');
  };
}

const alto = readFileSync(path.join(real, 'bl-statesman-1824-02-17/0002647_18240217_0003.xml'), 'utf8');
const ms = await med(
  `ALTO 1.4 page, ${(alto.length / 1024).toFixed(0)} K chars → page`,
  () => pageFromAlto(alto, { pageId: 'p1' }),
  1000,
);
console.log(
  `${'  ALTO throughput'.padEnd(58)} ${(alto.length / 1024 / 1024 / (ms / 1000)).toFixed(1).padStart(9)} M chars/s`,
);
await med('BnL METS + 3 ALTO pages → issue (files read, articles)', () => importPageFiles([BNL]), 3000);
await med('BL METS + ALTO page 3 → issue', () => importPageFiles([BL]), 1000);

const laughs = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>`;
await med('billion laughs refused', refuses(laughs), 1000);
await med(
  'XXE (SYSTEM file:///etc/passwd) refused',
  refuses('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'),
  1000,
);
const deep = '<a>'.repeat(34_000_000);
await med(`deep nesting, ${(deep.length / 1e6).toFixed(0)} MB, refused`, refuses(deep), 1000);

const pdf = sampleNewspaperPdf();
await med('generated Chinese PDF page: text layer only', () => readPdfPart(pdf, { firstPage: 1, render: false }), 3000);
await med('generated Chinese PDF page: text layer + PNG rendering', () => readPdfPart(pdf, { firstPage: 1 }), 5000);

{
  // A grey newspaper scan of 3,000 × 4,000 px (uncompressed TIFF, 48 MB of RGBA) → PNG at most 2,400 px wide.
  const UTIF = createRequire(import.meta.url)('utif2') as typeof UtifTypes;
  const w = 3000,
    h = 4000,
    rgba = new Uint8Array(w * h * 4);
  // Paper-like grey with pseudo-random grain (xorshift), so the PNG size is not flattered by a pattern.
  let seed = 2463534242;
  for (let i = 0; i < w * h; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const v = 200 + ((seed >>> 0) % 40);
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  const tif = new Uint8Array(UTIF.encodeImage(rgba, w, h));
  let size = 0;
  await med(
    `TIFF scan ${w}×${h} → grey PNG`,
    () => {
      size = tiffToPng(tif).png.length;
    },
    10000,
  );
  console.log(
    `${'  PNG size'.padEnd(58)} ${(size / 1048576).toFixed(1).padStart(9)} MB (grain: close to a worst case)`,
  );
}

const issue = await importPageFiles([BNL]);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'galley-bench-layout-'));
try {
  await med(
    'export mets-alto (folder, 3 ALTO copied)',
    () => exportMetsAlto(issue, { output: path.join(tmp, 'ma') }),
    3000,
  );
  await med('export mets-alto (zip)', () => exportMetsAlto(issue, { output: path.join(tmp, 'ma.zip') }), 3000);
  await med(
    'export page (3 PAGE XML files)',
    () => exportPageXmlFiles(issue, { output: path.join(tmp, 'page') }),
    3000,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
