import type { BrowserWindow as BrowserWindowT, BrowserWindowConstructorOptions } from 'electron';
import { APP_URL, WEB_PREFERENCES } from './security';
import { PRELOAD_FILE } from './paths';
import type { WindowState } from './window-state';

/** The options of the one main window: the hardened preferences plus the preload and the remembered bounds. */
export function mainWindowOptions(state: WindowState, opts: { devTools: boolean; preload?: string }): BrowserWindowConstructorOptions {
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
export function createMainWindow(BrowserWindow: typeof BrowserWindowT, state: WindowState, opts: { devTools: boolean }): BrowserWindowT {
  const win = new BrowserWindow(mainWindowOptions(state, opts));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}
