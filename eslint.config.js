// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Layering by where code runs (README.md, "Layout"): shared/ is pure (no Node, Electron or React); the renderer
 * never touches Node or Electron; electron/host/ holds what every shell shares and never imports electron or a
 * shell; the three shells (electron/desktop, electron/web, electron/cli) import host/ and shared/, never each
 * other; the preload imports only electron and the channel names.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream'];

/** What no file of the renderer imports. */
const rendererBase = [
  { group: ['electron', 'electron/*'], message: 'the renderer talks to the host contract only.' },
  { group: nodeBuiltins, message: 'the renderer has no Node.' },
  { group: ['**/electron/**'], message: 'the renderer must not import the main process.' },
];

/** What no file in shared/ imports; the folders below add their own arrows (a later rule replaces, not extends). */
const sharedPure = [
  { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
  { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is pure: no React.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not import the app layers.' },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      '.tmp/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
      '**/*.cjs',
      'shared/suggest/model/*.json',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='nodeIntegration'][value.value=true]",
          message: 'nodeIntegration must stay off.',
        },
        {
          selector: "Property[key.name='contextIsolation'][value.value=false]",
          message: 'contextIsolation must stay on.',
        },
        { selector: "Property[key.name='sandbox'][value.value=false]", message: 'the renderer must stay sandboxed.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity must stay on.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'never build markup from text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'never build markup from text.' },
        { selector: "CallExpression[callee.name='eval']", message: 'no eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'no new Function.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: sharedPure }],
    },
  },
  {
    files: ['shared/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedPure,
            {
              group: ['**/audit', '**/audit/**'],
              message: 'the model does not run the audit: its callers do (shared/issue-file/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/export/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedPure,
            {
              group: ['**/import', '**/import/**'],
              message: 'exports do not import importers: shared shapes live in shared/model/ or shared/layout/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: rendererBase }],
    },
  },
  {
    // The store and the command core sit below the features: features import them, never the other way.
    files: [
      'renderer/src/store/**/*.ts',
      'renderer/src/store/**/*.tsx',
      'renderer/src/commands/**/*.ts',
      'renderer/src/commands/**/*.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererBase,
            {
              group: ['**/features/**', '**/app/**'],
              message:
                'store/ and commands/ never import a feature or the app: features get the registry through CommandContext.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'electron/host/ is shared by every shell: no Electron.' },
            { group: ['**/desktop/**', '**/web/**', '**/cli/**'], message: 'electron/host/ never imports a shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'the browser host must stay electron-free.' },
            {
              group: ['**/desktop/**', '**/cli/**'],
              message: 'a shell imports electron/host/ and shared/, never another shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'the CLI must stay electron-free.' },
            {
              group: ['**/desktop/**', '**/web/**'],
              message: 'a shell imports electron/host/ and shared/, never another shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/desktop/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/web/**', '**/cli/**'],
              message: 'a shell imports electron/host/ and shared/, never another shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/desktop/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'zod',
                '**/contract*',
                '**/model/**',
                '**/renderer/**',
                'node:*',
                '**/host/**',
                '**/web/**',
                '**/cli/**',
              ],
              message: 'the preload imports only electron and shared/ipc/channels.',
            },
          ],
        },
      ],
    },
  },
  {
    // Questions and file choices are the app's own dialogs (renderer/src/features/dialogs/), the same in every
    // host: the browser's blocking prompt, confirm and alert are never used.
    files: ['renderer/**/*.{ts,tsx,js}', 'electron/web/**/*.{ts,js}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['alert', 'confirm', 'prompt'].map((name) => ({
          name,
          message: 'use the in-app dialogs (features/dialogs: ask, pick), not the browser prompt.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].flatMap((object) =>
          ['alert', 'confirm', 'prompt'].map((property) => ({
            object,
            property,
            message: 'use the in-app dialogs (features/dialogs: ask, pick), not the browser prompt.',
          })),
        ),
      ],
    },
  },
);
