import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import {
  WEB_PREFERENCES,
  isAllowedNavigation,
  windowOpenHandler,
  permissionHandler,
  validateSender,
  isAllowedRequest,
  hardenContents,
  hardenSession,
  type ContentsLike,
  type SessionLike,
} from '../../../electron/desktop/main/security';
import { resolveInsideRoot, containRelative } from '../../../electron/host/security/containment';
import { mainWindowOptions, createMainWindow } from '../../../electron/desktop/main/window';

/** The shell's security decisions, pinned in Node: Electron is never loaded here. */
describe('window preferences', () => {
  it('are the hardened constant', () => {
    expect(WEB_PREFERENCES).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
    });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
  });

  it('the main window uses them, with the preload and devtools only when asked', () => {
    const o = mainWindowOptions(
      { width: 1000, height: 700, maximized: false },
      { devTools: false, preload: '/x/preload.cjs' },
    );
    expect(o.webPreferences).toEqual({ ...WEB_PREFERENCES, preload: '/x/preload.cjs', devTools: false });
    expect(o.x).toBeUndefined();
  });

  it('createMainWindow constructs the window with exactly these preferences and loads app://bundle', () => {
    const seen: { options?: { webPreferences?: unknown }; url?: string } = {};
    class FakeWindow {
      constructor(options: { webPreferences?: unknown }) {
        seen.options = options;
      }
      once() {
        return this;
      }
      maximize() {}
      loadURL(url: string) {
        seen.url = url;
        return Promise.resolve();
      }
    }
    createMainWindow(
      FakeWindow as never,
      { width: 900, height: 600, maximized: false },
      { devTools: false, preload: '/p.cjs' },
    );
    expect(seen.options?.webPreferences).toEqual({ ...WEB_PREFERENCES, preload: '/p.cjs', devTools: false });
    expect(seen.url).toBe('app://bundle/index.html');
  });
});

describe('navigation, windows, permissions', () => {
  it('refuses every navigation and every new window; denies every permission', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.string(), (url, s) => {
        expect(isAllowedNavigation(url)).toBe(false);
        expect(isAllowedNavigation(s)).toBe(false);
        expect(windowOpenHandler({ url })).toEqual({ action: 'deny' });
        expect(permissionHandler(null, s)).toBe(false);
      }),
      { numRuns: 300 },
    );
    for (const url of [
      'app://bundle/index.html',
      'app://bundle/other.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
    ]) {
      expect(isAllowedNavigation(url)).toBe(false);
    }
  });

  it('hardenContents prevents navigation, redirects and webviews and denies window.open', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    const contents: ContentsLike = {
      on: (ev, cb) => {
        listeners[ev] = cb as never;
        return contents;
      },
      setWindowOpenHandler: (h) => {
        openHandler = h;
      },
    };
    const logs: string[] = [];
    hardenContents(contents, (m) => logs.push(m));
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners[ev](
        {
          preventDefault: () => {
            prevented = true;
          },
        },
        'https://example.com/',
      );
      expect(prevented, ev).toBe(true);
    }
    expect(openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(logs.join('\n')).toMatch(/refused navigation to https:\/\/example.com/);
  });

  it('hardenSession denies permissions and cancels every request outside app:, data: images and blob:', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    let before: ((d: { url: string; resourceType?: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const ses: SessionLike = {
      setPermissionRequestHandler: (h) => {
        request = h;
      },
      setPermissionCheckHandler: (h) => {
        check = h;
      },
      webRequest: {
        onBeforeRequest: (l) => {
          before = l;
        },
      },
    };
    hardenSession(ses);
    let granted: boolean | undefined;
    request!(null, 'media', (g) => {
      granted = g;
    });
    expect(granted).toBe(false);
    expect(check!(null, 'clipboard-read')).toBe(false);
    const cancel = (url: string, resourceType?: string) => {
      let r: { cancel: boolean } | undefined;
      before!({ url, resourceType }, (x) => {
        r = x;
      });
      return r!.cancel;
    };
    expect(cancel('app://bundle/index.html', 'mainFrame')).toBe(false);
    expect(cancel('app://bundle/assets/x.js', 'script')).toBe(false);
    expect(cancel('data:image/png;base64,AAAA', 'image')).toBe(false);
    expect(cancel('blob:app://bundle/123e4567', 'other')).toBe(false);
    for (const [url, type] of [
      ['https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js', 'script'],
      ['http://127.0.0.1:8080/', 'xhr'],
      ['file:///etc/passwd', 'mainFrame'],
      ['ws://example.com/', 'webSocket'],
      ['data:text/javascript,alert(1)', 'script'],
      ['app://evil/index.html', 'mainFrame'],
      ['blob:https://example.com/x', 'other'],
      ['devtools://devtools/bundled/x.html', 'mainFrame'],
      ['ftp://x/y', 'other'],
      ['not a url', 'other'],
    ] as const) {
      expect(cancel(url, type), url).toBe(true);
    }
    expect(isAllowedRequest('devtools://devtools/bundled/x.html', 'mainFrame', { devTools: true })).toBe(true);
  });
});

describe('validateSender', () => {
  it('accepts only main frames of app://bundle', () => {
    expect(validateSender({ url: 'app://bundle/index.html', parent: null })).toBe(true);
    expect(validateSender({ url: 'app://bundle/', parent: null })).toBe(true);
    expect(validateSender({ url: 'app://bundle/index.html', parent: {} })).toBe(false); // a subframe
    expect(validateSender({ url: 'app://evil/index.html', parent: null })).toBe(false);
    expect(validateSender({ url: 'https://bundle/index.html', parent: null })).toBe(false);
    expect(validateSender({ url: 'file:///app/index.html', parent: null })).toBe(false);
    expect(validateSender({ url: 'app://bundle.evil.com/', parent: null })).toBe(false);
    expect(validateSender({ url: '', parent: null })).toBe(false);
    expect(validateSender(null)).toBe(false);
    expect(validateSender(undefined)).toBe(false);
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(validateSender({ url, parent: null })).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolveInsideRoot', () => {
  const root = path.resolve('/srv/galley/renderer');
  const inside = (p: string | null) => p === null || p === root || p.startsWith(root + path.sep);

  it('maps ordinary paths into the root', () => {
    expect(resolveInsideRoot(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '/assets/%E4%B8%AD.js')).toBe(path.join(root, 'assets/中.js'));
    expect(resolveInsideRoot(root, '/a/../b.js')).toBe(path.join(root, 'b.js'));
  });

  it.each([
    '/../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/..\\..\\windows\\win.ini',
    '/%5c%5cserver%5cshare%5cx',
    '\\\\server\\share\\x',
    '/C:/Windows/win.ini',
    '/c%3a%5cwindows',
    '/%252e%252e/x',
    '/x%00.js',
    '/%E0%A4%A',
    '/assets/../../x',
    '..',
    '/..',
    `/${'../'.repeat(30)}etc/shadow`,
  ])('never leaves the root: %s', (p) => {
    const r = resolveInsideRoot(root, p);
    expect(inside(r)).toBe(true);
    if (r) expect(path.relative(root, r).startsWith('..')).toBe(false);
  });

  it('property: 10,000 generated paths (../, %2e%2e/, absolute, UNC, backslashes) never escape', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E%2E',
        '%2e.',
        '.%2e',
        '..%2f',
        '..%5c',
        '%2f',
        '%5c',
        '\\',
        '\\\\',
        '/',
        '//',
        'C:',
        'c%3a',
        '%00',
        '%252e%252e',
        '~',
        'etc',
        'passwd',
        'assets',
        '中文',
        'index.html',
        '',
      ),
      fc.string({ maxLength: 6 }),
    );
    const gen = fc
      .tuple(
        fc.constantFrom('', '/', '//', '\\\\', '/C:/', 'C:\\', '\\\\server\\share\\', '/%2e%2e/'),
        fc.array(piece, { maxLength: 12 }),
        fc.constantFrom('/', '\\', '%2f', '%5c'),
      )
      .map(([prefix, parts, sep]) => prefix + parts.join(sep));
    fc.assert(
      fc.property(gen, (p) => {
        const r = resolveInsideRoot(root, p);
        return inside(r);
      }),
      { numRuns: 10_000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (p) => inside(containRelative(root, p))),
      { numRuns: 2000 },
    );
  });
});
