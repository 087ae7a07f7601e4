import { test as base, expect, _electron, type Page, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHost, type WebHost } from '../../electron/web/server';
import type { EventName } from '../../shared/ipc/channels';
import type { DialogAnswer, DialogChannel } from '../../electron/host/session/dialogs';
import { ROOT } from './paths';

/**
 * Playwright fixtures shared by the web and Electron projects (playwright.config.ts).
 *
 * - `appPage`: the running app. In the `web` project, a fresh loopback browser host (real handlers, test mode)
 *   over a fresh temp dir serving `out/renderer` (build it first: `npx electron-vite build`); in the `electron`
 *   project, the real shell launched with `GALLEY_USER_DATA` in the temp dir and test dialogs.
 * - `host`: what a test needs around it: `tmpDir` (files for dialogs live here), `queueDialog(channel, answer)`
 *   (paths relative to tmpDir, or null = cancel; a button index for `dialog.confirm`), `emit(event, payload)`
 *   (a main → renderer event, e.g. a menu command), `state()` (title, dirty, quit requested), `restart()`.
 */
export interface HostState {
  title: string;
  dirty: boolean;
  quitRequested: boolean;
  dialogsPending: Record<string, number>;
  closed?: boolean;
}

export interface HostFixture {
  /** Temp folder of this test: put page and issue files here; dialog answers are relative to it. */
  tmpDir: string;
  /** Where the host keeps recent.json and recovery/ (inside tmpDir, hidden from the dialog file list). */
  userDataDir: string;
  /** The page URL (web project; in Electron, `app://bundle/index.html`). */
  url: string;
  kind: 'web' | 'electron';
  queueDialog(channel: DialogChannel, answer: DialogAnswer): Promise<void>;
  emit(event: EventName, payload: unknown): Promise<void>;
  state(): Promise<HostState>;
  /** Stops the host and starts a new one on the same tmpDir (same user data), then reloads the app. */
  restart(): Promise<void>;
  /** Asks to close the window (Electron: the real window; web: the same close sequence via `/__test/close`). */
  requestClose(): Promise<void>;
  /** The current app page (changes after `restart()` in Electron). */
  readonly page: Page;
  /** Electron only: the application, for `evaluate` in the main process. */
  electronApp?: ElectronApplication;
}

const RENDERER_DIR = path.join(ROOT, 'out/renderer');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function startTestHost(tmpDir: string, userDataDir: string, inAppPicker = false): Promise<WebHost> {
  return startWebHost({
    root: tmpDir,
    rendererDir: RENDERER_DIR,
    testMode: true,
    inAppPicker,
    session: { userDataDir, version: VERSION, host: 'test', locale: 'zh-CN' },
  });
}

/**
 * Waits while out/renderer is being rebuilt (electron-vite empties it first), so that a build running next to
 * the tests delays a test instead of failing it; fails clearly when nothing is built.
 */
async function rendererBuilt(timeoutMs = 60_000): Promise<void> {
  const index = path.join(RENDERER_DIR, 'index.html');
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (existsSync(index)) return;
  }
  throw new Error(`${index} is missing: run npx electron-vite build before the e2e tests`);
}

async function hostCall<T>(host: WebHost, route: string, body?: unknown): Promise<T> {
  const res = await fetch(host.origin + route, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'x-galley-token': host.token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as { ok: boolean; value?: T; error?: string };
  if (!data.ok) throw new Error(`${route}: ${data.error}`);
  return data.value as T;
}

interface Ctx {
  tmpDir: string;
  userDataDir: string;
  state: { web?: WebHost; app?: ElectronApplication; page?: Page };
}

/**
 * `inAppPicker`: the web host answers file dialogs through the renderer's own picker (as outside test mode),
 * not from the test's queue; `test.use({ inAppPicker: true })` in specs that drive the picker.
 */
export const test = base.extend<{ ctx: Ctx; host: HostFixture; appPage: Page; inAppPicker: boolean }>({
  inAppPicker: [false, { option: true }],
  ctx: async ({}, use) => {
    const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'galley-e2e-'));
    const userDataDir = path.join(tmpDir, '.user-data');
    await mkdir(userDataDir, { recursive: true });
    const ctx: Ctx = { tmpDir, userDataDir, state: {} };
    await use(ctx);
    await ctx.state.web?.close();
    await ctx.state.app?.close().catch(() => undefined);
    // The host may still be finishing a queued write (issue.open answers before its recent.json update is fsynced):
    // retry instead of failing on ENOTEMPTY.
    await rm(tmpDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  },

  appPage: async ({ page, ctx, inAppPicker }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const launch = () =>
        _electron.launch({
          args: [path.join(ROOT, 'out/main/index.js')],
          cwd: ROOT,
          env: {
            ...process.env,
            GALLEY_USER_DATA: ctx.userDataDir,
            GALLEY_TEST_DIALOGS: '1',
            GALLEY_TEST_ROOT: ctx.tmpDir,
          } as Record<string, string>,
        });
      ctx.state.app = await launch();
      ctx.state.page = await ctx.state.app.firstWindow();
      await use(ctx.state.page);
      return;
    }
    ctx.state.web = await startTestHost(ctx.tmpDir, ctx.userDataDir, inAppPicker);
    await rendererBuilt();
    await page.goto(ctx.state.web.url);
    ctx.state.page = page;
    await use(page);
  },

  host: async ({ ctx, appPage, inAppPicker }, use, testInfo) => {
    const electron = testInfo.project.name === 'electron';
    const fixture: HostFixture = {
      tmpDir: ctx.tmpDir,
      userDataDir: ctx.userDataDir,
      kind: electron ? 'electron' : 'web',
      get url() {
        return electron ? 'app://bundle/index.html' : (ctx.state.web?.url ?? '');
      },
      get electronApp() {
        return ctx.state.app;
      },
      get page() {
        return ctx.state.page ?? appPage;
      },
      async queueDialog(channel, answer) {
        if (electron) {
          const abs =
            answer === null || typeof answer === 'number'
              ? answer
              : (Array.isArray(answer) ? answer : [answer]).map((p) => path.resolve(ctx.tmpDir, p));
          await ctx.state.app!.evaluate(
            (_electron, arg) => {
              (
                globalThis as unknown as { __galleyTestDialogs: { push(c: string, a: unknown): void } }
              ).__galleyTestDialogs.push(arg.channel, arg.answer);
            },
            { channel, answer: abs },
          );
          return;
        }
        await hostCall(ctx.state.web!, '/__test/dialog', { channel, answer });
      },
      async emit(event, payload) {
        if (electron) {
          await ctx.state.app!.evaluate(
            ({ BrowserWindow }, arg) => {
              BrowserWindow.getAllWindows()[0]?.webContents.send(arg.event, arg.payload);
            },
            { event, payload },
          );
          return;
        }
        await hostCall(ctx.state.web!, '/__test/event', { event, payload });
      },
      async state() {
        if (electron) {
          return ctx.state.app!.evaluate(() =>
            (globalThis as unknown as { __galleyTestState: () => HostState }).__galleyTestState(),
          );
        }
        return hostCall<HostState>(ctx.state.web!, '/__test/state');
      },
      async requestClose() {
        if (electron) {
          await ctx.state.app!.evaluate(({ BrowserWindow }) => {
            BrowserWindow.getAllWindows()[0]?.close();
          });
          return;
        }
        await hostCall(ctx.state.web!, '/__test/close', {});
      },
      async restart() {
        if (electron) {
          await ctx.state.app!.close();
          ctx.state.app = await _electron.launch({
            args: [path.join(ROOT, 'out/main/index.js')],
            cwd: ROOT,
            env: {
              ...process.env,
              GALLEY_USER_DATA: ctx.userDataDir,
              GALLEY_TEST_DIALOGS: '1',
              GALLEY_TEST_ROOT: ctx.tmpDir,
            } as Record<string, string>,
          });
          ctx.state.page = await ctx.state.app.firstWindow();
          return;
        }
        await ctx.state.web?.close();
        ctx.state.web = await startTestHost(ctx.tmpDir, ctx.userDataDir, inAppPicker);
        await rendererBuilt();
        await appPage.goto(ctx.state.web.url);
      },
    };
    await use(fixture);
  },
});

export { expect };
