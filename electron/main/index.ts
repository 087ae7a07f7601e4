import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

// Minimal shell; the hardened main process (custom scheme, CSP, request blocking, menus) lands with the shell issue.
app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    webPreferences: { preload: join(__dirname, '../preload/index.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  void win.loadFile(join(__dirname, '../renderer/index.html'));
});
