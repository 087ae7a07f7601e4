import { vi } from 'vitest';

/**
 * Node tests must never load the real `electron` package: it would try to download its binary.
 * Anything that imports it by mistake gets this inert stand-in instead.
 */
vi.mock('electron', () => ({
  app: { getPath: () => '/tmp', on: () => undefined, whenReady: () => Promise.resolve() },
  ipcMain: { handle: () => undefined, removeHandler: () => undefined },
  BrowserWindow: class {},
  dialog: {},
  protocol: {},
  session: {},
  shell: {},
  Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => undefined },
}));
