/**
 * The loopback browser host as a separate process, for tests and benchmarks that must kill it (SIGKILL in the
 * crash-recovery test) or keep its work off the measuring process (renderer benchmark).
 *
 *   node --import tsx bench/support/serve-host.ts --root DIR --user-data DIR [--port N] [--token T]
 *
 * Serves `out/renderer` with the real handlers in test mode (queued dialogs, `/__test/*`), and prints one JSON
 * line `{"url","origin","token","port"}` on stdout once listening.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../../electron/web/server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const root = arg('root');
const userDataDir = arg('user-data');
if (!root || !userDataDir) {
  console.error('usage: serve-host.ts --root DIR --user-data DIR [--port N] [--token T]');
  process.exit(2);
}
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const host = await startWebHost({
  root,
  rendererDir: path.join(ROOT, 'out/renderer'),
  testMode: true,
  port: arg('port') ? Number(arg('port')) : 0,
  ...(arg('token') ? { token: arg('token') } : {}),
  session: { userDataDir, version, host: 'test', locale: 'zh-CN' },
});
process.stdout.write(JSON.stringify({ url: host.url, origin: host.origin, token: host.token, port: host.port }) + '\n');
const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
