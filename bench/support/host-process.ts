import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A browser host running in a child process (see serve-host.ts). */
export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  port: number;
  child: ChildProcess;
  /** POSTs to a test route (`/__test/dialog`, …) with the token. */
  call<T = unknown>(route: string, body?: unknown): Promise<T>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
}

export async function startHostProcess(o: {
  root: string;
  userDataDir: string;
  port?: number;
  token?: string;
}): Promise<HostProcess> {
  const args = [
    '--import',
    'tsx',
    path.join(ROOT, 'bench/support/serve-host.ts'),
    '--root',
    o.root,
    '--user-data',
    o.userDataDir,
  ];
  if (o.port) args.push('--port', String(o.port));
  if (o.token) args.push('--token', o.token);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const info = await new Promise<{ url: string; origin: string; token: string; port: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start in 60 s: ${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(JSON.parse(out.slice(0, nl)));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}): ${err}`));
    });
  });
  return {
    ...info,
    child,
    async call<T>(route: string, body?: unknown): Promise<T> {
      const res = await fetch(info.origin + route, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', 'x-galley-token': info.token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = (await res.json()) as { ok: boolean; value?: T; error?: string };
      if (!data.ok) throw new Error(`${route}: ${data.error}`);
      return data.value as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
