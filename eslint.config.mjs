// Lint fences for the layering in DEVELOPERS.md: dependencies point one way only,
// renderer → shared and shell → host → core → shared. Each zone is an error, never a warning.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream'];

/** @param {string[]} groups @param {string} why */
const forbid = (groups, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message: why }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '.scratch*/**', '.tmp*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: forbid(
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'better-sqlite3', 'pdf-lib', '**/core/**', '**/host/**', '**/shell/**', '**/renderer/**'],
      'electron/shared is the bottom layer: no Node, Electron, React, storage or upper layers.',
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: forbid(['electron', 'react', 'react-dom', '**/host/**', '**/shell/**', '**/renderer/**'], 'core is framework-free: it may import shared only.'),
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: forbid(['electron', 'react', 'react-dom', '**/shell/**', '**/renderer/**'], 'host never imports electron: the CLI, `pledge serve` and tests run it under plain Node.'),
  },
  {
    files: ['electron/shell/**/*.ts', 'electron/main.ts'],
    rules: forbid(['react', 'react-dom', '**/core/**', '**/renderer/**'], 'the shell reaches the domain through host only.'),
  },
  {
    files: ['electron/launcher/**/*.ts', 'electron/launch.ts'],
    rules: forbid(['electron/*', 'react', '**/core/**', '**/host/**', '**/shell/**', '**/renderer/**'], 'the launcher only finds and starts a program: Node built-ins only.'),
  },
  {
    files: ['electron/preload.ts'],
    rules: forbid([...NODE_BUILTINS, 'react', '**/core/**', '**/host/**', '**/shell/**', '**/renderer/**'], 'the preload may import electron and shared only.'),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    // Why `paths` for 'electron': as a gitignore-style pattern, 'electron' also matches the folder in
    // '../electron/shared/…', which the renderer is allowed to import.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer talks to window.pledge only; it may import electron/shared.' }],
          patterns: [
            {
              group: [...NODE_BUILTINS, 'electron/*', 'better-sqlite3', 'pdf-lib', '**/electron/core/**', '**/electron/host/**', '**/electron/shell/**', '**/electron/main', '**/electron/preload'],
              message: 'the renderer talks to window.pledge only; it may import electron/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS preloads for child processes (node --require).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
