import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Process boundaries are checked, not hoped for: `shared` and every renderer
 * (apps/<name>/src) must run in a browser, so they may not import Node built-ins,
 * Electron, native modules or the server.
 */
const browserOnlyImports = {
  patterns: [
    { group: ['node:*'], message: 'shared code and renderers must not use Node built-ins' },
    {
      group: [
        'electron',
        'better-sqlite3',
        'node-hid',
        'usb',
        '@node-escpos/*',
        'escpos',
        'escpos-*',
        '@yizhan/server',
        '@yizhan/server/*',
      ],
      message: 'shared code and renderers must not load Electron, native modules or the server',
    },
  ],
  paths: [
    'fs',
    'path',
    'os',
    'child_process',
    'crypto',
    'net',
    'http',
    'https',
    'worker_threads',
    'stream',
    'events',
    'util',
    'url',
    'zlib',
    'dgram',
    'tls',
  ].map((name) => ({ name, message: 'shared code and renderers must not use Node built-ins' })),
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-electron/**',
      'data/**',
      'coverage/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true }],
      'no-console': 'off',
    },
  },
  {
    files: ['apps/*/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['shared/**/*.ts', 'apps/*/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', browserOnlyImports] },
  },
);
