#!/usr/bin/env node
// `npm start -- [files…]`: the desktop app where an Electron binary exists, otherwise the browser host.
// Never triggers Electron's binary download (requiring the `electron` package would): the binary is looked up
// in ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function executableIn(dir) {
  const names =
    process.platform === 'win32'
      ? ['electron.exe']
      : process.platform === 'darwin'
        ? ['Electron.app/Contents/MacOS/Electron']
        : ['electron'];
  return names.map((n) => path.join(dir, n)).find((p) => existsSync(p));
}

function findElectron() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return { exe: executableIn(override), where: `ELECTRON_OVERRIDE_DIST_PATH=${override}` };
  const pkg = path.join(ROOT, 'node_modules/electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (existsSync(pathTxt)) {
    const exe = path.join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return { exe: existsSync(exe) ? exe : undefined, where: 'node_modules/electron' };
  }
  return { exe: undefined, where: 'node_modules/electron (no binary downloaded)' };
}

const { exe, where } = findElectron();
if (exe) {
  if (!existsSync(path.join(ROOT, 'out/main/index.js'))) {
    const r = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const launchDir = process.env.INIT_CWD ?? process.cwd();
  const files = args.map((f) => path.resolve(launchDir, f));
  const child = spawn(exe, [path.join(ROOT, 'out/main/index.js'), ...files], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    [
      `galley: no Electron binary found (looked in ${where}).`,
      '  To run the desktop app, point ELECTRON_OVERRIDE_DIST_PATH at a folder holding an Electron 45 binary and run npm start again.',
      '  Starting the browser host instead: the same app in your browser, on 127.0.0.1 only.',
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start-web.mjs'), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
