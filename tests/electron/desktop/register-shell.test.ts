import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, writeFile, readFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildMenuTemplate, menuLocale, MENU_COMMANDS, type MenuItemSpec } from '../../../electron/desktop/main/menu';
import { isCommandId } from '../../../shared/commands/ids';
import { QuitGuard } from '../../../electron/host/session/quit-guard';
import {
  fitToDisplays,
  loadWindowState,
  saveWindowState,
  DEFAULT_STATE,
} from '../../../electron/desktop/main/window-state';
import { filesFromArgv, setupSingleInstance } from '../../../electron/desktop/main/single-instance';
import { userDataOverride } from '../../../electron/desktop/main/paths';

/** Native integration pieces of the shell that do not need Electron: menu, quit prompt, window state, argv. */
const flat = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('application menu', () => {
  it('has File, Edit, View, Window, Help in English and Chinese', () => {
    const en = buildMenuTemplate({
      locale: 'en',
      send: () => undefined,
      about: () => undefined,
      platform: 'linux',
      devTools: false,
    });
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const zh = buildMenuTemplate({
      locale: 'zh-CN',
      send: () => undefined,
      about: () => undefined,
      platform: 'linux',
      devTools: false,
    });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(flat(zh).find((i) => i.id === 'file.save')?.label).toBe('保存');
    const mac = buildMenuTemplate({
      locale: 'en',
      send: () => undefined,
      about: () => undefined,
      platform: 'darwin',
      devTools: false,
    });
    expect(mac.map((m) => m.label)).toEqual(['Galley', 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('items send command.run ids; accelerators are shown but left to the renderer keymap', () => {
    const sent: string[] = [];
    const items = flat(
      buildMenuTemplate({
        locale: 'en',
        send: (id) => sent.push(id),
        about: () => undefined,
        platform: 'linux',
        devTools: false,
      }),
    );
    const commands = items.filter((i) => i.id);
    expect(commands.map((i) => i.id).sort()).toEqual(Object.keys(MENU_COMMANDS).sort());
    for (const i of commands) i.click!();
    expect(sent.sort()).toEqual(Object.keys(MENU_COMMANDS).sort());
    // Every id the menu sends is one the renderer registers (the same list types both sides).
    for (const id of sent) expect(isCommandId(id)).toBe(true);
    for (const i of commands.filter((c) => c.accelerator)) expect(i.registerAccelerator).toBe(false);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(items.some((i) => i.role === 'quit')).toBe(true);
  });

  it('devtools appear only when enabled (development)', () => {
    const items = flat(
      buildMenuTemplate({
        locale: 'en',
        send: () => undefined,
        about: () => undefined,
        platform: 'linux',
        devTools: true,
      }),
    );
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('picks Chinese for any zh locale', () => {
    expect(menuLocale('zh-CN')).toBe('zh-CN');
    expect(menuLocale('zh-TW')).toBe('zh-CN');
    expect(menuLocale('zh')).toBe('zh-CN');
    expect(menuLocale('en-US')).toBe('en');
    expect(menuLocale('de')).toBe('en');
  });
});

describe('quit with unsaved changes', () => {
  it('closes at once when clean', () => {
    const g = new QuitGuard();
    expect(g.onCloseRequested()).toBe('close');
  });

  it("asks when dirty; Cancel stays, Don't save closes", () => {
    const g = new QuitGuard();
    g.onDirty(true);
    expect(g.onCloseRequested()).toBe('ask');
    expect(g.onAnswer('cancel')).toBe('stay');
    expect(g.onCloseRequested()).toBe('ask');
    expect(g.onAnswer('discard')).toBe('close');
    expect(g.onCloseRequested()).toBe('close');
  });

  it('Save runs the save and closes once the renderer reports clean', () => {
    const g = new QuitGuard();
    g.onDirty(true);
    g.onCloseRequested();
    expect(g.onAnswer('save')).toBe('run-save');
    expect(g.onDirty(true)).toBe('none');
    expect(g.onDirty(false)).toBe('close');
    expect(g.onCloseRequested()).toBe('close');
  });

  it('a cancelled Save As calls the quit off: a later save does not close the window', () => {
    const g = new QuitGuard();
    g.onDirty(true);
    g.onAnswer('save');
    g.onSaveAbandoned();
    expect(g.onDirty(false)).toBe('none');
    g.onDirty(true);
    expect(g.onCloseRequested()).toBe('ask');
  });
});

describe('window state', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'galley-winstate-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('is remembered in window-state.json', async () => {
    await saveWindowState(dir, { x: 100, y: 50, width: 1200, height: 800, maximized: true });
    expect(JSON.parse(await readFile(path.join(dir, 'window-state.json'), 'utf8'))).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect(await loadWindowState(dir)).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
  });

  it('a missing or damaged file gives the default', async () => {
    expect(await loadWindowState(dir)).toEqual(DEFAULT_STATE);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'window-state.json'), '{"width":"big"');
    expect(await loadWindowState(dir)).toEqual(DEFAULT_STATE);
  });

  it('a window left on a monitor that is gone comes back; sizes fit the screen', () => {
    expect(fitToDisplays({ x: 3000, y: 100, width: 1200, height: 800, maximized: false }, screen)).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(fitToDisplays({ x: 10, y: 10, width: 5000, height: 3000, maximized: false }, screen)).toEqual({
      x: 10,
      y: 10,
      width: 1920,
      height: 1080,
      maximized: false,
    });
    expect(fitToDisplays({ x: 10, y: 10, width: 1000, height: 700, maximized: false }, screen)).toEqual({
      x: 10,
      y: 10,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('command line and single instance', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'galley-argv-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps existing files, drops flags, scripts and missing names', async () => {
    await writeFile(path.join(dir, 'a.galley.json'), '{}');
    await writeFile(path.join(dir, 'p1.txt'), 'x');
    expect(
      filesFromArgv(
        [
          '--no-sandbox',
          'out/main/index.js',
          'a.galley.json',
          path.join(dir, 'p1.txt'),
          'missing.txt',
          '--inspect=9229',
          '',
        ],
        dir,
      ),
    ).toEqual([path.join(dir, 'a.galley.json'), path.join(dir, 'p1.txt')]);
  });

  it('a second launch hands its files to the first; the second process quits', async () => {
    await writeFile(path.join(dir, 'b.txt'), 'x');
    let secondInstance: ((e: unknown, argv: string[], cwd: string) => void) | undefined;
    const got: string[][] = [];
    const first = {
      requestSingleInstanceLock: () => true,
      on: (_: string, cb: typeof secondInstance) => {
        secondInstance = cb;
      },
      quit: () => {
        throw new Error('first must not quit');
      },
    };
    expect(setupSingleInstance(first, (f) => got.push(f))).toBe(true);
    secondInstance!({}, ['/usr/bin/galley', 'b.txt'], dir);
    expect(got).toEqual([[path.join(dir, 'b.txt')]]);
    let quit = false;
    expect(
      setupSingleInstance(
        {
          requestSingleInstanceLock: () => false,
          on: () => undefined,
          quit: () => {
            quit = true;
          },
        },
        () => undefined,
      ),
    ).toBe(false);
    expect(quit).toBe(true);
  });

  it('GALLEY_USER_DATA overrides the user data folder only with an absolute path', () => {
    expect(userDataOverride({ GALLEY_USER_DATA: '/tmp/x' })).toBe('/tmp/x');
    expect(userDataOverride({ GALLEY_USER_DATA: 'rel' })).toBeUndefined();
    expect(userDataOverride({})).toBeUndefined();
  });
});
