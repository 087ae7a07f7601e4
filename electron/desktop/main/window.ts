import type { BrowserWindow as BrowserWindowT, BrowserWindowConstructorOptions } from 'electron';
import { APP_URL, WEB_PREFERENCES } from './security';
import { PRELOAD_FILE } from './paths';
import type { WindowState } from './window-state';

/** The options of the one main window: the hardened preferences plus the preload and the remembered bounds. */
export function mainWindowOptions(
  state: WindowState,
  opts: { devTools: boolean; preload?: string },
): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Galley',
    backgroundColor: '#ffffff',
    webPreferences: { ...WEB_PREFERENCES, preload: opts.preload ?? PRELOAD_FILE, devTools: opts.devTools },
  };
}

/**
 * Creates the window and loads `app://bundle/index.html`. The navigation, window-open and webview refusals are
 * applied to every webContents in `index.ts` (web-contents-created), so they also cover this one.
 */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowT,
  state: WindowState,
  opts: { devTools: boolean; preload?: string },
): BrowserWindowT {
  const o = mainWindowOptions(state, opts);
  // The preferences are spelled out here (equal to WEB_PREFERENCES, asserted by tests/electron/desktop/security.test.ts)
  // so that static checkers such as Electronegativity see them at the constructor.
  const win = new BrowserWindow({
    ...o,
    webPreferences: {
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
      preload: o.webPreferences!.preload,
      devTools: opts.devTools,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
