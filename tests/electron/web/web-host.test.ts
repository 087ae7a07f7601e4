import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, mkdir, writeFile, symlink, copyFile } from 'node:fs/promises';
import { request } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { PRODUCTION_CSP } from '../../../electron/host/security/csp';
import { SAMPLE_PAGE } from '../../support/paths';

/**
 * The loopback browser host over real sockets: the token, loopback-only binding and Host check, static file
 * containment, input validation and size limits.
 */
let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-webhost-'));
  const renderer = path.join(dir, 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(
    path.join(renderer, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /><title>G</title></head><body><script type="module" src="./assets/app.js"></script></body></html>',
  );
  await writeFile(path.join(renderer, 'assets/app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'SECRET');
  await symlink(path.join(dir, 'secret.txt'), path.join(renderer, 'assets/link.txt'));
  await mkdir(path.join(dir, 'work'));
  await copyFile(SAMPLE_PAGE, path.join(dir, 'work/p2.txt'));
  host = await startWebHost({
    root: path.join(dir, 'work'),
    rendererDir: renderer,
    testMode: true,
    session: { userDataDir: path.join(dir, 'user'), version: '0.0.1', host: 'test' },
  });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host and other headers can be forged. */
function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  address?: string;
}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: false,
        host: opts.address ?? '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const rpc = (channel: string, body: unknown, headers: Record<string, string> = { 'x-galley-token': host.token }) =>
  raw({
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser host: authentication', () => {
  it('refuses API calls without the token (401) and with a wrong token (403)', async () => {
    expect((await rpc('app.info', {}, {})).status).toBe(401);
    const wrong = await rpc('app.info', {}, { 'x-galley-token': 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body).error).toMatch(/wrong x-galley-token/);
    expect((await rpc('app.info', {})).status).toBe(200);
    expect((await raw({ path: '/events' })).status).toBe(401);
    expect((await raw({ path: '/events?token=nope' })).status).toBe(403);
    expect((await raw({ path: '/__test/state' })).status).toBe(401);
    expect((await rpc('files.list', { dir: '' }, {})).status).toBe(401);
  });

  it('serves the page (which carries the token) only with the token; assets without', async () => {
    expect((await raw({ path: '/' })).status).toBe(401);
    const page = await raw({ path: `/?token=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="galley-token" content="${host.token}" />`);
    expect(page.body).toContain('<script src="/host-shim.js"></script>');
    expect(page.body.indexOf('host-shim.js')).toBeLessThan(page.body.indexOf('assets/app.js'));
    expect(page.headers['content-security-policy']).toBe(PRODUCTION_CSP);
    const asset = await raw({ path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toBe(PRODUCTION_CSP);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('browser host: loopback only', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.port).toBeGreaterThan(1023);
  });

  it('a connection to a non-loopback address of this machine fails', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    // Every machine that runs the suite in CI has one (eth0); without one there is no outside to test against.
    expect(external.length, 'this machine has no non-loopback IPv4 address to test against').toBeGreaterThan(0);
    for (const address of external) {
      const outcome = await new Promise<string>((resolve) => {
        const s = net.connect({ host: address, port: host.port, timeout: 2000 }, () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        s.on('timeout', () => {
          s.destroy();
          resolve('timeout');
        });
      });
      expect(outcome, `connecting to ${address}:${host.port}`).not.toBe('connected');
    }
  });

  it('refuses foreign Host headers (DNS rebinding) and cross-origin requests', async () => {
    const rebound = await raw({ path: '/assets/app.js', headers: { host: `evil.example:${host.port}` } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error).toMatch(/loopback/);
    expect((await raw({ path: '/assets/app.js', headers: { host: `localhost:${host.port}` } })).status).toBe(200);
    const cross = await rpc('app.info', {}, { 'x-galley-token': host.token, origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });
});

describe('browser host: static files stay inside the renderer folder', () => {
  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/assets/link.txt',
    `/${'..%2f'.repeat(8)}etc/passwd`,
    '/%00',
    '/%E0%A4%A',
  ])('refuses %s', async (p) => {
    const res = await raw({ path: p });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('SECRET');
  });
});

describe('browser host: input validation', () => {
  it('answers an invalid payload with 400 and a clear message', async () => {
    const res = await rpc('issue.open', { token: 5 });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(JSON.parse(res.body).error).toMatch(/^invalid input for issue.open: /);
    const notJson = await rpc('app.info', '{oops');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error).toMatch(/not JSON/);
    const extra = await rpc('app.info', { __proto__x: 1, path: '/etc/passwd' });
    expect(extra.status).toBe(400);
  });

  it('unknown channels are 404, GET on /rpc is 405, stale tokens are 403', async () => {
    expect((await rpc('fs.readFile', {})).status).toBe(404);
    expect((await rpc('%E0%A4%A', {})).status).toBe(400);
    expect((await raw({ path: '/rpc/app.info', headers: { 'x-galley-token': host.token } })).status).toBe(405);
    const stale = await rpc('issue.open', { token: 'abcdefghijklmnop' });
    expect(stale.status).toBe(403);
    expect(JSON.parse(stale.body).error).toMatch(/unknown file token/);
  });

  it('limits the body size of ordinary calls', async () => {
    const res = await rpc('window.setTitle', { title: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });

  it('test dialog answers must stay inside the root', async () => {
    const post = (answer: unknown) =>
      raw({
        method: 'POST',
        path: '/__test/dialog',
        headers: { 'x-galley-token': host.token },
        body: JSON.stringify({ channel: 'dialog.openIssue', answer }),
      });
    expect((await post(['../secret.txt'])).status).toBe(403);
    expect((await post([path.join(dir, 'secret.txt')])).status).toBe(403);
    expect((await post(['C:\\Windows\\win.ini'])).status).toBe(403);
    expect((await post(['p2.txt'])).status).toBe(200);
    const ref = JSON.parse((await rpc('dialog.openIssue', {})).body).value;
    expect(ref.name).toBe('p2.txt');
  });

  it('a test host without the in-app picker refuses files.list (tests queue the dialog answers)', async () => {
    const res = await rpc('files.list', { dir: '' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/system file dialogs/);
  });
});
