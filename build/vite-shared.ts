import { fileURLToPath } from 'node:url';

/** Aliases shared by electron-vite and vitest, which cannot read electron.vite.config.ts. */
export const sharedAlias = {
  '@shared': fileURLToPath(new URL('../shared', import.meta.url)),
  '@renderer': fileURLToPath(new URL('../renderer/src', import.meta.url)),
};
