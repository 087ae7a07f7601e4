#!/usr/bin/env node
// `npm run start:web -- [--port N] [ISSUE-or-PAGE files…]`: Galley in a browser, served by the loopback browser
// host (electron/web/server.ts) over the same handlers as the desktop app. Builds the renderer when it is missing,
// prints the URL (with the per-launch token) and keeps running until Ctrl+C.
//
// Dialogs: a browser page cannot hand a host path to the server, so Open/Import/Save As/Export ask in a prompt
// and pick from the files of the launch folder (the folder you ran the command in, or --root DIR). Nothing
// outside that folder is ever read or written.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm run changes the working directory to the project; INIT_CWD is where the user typed the command.
const launchDir = process.env.INIT_CWD ?? process.cwd();

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { port: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});

if (values.help) {
  console.log('usage: npm run start:web -- [--port N] [--root DIR] [issue.galley.json | page files…]');
  process.exit(0);
}

/** Electron's default userData folder for this app, so the browser host and the desktop app share recovery files. */
function defaultUserData() {
  if (process.env.GALLEY_USER_DATA) return path.resolve(process.env.GALLEY_USER_DATA);
  const name = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name;
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData/Roaming'), name);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library/Application Support', name);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}

const files = positionals.map((f) => path.resolve(launchDir, f));
for (const f of files) {
  if (!existsSync(f)) {
    console.error(`galley: no such file: ${f}`);
    process.exit(2);
  }
}
const root = path.resolve(launchDir, values.root ?? (files.length ? path.dirname(files[0]) : '.'));
const outside = files.filter((f) => path.relative(root, f).startsWith('..'));
if (outside.length) {
  console.error(`galley: ${outside.join(', ')} is outside the folder the browser host works in (${root}); use --root`);
  process.exit(2);
}

const rendererDir = path.join(ROOT, 'out/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.log('galley: building the renderer (out/renderer is missing)…');
  const r = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

register();
const { startWebHost } = await import('../electron/web/server.ts');
const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const host = await startWebHost({
  root,
  rendererDir,
  port: values.port ? Number(values.port) : 0,
  session: { userDataDir: defaultUserData(), version, initialFiles: files },
});

console.log(`Galley (browser host) is running. Open this address in your browser:\n\n  ${host.url}\n`);
console.log(
  `Files are picked from ${root}. Only this machine can connect (127.0.0.1), and only with the token in the address.`,
);
console.log('Press Ctrl+C to stop.');
const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
