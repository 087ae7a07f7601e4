import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders of the built app, relative to the bundled main (`out/main/index.js`). */
const here = path.dirname(fileURLToPath(import.meta.url));
export const RENDERER_DIR = path.join(here, '../renderer');
export const PRELOAD_FILE = path.join(here, '../preload/index.cjs');

/**
 * The user data folder: `GALLEY_USER_DATA` when set (tests, portable use), otherwise Electron's default. Must be
 * decided before `ready`, since Electron creates its caches there.
 */
export function userDataOverride(env: NodeJS.ProcessEnv): string | undefined {
  const v = env.GALLEY_USER_DATA;
  return v && path.isAbsolute(v) ? v : undefined;
}
