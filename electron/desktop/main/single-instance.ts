import { statSync } from 'node:fs';
import path from 'node:path';

const NOT_DOCUMENTS = /\.(js|cjs|mjs|asar|exe|app)$/i;

/**
 * The document files named on a command line (first launch or a second instance): existing regular files, not
 * flags, not the app's own entry script. Relative names resolve against the launching shell's folder.
 */
export function filesFromArgv(argv: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (!a || a.startsWith('-') || NOT_DOCUMENTS.test(a)) continue;
    const abs = path.resolve(cwd, a);
    try {
      if (statSync(abs).isFile()) out.push(abs);
    } catch {
      // not a file: an argument Chromium or Electron added
    }
  }
  return out;
}

/** The slice of `app` used here, injected for tests. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', cb: (event: unknown, argv: string[], cwd: string) => void): unknown;
  quit(): void;
}

/**
 * One Galley per user: a second launch hands its files to the running window and exits. Returns false when this
 * process is the second one (it quits).
 */
export function setupSingleInstance(app: SingleInstanceApp, onFiles: (files: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_e, argv, cwd) => onFiles(filesFromArgv(argv.slice(1), cwd)));
  return true;
}
