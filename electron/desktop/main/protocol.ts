import { promises as fs } from 'node:fs';
import { APP_HOST, APP_SCHEME } from './security';
import { resolveInsideRootReal } from '../../host/security/containment';
import { SECURITY_HEADERS, mimeOf } from '../../host/security/csp';

/** Privileges of `app:` (registered before `ready`): standard + secure so that it behaves like an https origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
    bypassCSP: false,
  },
} as const;

/**
 * The `app://bundle/…` handler for `protocol.handle` (docs/security.md, Containment): only host `bundle`, only
 * GET, paths contained in the renderer folder after realpath, the production CSP on every response. Pure over
 * the Fetch API so that Node tests call it directly.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return new Response('not found', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('method not allowed', { status: 405 });
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await resolveInsideRootReal(rendererDir, pathname);
    const stat = file ? await fs.stat(file).catch(() => null) : null;
    if (!file || !stat?.isFile()) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
    const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.readFile(file));
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeOf(file), 'Cache-Control': 'no-cache' },
    });
  };
}
