import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { statSync } from 'node:fs';
import path from 'node:path';
import { classifyOpen, type Dialogs } from '../../host/services/handlers';
import type { Handlers } from '../../../shared/ipc/contract';
import { APP_SCHEME, hardenContents, hardenSession, validateSender } from './security';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { RENDERER_DIR, userDataOverride } from './paths';
import { registerIpc } from './ipc/register';
import { buildMenuTemplate, menuLocale } from './menu';
import { createNativeDialogs } from './native-dialogs';
import { filesFromArgv, setupSingleInstance } from './single-instance';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';
import { createMainWindow } from './window';
import { createHostSession, type HostSession } from '../../host/session/create-host-session';
import { PDFJS_RESOURCES_DIR, setPdfjsRoot } from '../../host/services/pdfjs-assets';
import { QueueDialogs } from '../../host/session/dialogs';

/**
 * The Electron shell: one hardened window on `app://bundle`, the host contract over IPC with the same
 * handlers as the browser host, native menu, dialogs, recent documents, single instance, remembered window
 * bounds, the unsaved-changes prompt on quit, and OS file opens (command line, second instance, macOS open-file,
 * drops). Security decisions live in security.ts; this file only wires them.
 */

/** Internal preload → main channel for files dropped on the window; the page itself cannot use it. */
const DROP_CHANNEL = 'galley:files-dropped';
const DROPPABLE = /\.(galley\.json|json|txt|md|xml|alto|html?|hocr|pdf|tei)$/i;

const userData = userDataOverride(process.env);
if (userData) app.setPath('userData', userData);
app.enableSandbox();
// The packaged app has no node_modules: pdfjs' CMaps, fonts and worker are copied next to app.asar.
if (app.isPackaged) setPdfjsRoot(path.join(process.resourcesPath, PDFJS_RESOURCES_DIR));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const devTools = !app.isPackaged && process.env.GALLEY_DEVTOOLS === '1';
/** Playwright's `_electron` specs answer dialogs from a queue (tests/support/fixtures.ts); never in a packaged app. */
const testMode = !app.isPackaged && process.env.GALLEY_TEST_DIALOGS === '1';
const log = (msg: string) => {
  if (!app.isPackaged) console.log(`galley: ${msg}`);
};

/**
 * Files to open that arrived before the renderer asked `app.initial` (command line, macOS open-file before
 * ready, a second instance while the window loads): an event sent before the page subscribes would be lost.
 */
const launchFiles: string[] = [];
let rendererAsked = false;
let win: BrowserWindow | undefined;
/** Built once the app is ready (native dialogs need it); every window event below comes after that. */
let host: HostSession | undefined;
let quitRequested = false;

function openFiles(files: string[]): void {
  if (!files.length) return;
  if (!win || !rendererAsked) {
    launchFiles.push(...files);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.focus();
  const open = host && classifyOpen(files, host.tokens);
  if (open) win.webContents.send('file.openRequested', open);
}

function setupIpc(handlers: Handlers): void {
  const guarded: Handlers = {
    ...handlers,
    'app.initial': async (input) => {
      rendererAsked = true;
      return handlers['app.initial'](input);
    },
  };
  registerIpc(ipcMain, guarded, { validateSender });
  ipcMain.on(DROP_CHANNEL, (event, raw: unknown) => {
    if (!validateSender(event.senderFrame)) return;
    if (!Array.isArray(raw)) return;
    // Only document types, only existing regular files: a dropped path is the one path the renderer side names.
    const files = raw
      .slice(0, 1000)
      .filter((p): p is string => typeof p === 'string' && path.isAbsolute(p) && DROPPABLE.test(p))
      .filter((p) => {
        try {
          return statSync(p).isFile();
        } catch {
          return false;
        }
      });
    openFiles(files);
  });
}

async function createWindow(session: HostSession): Promise<void> {
  const { closeFlow, recovery } = session;
  const userDataDir = app.getPath('userData');
  const state = fitToDisplays(
    await loadWindowState(userDataDir),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  win = createMainWindow(BrowserWindow, state, { devTools });
  const w = win;
  w.on('close', (e) => {
    // Asks when dirty; otherwise removes this session's recovery files first and closes again (CloseFlow).
    if (!closeFlow.onCloseRequested()) {
      e.preventDefault();
      return;
    }
    const b = w.getNormalBounds();
    void saveWindowState(userDataDir, {
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      maximized: w.isMaximized(),
    }).catch(() => undefined);
  });
  w.on('closed', () => {
    win = undefined;
  });
  // A new page (a reload after a renderer crash) starts a new recovery session: the files written so far are
  // offered by its recovery dialog, never removed by this window's close.
  w.webContents.on('did-navigate', () => recovery.forget());
  w.webContents.on('render-process-gone', (_e, details) => {
    if (details.reason === 'clean-exit') return;
    recovery.forget();
    log(`renderer gone: ${details.reason}; reloading (autosaved work is offered from recovery)`);
    setTimeout(() => {
      if (win && !win.isDestroyed()) win.reload();
    }, 500);
  });
}

function main(): void {
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, log));
  app.on('open-file', (e, file) => {
    e.preventDefault();
    openFiles([file]);
  });
  app.on('window-all-closed', () => app.quit());

  launchFiles.push(...filesFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd()));
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, log, { devTools });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));
    const locale = app.getLocale();
    let dialogs: Dialogs;
    if (testMode) {
      const queue = new QueueDialogs(process.env.GALLEY_TEST_ROOT ?? app.getPath('temp'), true);
      dialogs = queue;
      Object.assign(globalThis, {
        __galleyTestDialogs: queue,
        __galleyTestState: () => ({
          title: win?.getTitle() ?? '',
          dirty: host?.quitGuard.isDirty() ?? false,
          quitRequested,
          dialogsPending: queue.pending(),
        }),
      });
    } else {
      dialogs = createNativeDialogs(dialog, () => win, locale);
    }
    host = createHostSession({
      dialogs,
      userDataDir: app.getPath('userData'),
      appInfo: { version: app.getVersion(), host: 'electron', locale },
      initialFiles: launchFiles, // read at each app.initial call, so files queued later are included
      shell: {
        setTitle: (t) => win?.setTitle(t),
        setDirty: (d) => win?.setDocumentEdited(d),
        quit: () => {
          quitRequested = true;
          app.quit();
        },
        addRecentDocument: (f) => app.addRecentDocument(f),
        runSave: () => win?.webContents.send('command.run', { id: 'file.save' }),
        // The unsaved-changes question is the renderer's in-app dialog, as in the browser host.
        emit: (event, payload) => win?.webContents.send(event, payload),
        close: () => win?.close(),
        onError: (e) => log(`closing: ${(e as Error)?.message ?? String(e)}`),
      },
    });
    setupIpc(host.handlers);
    const menu = buildMenuTemplate({
      locale: menuLocale(locale),
      platform: process.platform,
      devTools,
      send: (id) => win?.webContents.send('command.run', { id }),
      about: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'Galley',
          message: `Galley ${app.getVersion()}`,
          detail: 'Offline newspaper page proofreading workbench.',
        }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu as Parameters<typeof Menu.buildFromTemplate>[0]));
    await createWindow(host);
  });
}

if (setupSingleInstance(app, openFiles)) main();
