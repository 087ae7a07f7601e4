import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { sharedAlias } from './build/vite-shared.ts';

/** Test tiers (docs/foundation.md, How it is proven): pure Node logic, and React in jsdom. E2E lives in Playwright. */
export default defineConfig({
  resolve: { alias: sharedAlias },
  test: {
    projects: [
      {
        resolve: { alias: sharedAlias },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/shared/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/tooling/**/*.test.ts',
            'tests/cross/**/*.test.ts',
          ],
          setupFiles: ['tests/support/electron-mock.ts'],
          testTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: sharedAlias },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.tsx', 'tests/renderer/**/*.test.ts'],
          setupFiles: ['tests/support/dom-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
