import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { sharedAlias } from './build/vite-shared.ts';

/**
 * One build for the three Electron targets with the requested top-level layout (electron/, renderer/, shared/).
 * The preload is a single CJS bundle, as a sandboxed preload must be.
 */
export default defineConfig({
  main: {
    resolve: { alias: sharedAlias },
    build: {
      outDir: 'out/main',
      // Bundle the main process's dependencies (zod, write-file-atomic, …): the packaged app ships no node_modules
      // (electron-builder.yml, scripts/package-smoke.mjs).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/desktop/main/index.ts') },
        // pdfjs' optional native canvas (a 33 MB platform binary, not loadable from inside app.asar) stays out;
        // pdfjs works without it.
        external: ['@napi-rs/canvas'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/desktop/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    resolve: { alias: sharedAlias },
    worker: { format: 'es' },
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 6000,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
