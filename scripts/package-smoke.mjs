#!/usr/bin/env node
// Packaging smoke test (run by scripts/test.sh after the build): packages the built app with electron-builder
// `--linux dir` against a stand-in Electron distribution (no download), then checks that
//   - app.asar holds exactly the built app: out/main, out/preload, out/renderer (no source maps) and package.json,
//     and nothing else (no sources, tests, node_modules, dev files);
//   - the fuses of electron-builder.yml were flipped in the packaged binary (the stand-in carries a fuse wire);
//   - the run-time assets of packages that main resolves at run time (pdfjs' cmaps/, standard_fonts/, worker) are
//     in resources/, identical to node_modules (fails when missing: PDF import would lose its Chinese text).
// Real installers (AppImage, deb, NSIS, dmg) need the network: see docs/security.md.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, '.tmp/package-smoke');
const DIST = path.join(WORK, 'electron-dist');
const OUT = path.join(WORK, 'release');
const started = Date.now();
const require = createRequire(import.meta.url);
const fail = (msg) => {
  console.error(`package-smoke: FAIL: ${msg}`);
  process.exit(1);
};

for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
  if (!existsSync(path.join(ROOT, f))) fail(`${f} is missing: run npx electron-vite build first`);
}

// The stand-in Electron: an executable that carries the fuse sentinel and an 8-fuse wire in Electron's defaults
// (RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off, asar-only off,
// V8 snapshot off, file: privileges on), so that @electron/fuses can flip it as it would the real binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '10110001';
const EXPECTED_WIRE = '01001100';
rmSync(WORK, { recursive: true, force: true });
mkdirSync(path.join(DIST, 'resources'), { recursive: true });
mkdirSync(path.join(DIST, 'locales'), { recursive: true });
const exe = path.join(DIST, 'electron');
writeFileSync(
  exe,
  Buffer.concat([
    Buffer.from(`#!/bin/sh\n# stand-in Electron for the packaging smoke test\n# `),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\nexit 0\n'),
  ]),
);
chmodSync(exe, 0o755);
writeFileSync(path.join(DIST, 'version'), '45.5.0');
writeFileSync(path.join(DIST, 'LICENSE'), 'stand-in');
writeFileSync(path.join(DIST, 'LICENSES.chromium.html'), '<p>stand-in</p>');

// The main bundle must be self-contained: the package ships no node_modules, so a bare import of a package
// would crash the installed app at start. Allowed: electron, Node built-ins, pdfjs' optional native canvas
// (loaded in a try; pdfjs works without it) and pdfjs' stream fallback for a Node without Readable.toWeb.
import { builtinModules } from 'node:module';
const OPTIONAL = new Set(['@napi-rs/canvas', 'node-readable-to-web-readable-stream']);
const builtins = new Set(builtinModules);
const bare = [];
for (const file of walkFiles(path.join(ROOT, 'out/main')).filter((f) => /\.(m?js|cjs)$/.test(f))) {
  // Comment lines left out: bundled libraries' docs show usage such as ` * var pako = require('pako')`.
  const text = readFileSync(file, 'utf8').replace(/^\s*(?:\*|\/\/).*$/gm, '');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
    // createRequire(import.meta.url)('pkg'): a run-time require that the bundler leaves alone.
    ...text.matchAll(/\bcreateRequire[\w$]*\s*\([^()]*\)\s*\(\s*["']([^"']+)["']\s*\)/g),
  ];
  for (const m of specs) {
    if (!/^[@a-z0-9][\w.@/:-]*$/i.test(m[1])) continue; // relative, absolute or not a module name
    const spec = m[1].replace(/^node:/, '');
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (pkg === 'electron' || builtins.has(spec) || builtins.has(pkg) || OPTIONAL.has(pkg)) continue;
    bare.push(`${path.relative(ROOT, file)}: ${m[1]}`);
  }
}
// require.resolve of a package's files (run-time assets such as pdfjs' CMaps) finds nothing in the installed app,
// which has no node_modules: every package resolved so must have its assets copied as extraResources (listed
// here, checked in the package below) and be pointed there by main when packaged (pdfjs-assets.ts).
const RUNTIME_ASSETS = {
  'pdfjs-dist': [
    { from: 'node_modules/pdfjs-dist/cmaps', to: 'pdfjs/cmaps' },
    { from: 'node_modules/pdfjs-dist/standard_fonts', to: 'pdfjs/standard_fonts' },
    { from: 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', to: 'pdfjs/legacy/build/pdf.worker.mjs' },
  ],
};
const resolved = new Set();
for (const file of walkFiles(path.join(ROOT, 'out/main')).filter((f) => /\.(m?js|cjs)$/.test(f))) {
  for (const m of readFileSync(file, 'utf8').matchAll(
    /\b(?:require[\w$]*|createRequire[\w$]*\s*\([^()]*\))\.resolve\s*\(\s*["']([^"'./][^"']*)["']/g,
  ))
    resolved.add(m[1]);
}
const resolvedPackages = [...resolved].map((spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0],
);
const unshipped = resolvedPackages.filter((pkg) => !RUNTIME_ASSETS[pkg]);
if (unshipped.length)
  fail(
    `the main bundle resolves package files at run time that the installed app will not have: ${unshipped.join(', ')} (copy them as extraResources and list them in RUNTIME_ASSETS)`,
  );
if (bare.length)
  fail(
    `the main bundle imports packages that the installed app will not have: ${[...new Set(bare)].slice(0, 20).join(', ')}`,
  );

const builder = spawnSync(
  'npx',
  [
    'electron-builder',
    '--linux',
    'dir',
    `-c.electronDist=${DIST}`,
    `-c.directories.output=${OUT}`,
    '--publish',
    'never',
  ],
  {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      ELECTRON_BUILDER_7ZIP_PATH: process.env.ELECTRON_BUILDER_7ZIP_PATH ?? '/usr/bin/7za',
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    },
  },
);
if (builder.status !== 0) fail(`electron-builder exited with ${builder.status}\n${builder.stdout}\n${builder.stderr}`);

const unpacked = path.join(OUT, 'linux-unpacked');
const asarFile = path.join(unpacked, 'resources/app.asar');
if (!existsSync(asarFile)) fail(`no ${path.relative(ROOT, asarFile)}`);
const asar = require('@electron/asar');
const listed = asar.listPackage(asarFile, { isPack: false }).map((p) => p.split(path.sep).join('/'));
const files = listed
  .filter((p) => {
    try {
      return asar.statFile(asarFile, p.replace(/^\//, ''), false).files === undefined;
    } catch {
      return false;
    }
  })
  .map((p) => p.replace(/^\//, ''));

// What should be there: every built file except source maps, plus package.json.
const walk = walkFiles;
const expected = ['main', 'preload', 'renderer']
  .flatMap((d) => walk(path.join(ROOT, 'out', d)))
  .map((p) => path.relative(ROOT, p).split(path.sep).join('/'))
  .filter((p) => !p.endsWith('.map'))
  .concat('package.json')
  .sort();
const got = [...files].sort();
const missing = expected.filter((p) => !got.includes(p));
const extra = got.filter((p) => !expected.includes(p));
if (missing.length) fail(`app.asar lacks ${missing.slice(0, 20).join(', ')}`);
if (extra.length) fail(`app.asar holds files that are not the built app: ${extra.slice(0, 20).join(', ')}`);
const forbidden = got.filter(
  (p) =>
    /(^|\/)(node_modules|tests?|src|electron|shared|renderer\/src)\/|\.tsx?$|\.map$/.test(p) && !p.startsWith('out/'),
);
if (forbidden.length) fail(`dev files in app.asar: ${forbidden.join(', ')}`);

// The run-time assets: every file of the package's folders, byte for byte, under resources/.
let assetFiles = 0;
for (const pkg of new Set(resolvedPackages)) {
  for (const { from, to } of RUNTIME_ASSETS[pkg]) {
    const src = path.join(ROOT, from);
    const dst = path.join(unpacked, 'resources', to);
    if (!existsSync(src)) fail(`${from} is missing: run npm run setup`);
    const want = statSync(src).isDirectory() ? walkFiles(src).map((f) => path.relative(src, f)) : [''];
    if (!existsSync(dst))
      fail(`the package lacks ${pkg}'s ${to} (resources/${to}): add it to extraResources in electron-builder.yml`);
    for (const rel of want) {
      const a = path.join(src, rel),
        b = path.join(dst, rel);
      if (!existsSync(b)) fail(`the package lacks resources/${path.join(to, rel)} (${pkg})`);
      if (!readFileSync(a).equals(readFileSync(b)))
        fail(`resources/${path.join(to, rel)} differs from ${path.join(from, rel)}`);
    }
    assetFiles += want.length;
  }
}
if (
  resolvedPackages.includes('pdfjs-dist') &&
  !readdirSync(path.join(unpacked, 'resources/pdfjs/cmaps')).includes('UniGB-UCS2-H.bcmap')
)
  fail('resources/pdfjs/cmaps lacks the Chinese UniGB-UCS2-H CMap');

const bin = readFileSync(path.join(unpacked, 'galley'));
const at = bin.indexOf(SENTINEL) + SENTINEL.length;
const wire = bin.subarray(at + 2, at + 2 + DEFAULT_WIRE.length).toString('latin1');
if (wire !== EXPECTED_WIRE) fail(`fuses not set as configured: wire ${wire}, expected ${EXPECTED_WIRE}`);

const size = statSync(asarFile).size;
console.log(
  `package-smoke: ok: app.asar holds exactly the built app (${got.length} files, ${(size / 1024 / 1024).toFixed(1)} MB); ${assetFiles} run-time asset files of ${[...new Set(resolvedPackages)].join(', ') || 'no package'} in resources/; fuses ${wire}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

function walkFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walkFiles(p) : [p];
  });
}
