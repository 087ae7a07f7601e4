import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { dispatch, eventContract, HostError } from '../../shared/ipc/contract';
import { EVENTS, type EventName } from '../../shared/ipc/channels';
import { SECURITY_HEADERS, mimeOf } from '../host/security/csp';
import { resolveInsideRootReal } from '../host/security/containment';
import { createHostSession } from '../host/session/create-host-session';
import { folderScope } from '../host/security/host-scope';
import { QueueDialogs, listFolder, type DialogAnswer, type DialogChannel } from '../host/session/dialogs';

/** What the page's host session is built from (create-host-session.ts); dialogs and window are this host's own. */
export interface WebSessionOptions {
  userDataDir: string;
  version: string;
  /** Files given on the command line (inside the root; made absolute), opened through `app.initial`. */
  initialFiles?: string[];
  host?: 'web' | 'test';
  /** Defaults to the system's locale. */
  locale?: string;
}

export interface WebHostOptions {
  /** The folder the user works in: dialogs pick files only inside it. */
  root: string;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** The host session of the page, built with this host's queued dialogs and window state. */
  session: WebSessionOptions;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Per-launch secret; random when not given. */
  token?: string;
  /** Enables `/__test/*` and makes an unanswered dialog an error instead of a cancel. */
  testMode?: boolean;
  /**
   * The renderer's in-app file picker answers the dialogs (`files.list` / `files.choose`). Default: on, except in
   * test mode, where tests queue the answers (`/__test/dialog`) unless they test the picker itself.
   */
  inAppPicker?: boolean;
  /** The page shim (plain JS); defaults to `host-shim.js` next to this file. */
  shimFile?: string;
}

/** `closed`: the test route `/__test/close` ran the window close sequence to its end (close-flow.ts). */
export interface WebHostState {
  title: string;
  dirty: boolean;
  quitRequested: boolean;
  closed: boolean;
}

export interface WebHost {
  /** The page URL with the token in the query: print it, open it as-is. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dialogs: QueueDialogs;
  state: WebHostState;
  emit(event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

/** Largest request body per channel: whole issues and recovery payloads are big, everything else is small. */
const BIG_CHANNELS = new Set(['issue.save', 'export.run', 'recovery.write']);
export const MAX_BIG_BODY = 256 * 1024 * 1024;
export const MAX_SMALL_BODY = 1024 * 1024;

const STATUS: Record<HostError['code'], number> = {
  'unknown-channel': 404,
  'invalid-input': 400,
  refused: 403,
  failed: 422,
  'invalid-output': 500,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `request too large (${declared} bytes; limit ${limit})`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request too large (limit ${limit} bytes)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `the request body is not JSON (${(e as Error).message})`);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** index.html with the token in a meta tag and the shim ahead of the app's module script. */
export function injectHostMeta(html: string, token: string): string {
  const tags = `<meta name="galley-token" content="${token}" />\n    <script src="/host-shim.js"></script>\n`;
  const i = html.search(/<\/head>/i);
  const m = /<meta charset[^>]*>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + '\n    ' + tags + html.slice(m.index + m[0].length);
  return i >= 0 ? html.slice(0, i) + tags + html.slice(i) : tags + html;
}

/**
 * The loopback browser host (docs/security.md): the built renderer plus the host contract over HTTP, for e2e tests
 * and for using Galley in a browser on a machine without the Electron binary.
 *
 * Safety: binds 127.0.0.1 only on a random port; every API request needs the per-launch token
 * (`x-galley-token`; `?token=` for the EventSource, which cannot send headers); Host must be a loopback name
 * (DNS rebinding) and a cross-origin `Origin` is refused; static files are contained in `rendererDir` after
 * realpath; bodies are size-limited; every call goes through the contract's `dispatch`.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const testMode = !!opts.testMode;
  const dialogs = new QueueDialogs(opts.root, testMode);
  const state: WebHostState = { title: 'Galley', dirty: false, quitRequested: false, closed: false };
  const clients = new Set<ServerResponse>();
  const pendingEvents: string[] = [];
  const shimFile = opts.shimFile ?? fileURLToPath(new URL('./host-shim.js', import.meta.url));
  let port = 0;

  const emit = (event: EventName, payload: unknown) => {
    if (!(EVENTS as readonly string[]).includes(event))
      throw new HostError(`unknown event ${String(event).slice(0, 100)}`, 'invalid-input');
    const parsed = eventContract[event].safeParse(payload);
    if (!parsed.success) throw new HostError(`invalid payload for event ${event}`, 'invalid-input');
    const frame = `event: ${event}\ndata: ${JSON.stringify(parsed.data)}\n\n`;
    // Events sent before the page connected (a file opened at launch, a test's early event) wait for it.
    if (!clients.size) {
      if (pendingEvents.length < 100) pendingEvents.push(frame);
      return;
    }
    for (const c of clients) c.write(frame);
  };
  // The Electron window's close sequence, run by `/__test/close`: a browser tab has no close prompt of its own.
  const requestClose = () => {
    if (session.closeFlow.onCloseRequested()) state.closed = true;
  };
  const session = createHostSession({
    dialogs,
    userDataDir: opts.session.userDataDir,
    appInfo: {
      version: opts.session.version,
      host: opts.session.host ?? 'web',
      locale: opts.session.locale ?? (Intl.DateTimeFormat().resolvedOptions().locale || 'en'),
    },
    initialFiles: (opts.session.initialFiles ?? []).map((f) => path.resolve(f)),
    // Nothing outside the launch folder becomes a token: dialog answers, launch files, recent list, recovery.
    scope: folderScope(dialogs.root),
    ...((opts.inAppPicker ?? !testMode)
      ? {
          picker: {
            list: (dir: string) => listFolder(dialogs.root, dir),
            choose: (channel: DialogChannel, paths: string[] | null) => dialogs.push(channel, paths),
          },
        }
      : {}),
    shell: {
      emit: (event, payload) => emit(event, payload),
      setTitle: (t) => {
        state.title = t;
      },
      setDirty: (d) => {
        state.dirty = d;
      },
      quit: () => {
        state.quitRequested = true;
      },
      runSave: () => emit('command.run', { id: 'file.save' }),
      close: requestClose,
    },
  });
  const { recovery } = session;
  const { handlers } = session;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  const checkToken = (req: IncomingMessage, url: URL) => {
    const given = (req.headers['x-galley-token'] as string | undefined) ?? url.searchParams.get('token') ?? undefined;
    if (!given) throw new HttpError(401, 'missing x-galley-token');
    if (!sameSecret(given, token)) throw new HttpError(403, 'wrong x-galley-token');
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (pathname === '/host-shim.js') {
      const js = await fs.readFile(shimFile);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : js);
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      // The page carries the token, so it is only served to whoever already has it (the printed URL).
      checkToken(req, new URL(req.url ?? '/', 'http://127.0.0.1'));
      // A new page (a reload): files written so far are the previous page's, offered by the new one's recovery
      // dialog, never removed by a close of this one (as Electron's `did-navigate`).
      recovery.forget();
      const html = await fs.readFile(path.join(opts.rendererDir, 'index.html'), 'utf8').catch(() => {
        throw new HttpError(
          500,
          `the renderer is not built: ${path.join(opts.rendererDir, 'index.html')} is missing (run npx electron-vite build)`,
        );
      });
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : injectHostMeta(html, token));
      return;
    }
    const file = await resolveInsideRootReal(opts.rendererDir, pathname);
    const stat = file ? await fs.stat(file).catch(() => null) : null;
    if (!file || !stat?.isFile()) throw new HttpError(404, 'not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeOf(file),
      'Content-Length': String(stat.size),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    res.end(await fs.readFile(file));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts().has(String(req.headers.host ?? '')))
      throw new HttpError(403, 'this host answers only loopback requests (Host header refused)');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
      throw new HttpError(403, 'cross-origin request refused');
    const p = url.pathname;

    if (p.startsWith('/rpc/')) {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      checkToken(req, url);
      let channel: string;
      try {
        channel = decodeURIComponent(p.slice('/rpc/'.length));
      } catch {
        throw new HttpError(400, 'malformed channel name');
      }
      const body = parseJson(await readBody(req, BIG_CHANNELS.has(channel) ? MAX_BIG_BODY : MAX_SMALL_BODY));
      try {
        sendJson(res, 200, { ok: true, value: await dispatch(handlers, channel, body) });
      } catch (e) {
        const err = e instanceof HostError ? e : new HostError((e as Error)?.message ?? String(e), 'failed');
        sendJson(res, STATUS[err.code], { ok: false, error: err.message, code: err.code });
      }
      return;
    }
    if (p === '/events') {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      checkToken(req, url);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      for (const f of pendingEvents.splice(0)) res.write(f);
      const beat = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(beat);
        clients.delete(res);
      });
      return;
    }
    if (testMode && p === '/__test/dialog') {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      checkToken(req, url);
      const body = parseJson(await readBody(req, MAX_SMALL_BODY)) as { channel?: unknown; answer?: unknown };
      try {
        dialogs.push(String(body?.channel ?? ''), (body?.answer ?? null) as DialogAnswer);
      } catch (e) {
        const err = e as HostError;
        throw new HttpError(STATUS[err.code] ?? 400, err.message);
      }
      sendJson(res, 200, { ok: true, value: dialogs.pending() });
      return;
    }
    if (testMode && p === '/__test/event') {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      checkToken(req, url);
      const body = parseJson(await readBody(req, MAX_SMALL_BODY)) as { event?: unknown; payload?: unknown };
      try {
        emit(String(body?.event ?? '') as EventName, body?.payload);
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      sendJson(res, 200, { ok: true, value: {} });
      return;
    }
    if (testMode && p === '/__test/close') {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      checkToken(req, url);
      requestClose();
      sendJson(res, 200, { ok: true, value: {} });
      return;
    }
    if (testMode && p === '/__test/state') {
      checkToken(req, url);
      sendJson(res, 200, {
        ok: true,
        value: { ...state, dialogsPending: dialogs.pending(), eventClients: clients.size },
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    await serveStatic(req, res, p);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof HttpError ? e.message : 'internal error';
      if (!(e instanceof HttpError)) console.error('galley web host:', e);
      if (res.headersSent) return void res.end();
      // Drain what the client still sends so that it reads our answer instead of a reset connection, and do not
      // keep a connection whose request body was refused half-read.
      req.resume();
      if (status === 413) res.setHeader('Connection', 'close');
      sendJson(res, status, { ok: false, error: message });
    });
  });
  server.requestTimeout = 0; // large saves over a slow disk must not be cut off
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    dialogs,
    state,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        clients.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
