/**
 * The shell's security decisions, kept free of `electron` so that Node unit tests pin them down
 * (docs/security.md, The Electron shell). `window.ts` and `index.ts` apply them to the real objects.
 */

/** The app's own origin: the renderer is served from `app://bundle/` (protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The hardened BrowserWindow webPreferences (checklist items 2–4, 6, 8–11). Deep-equal tested. */
export const WEB_PREFERENCES = Object.freeze({
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

/** In-app navigation never happens: the renderer is a single page; every navigation attempt is refused. */
export function isAllowedNavigation(_url: string): boolean {
  return false;
}

/** `setWindowOpenHandler`: no new windows, ever (links to the web are not part of this offline tool). */
export function windowOpenHandler(_details: { url: string }): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission request and check handlers: the app needs no camera, notifications, clipboard-read, … */
export function permissionHandler(..._args: unknown[]): false {
  return false;
}

/**
 * Requests the session lets through: the app's own scheme, data: images and blob: (workers, downloads of
 * generated files). Everything else, http(s) and file: included, is cancelled: the app is offline by design.
 */
export function isAllowedRequest(url: string, resourceType?: string, opts: { devTools?: boolean } = {}): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  if (u.protocol === 'blob:') return url.startsWith(`blob:${APP_ORIGIN}/`);
  if (opts.devTools && (u.protocol === 'devtools:' || u.protocol === 'chrome-extension:')) return true;
  if (u.protocol === 'data:') return resourceType === undefined || resourceType === 'image' || resourceType === 'font';
  return false;
}

/** The parts of an Electron WebFrameMain that the sender check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown | null;
}

/**
 * Accepts only IPC from the main frame of a page served from `app://bundle` (checklist item 17; VS Code's
 * validatedIpcMain). A missing frame (destroyed, navigated) is refused too.
 */
export function validateSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null || typeof frame.url !== 'string') return false;
  try {
    const u = new URL(frame.url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The slices of Electron objects the hardening touches; structural so that tests pass fakes. */
export interface ContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview' | 'will-frame-navigate',
    cb: (event: { preventDefault(): void; url?: string }, ...rest: unknown[]) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string; resourceType?: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
  };
  setDevicePermissionHandler?(handler: () => boolean): void;
}

/**
 * Applied to every webContents (`app.on('web-contents-created')`): no navigation, no redirects, no webviews,
 * no new windows (Electron's security checklist, items 11–14).
 */
export function hardenContents(contents: ContentsLike, log: (msg: string) => void = () => undefined): void {
  const refuse = (what: string) => (event: { preventDefault(): void; url?: string }, url?: unknown) => {
    const target = typeof url === 'string' ? url : (event.url ?? '');
    if (what === 'webview' || !isAllowedNavigation(target)) {
      event.preventDefault();
      log(`refused ${what}${target ? ` to ${String(target).slice(0, 200)}` : ''}`);
    }
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', refuse('webview'));
  contents.setWindowOpenHandler(windowOpenHandler);
}

/** Applied to the session: every permission denied, every request outside `app:`/`data:`/`blob:` cancelled. */
export function hardenSession(
  ses: SessionLike,
  log: (msg: string) => void = () => undefined,
  opts: { devTools?: boolean } = {},
): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`denied permission ${permission}`);
    callback(permissionHandler());
  });
  ses.setPermissionCheckHandler(() => permissionHandler());
  ses.setDevicePermissionHandler?.(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, details.resourceType, opts);
    if (!allowed) log(`blocked request ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
