import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS } from '../../../shared/ipc/channels';

/**
 * Boots the real main-process entry (electron/desktop/main/index.ts) against a recording stand-in for `electron`, to check
 * the wiring without the binary: what happens before `ready` (sandbox, privileged scheme, single-instance lock),
 * what is installed after it (protocol handler, session hardening, IPC, menu, window), and the unsaved-changes
 * prompt on close.
 */
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners = new Map<string, ((...a: unknown[]) => unknown)[]>();
  const on = (name: string, cb: (...a: unknown[]) => unknown) => {
    listeners.set(name, [...(listeners.get(name) ?? []), cb]);
  };
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => {
    readyResolve = r;
  });
  const handles = new Map<string, (e: unknown, raw: unknown) => Promise<unknown>>();
  const windows: FakeWindow[] = [];
  const sent: [string, unknown][] = [];
  const boxes: unknown[] = [];
  const userData = { dir: '' };
  class FakeWindow {
    listeners = new Map<string, ((...a: unknown[]) => unknown)[]>();
    url = '';
    title = 'Galley';
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    on(name: string, cb: (...a: unknown[]) => unknown) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), cb]);
      return this;
    }
    once(name: string, cb: (...a: unknown[]) => unknown) {
      return this.on(name, cb);
    }
    emit(name: string, ...args: unknown[]) {
      for (const cb of this.listeners.get(name) ?? []) cb(...args);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    maximize() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    getTitle() {
      return this.title;
    }
    setTitle(t: string) {
      this.title = t;
    }
    setDocumentEdited() {}
    reload() {}
    close() {
      let prevented = false;
      this.emit('close', {
        preventDefault: () => {
          prevented = true;
        },
      });
      if (!prevented) {
        this.destroyed = true;
        this.emit('closed');
        calls.push('window closed');
      }
    }
    webContents = {
      send: (ch: string, p: unknown) => {
        sent.push([ch, p]);
      },
      on: () => undefined,
    };
  }
  const electron = {
    app: {
      isPackaged: false,
      setPath: (_k: string, v: string) => {
        userData.dir = v;
        calls.push('setPath userData');
      },
      getPath: (k: string) => (k === 'userData' ? userData.dir : os.tmpdir()),
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return true;
      },
      on,
      quit: () => calls.push('app.quit'),
      whenReady: () => ready,
      getLocale: () => 'zh-CN',
      getVersion: () => '9.8.7',
      addRecentDocument: (f: string) => calls.push(`addRecentDocument ${path.basename(f)}`),
    },
    protocol: {
      registerSchemesAsPrivileged: (s: { scheme: string }[]) =>
        calls.push(`registerSchemesAsPrivileged ${s.map((x) => x.scheme)}`),
      handle: (scheme: string) => calls.push(`protocol.handle ${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => calls.push('setDevicePermissionHandler'),
        webRequest: { onBeforeRequest: () => calls.push('onBeforeRequest') },
      },
    },
    ipcMain: {
      handle: (ch: string, l: (e: unknown, raw: unknown) => Promise<unknown>) => {
        handles.set(ch, l);
      },
      on: (ch: string) => calls.push(`ipcMain.on ${ch}`),
    },
    Menu: {
      buildFromTemplate: (t: { label: string }[]) => ({ labels: t.map((m) => m.label) }),
      setApplicationMenu: (m: { labels: string[] }) => calls.push(`menu ${m.labels.join(',')}`),
    },
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        boxes.push(args[args.length - 1]);
        return { response: 1 };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    BrowserWindow: FakeWindow,
  };
  return { calls, listeners, readyResolve: () => readyResolve(), handles, windows, sent, boxes, electron, userData };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-boot-'));
  process.env.GALLEY_USER_DATA = dir;
  delete process.env.GALLEY_TEST_DIALOGS;
  await import('../../../electron/desktop/main/index');
});
afterAll(async () => {
  delete process.env.GALLEY_USER_DATA;
  await rm(dir, { recursive: true, force: true });
});

const appFrame = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
const call = (ch: string, raw: unknown, e: unknown = appFrame) =>
  fake.handles.get(ch)!(e, raw) as Promise<{ ok: boolean; value?: unknown; error?: string }>;

describe('main process boot', () => {
  it('before ready: user data, sandbox, privileged app: scheme, single-instance lock, hardening of every webContents', () => {
    expect(fake.userData.dir).toBe(dir);
    expect(fake.calls).toEqual([
      'setPath userData',
      'enableSandbox',
      'registerSchemesAsPrivileged app',
      'requestSingleInstanceLock',
    ]);
    expect(fake.listeners.has('web-contents-created')).toBe(true);
    expect(fake.listeners.has('second-instance')).toBe(true);
    expect(fake.handles.size).toBe(0); // nothing answers before ready
  });

  it('after ready: session hardened, app: served, every channel registered, menu in the locale, one window on app://bundle', async () => {
    fake.readyResolve();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        'setPermissionRequestHandler',
        'setPermissionCheckHandler',
        'onBeforeRequest',
        'protocol.handle app',
        'menu 文件,编辑,视图,窗口,帮助',
        'ipcMain.on galley:files-dropped',
      ]),
    );
    expect(fake.calls.indexOf('onBeforeRequest')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
    expect([...fake.handles.keys()].sort()).toEqual([...CHANNELS].sort());
    const w = fake.windows[0];
    expect(w.url).toBe('app://bundle/index.html');
    expect(w.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
  });

  it('IPC answers the app window and refuses others', async () => {
    expect(await call('app.info', {})).toEqual({
      ok: true,
      value: {
        version: '9.8.7',
        host: 'electron',
        locale: 'zh-CN',
        userName: expect.any(String),
        platform: process.platform,
      },
    });
    expect(await call('app.info', {}, { senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject({
      ok: false,
      code: 'refused',
    });
    expect(await call('window.setTitle', { title: '浙江日报' })).toEqual({ ok: true, value: {} });
    expect(fake.windows[0].title).toBe('浙江日报');
  });

  it('closing with unsaved changes asks the renderer (its in-app dialog); "Don\'t save" closes and the window state is remembered', async () => {
    await call('window.setDirty', { dirty: true });
    const boxes = fake.boxes.length;
    fake.windows[0].close();
    await vi.waitFor(() => expect(fake.sent.map(([ch]) => ch)).toContain('window.closeRequested'));
    expect(fake.calls).not.toContain('window closed');
    expect(fake.boxes).toHaveLength(boxes); // no native box
    expect(await call('window.closeAnswer', { answer: 'discard' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(fake.calls).toContain('window closed'));
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(path.join(dir, 'window-state.json'), 'utf8'))).toEqual({
        x: 10,
        y: 20,
        width: 1000,
        height: 700,
        maximized: false,
      }),
    );
  });
});
