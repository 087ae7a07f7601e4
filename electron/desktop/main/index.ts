import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { statSync } from 'node:fs';
import path from 'node:path';
import { createHandlers, classifyOpen, type Dialogs } from '../../host/services/handlers';
import { PathTokens } from '../../host/security/path-tokens';
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
import { QuitGuard } from '../../host/session/quit-guard';
import { CloseFlow } from '../../host/session/close-flow';
import { RecoverySession } from '../../host/session/recovery-session';
import { PDFJS_RESOURCES_DIR, setPdfjsRoot } from '../../host/services/pdfjs-assets';
import { QueueDialogs } from '../../host/session/dialogs';

/**
 * The Electron shell (issue 6): one hardened window on `app://bundle`, the host contract over IPC with the same
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
const log = (msg: string) => { if (!app.isPackaged) console.log(`galley: ${msg}`); };

const tokens = new PathTokens();
const quitGuard = new QuitGuard();
/** Recovery files of this window's renderer: removed on a normal close (saved, or "Don't save"), kept on a crash. */
const recovery = new RecoverySession();
const closeFlow = new CloseFlow({
  guard: quitGuard,
  recovery,
  confirm: () => askBeforeClose(),
  runSave: () => win?.webContents.send('command.run', { id: 'file.save' }),
  close: () => win?.close(),
  onError: (e) => log(`closing: ${(e as Error)?.message ?? String(e)}`),
});
/**
 * Files to open that arrived before the renderer asked `app.initial` (command line, macOS open-file before
 * ready, a second instance while the window loads): an event sent before the page subscribes would be lost.
 */
const launchFiles: string[] = [];
let rendererAsked = false;
let win: BrowserWindow | undefined;
let dialogs: Dialogs | undefined;
let quitRequested = false;

function openFiles(files: string[]): void {
  if (!files.length) return;
  if (!win || !rendererAsked) {
    launchFiles.push(...files);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.focus();
  const open = classifyOpen(files, tokens);
  if (open) win.webContents.send('file.openRequested', open);
}

function setupIpc(handlers: Handlers): void {
  // A cancelled Save As or a failed save calls off a "save, then quit".
  const guarded: Handlers = {
    ...handlers,
    'app.initial': async (input) => {
      rendererAsked = true;
      return handlers['app.initial'](input);
    },
    'dialog.saveIssueAs': async (input) => {
      const r = await handlers['dialog.saveIssueAs'](input);
      if (!r) quitGuard.onSaveAbandoned();
      return r;
    },
    'issue.save': async (input) => {
      try {
        return await handlers['issue.save'](input);
      } catch (e) {
        quitGuard.onSaveAbandoned();
        throw e;
      }
    },
  };
  registerIpc(ipcMain, guarded, { validateSender });
  ipcMain.on(DROP_CHANNEL, (event, raw: unknown) => {
    if (!validateSender(event.senderFrame)) return;
    if (!Array.isArray(raw)) return;
    // Only document types, only existing regular files: a dropped path is the one path the renderer side names.
    const files = raw.slice(0, 1000).filter((p): p is string => typeof p === 'string' && path.isAbsolute(p) && DROPPABLE.test(p)).filter((p) => {
      try { return statSync(p).isFile(); } catch { return false; }
    });
    openFiles(files);
  });
}

/** The unsaved-changes question; the answer goes to `closeFlow` (0 Save, 1 Don't save, 2 Cancel). */
function askBeforeClose(): Promise<number> {
  const zh = menuLocale(app.getLocale()) === 'zh-CN';
  const buttons = zh ? ['保存', '不保存', '取消'] : ['Save', "Don't Save", 'Cancel'];
  return dialogs!.confirm({
    message: zh ? '本期有未保存的更改。' : 'This issue has unsaved changes.',
    detail: zh ? '关闭前要保存吗？' : 'Save them before closing?',
    buttons,
  });
}

async function createWindow(): Promise<void> {
  const userDataDir = app.getPath('userData');
  const state = fitToDisplays(await loadWindowState(userDataDir), screen.getAllDisplays().map((d) => d.workArea));
  win = createMainWindow(BrowserWindow, state, { devTools });
  const w = win;
  w.on('close', (e) => {
    // Asks when dirty; otherwise removes this session's recovery files first and closes again (CloseFlow).
    if (!closeFlow.onCloseRequested()) {
      e.preventDefault();
      return;
    }
    const b = w.getNormalBounds();
    void saveWindowState(userDataDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: w.isMaximized() }).catch(() => undefined);
  });
  w.on('closed', () => { win = undefined; });
  // A new page (a reload after a renderer crash) starts a new recovery session: the files written so far are
  // offered by its recovery dialog, never removed by this window's close.
  w.webContents.on('did-navigate', () => recovery.forget());
  w.webContents.on('render-process-gone', (_e, details) => {
    if (details.reason === 'clean-exit') return;
    recovery.forget();
    log(`renderer gone: ${details.reason}; reloading (autosaved work is offered from recovery)`);
    setTimeout(() => { if (win && !win.isDestroyed()) win.reload(); }, 500);
  });
}

function main(): void {
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, log));
  app.on('open-file', (e, file) => { e.preventDefault(); openFiles([file]); });
  app.on('window-all-closed', () => app.quit());

  launchFiles.push(...filesFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd()));
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, log, { devTools });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));
    const locale = app.getLocale();
    if (testMode) {
      const queue = new QueueDialogs(process.env.GALLEY_TEST_ROOT ?? app.getPath('temp'), true);
      dialogs = queue;
      Object.assign(globalThis, {
        __galleyTestDialogs: queue,
        __galleyTestState: () => ({ title: win?.getTitle() ?? '', dirty: quitGuard.isDirty(), quitRequested, dialogsPending: queue.pending() }),
      });
    } else {
      dialogs = createNativeDialogs(dialog, () => win, locale);
    }
    const handlers = createHandlers({
      dialogs,
      tokens,
      recovery,
      userDataDir: app.getPath('userData'),
      appInfo: { version: app.getVersion(), host: 'electron', locale, userName: safeUserName(), platform: process.platform },
      initialFiles: launchFiles, // read at each app.initial call, so files queued later are included
      window: {
        setTitle: (t) => win?.setTitle(t),
        setDirty: (d) => {
          win?.setDocumentEdited(d);
          closeFlow.onDirty(d);
        },
        quit: () => {
          quitRequested = true;
          quitGuard.force();
          app.quit();
        },
        addRecentDocument: (f) => app.addRecentDocument(f),
      },
    });
    setupIpc(handlers);
    const menu = buildMenuTemplate({
      locale: menuLocale(locale),
      platform: process.platform,
      devTools,
      send: (id) => win?.webContents.send('command.run', { id }),
      about: () => void dialog.showMessageBox({ type: 'info', title: 'Galley', message: `Galley ${app.getVersion()}`, detail: 'Offline newspaper page proofreading workbench.' }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu as Parameters<typeof Menu.buildFromTemplate>[0]));
    await createWindow();
  });
}

function safeUserName(): string {
  try {
    return process.env.USER ?? process.env.USERNAME ?? '';
  } catch {
    return '';
  }
}

if (setupSingleInstance(app, openFiles)) main();
