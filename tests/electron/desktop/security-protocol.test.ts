import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, mkdir, writeFile, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAppProtocolHandler } from '../../../electron/desktop/main/protocol';
import { PRODUCTION_CSP } from '../../../electron/host/security/csp';

/** The `app://bundle` handler, called with Fetch API requests as Electron's protocol.handle does. */
let dir: string;
let handle: (r: Request) => Promise<Response>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-protocol-'));
  await mkdir(path.join(dir, 'renderer/assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer/index.html'), '<!doctype html><title>G</title>');
  await writeFile(path.join(dir, 'renderer/assets/a.js'), 'export {}');
  await writeFile(path.join(dir, 'secret.txt'), 'SECRET');
  await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'renderer/assets/link.js'));
  handle = createAppProtocolHandler(path.join(dir, 'renderer'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('app:// protocol handler', () => {
  it('serves the bundle with the CSP header and the right type', async () => {
    const res = await handle(new Request('app://bundle/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(await res.text()).toContain('<title>G</title>');
    expect((await handle(new Request('app://bundle/'))).status).toBe(200);
    const js = await handle(new Request('app://bundle/assets/a.js'));
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/assets/link.js',
    'app://bundle/%5c..%5csecret.txt',
    'app://other/index.html',
    'app://bundle/missing.js',
  ])('refuses %s', async (url) => {
    const res = await handle(new Request(url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handle(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('CSP', () => {
  it('has no unsafe-eval and no unsafe-inline for scripts, and allows no remote origin', () => {
    const directives = Object.fromEntries(
      PRODUCTION_CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});
