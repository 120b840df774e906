import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'dist/**',
      'coverage/**',
      'miniprogram/miniprogram_npm/**',
      'cloudfunctions/*/dist/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // `import { z } from 'zod'` makes esbuild keep every zod locale in each bundle (+250 KB, slower cold start).
    files: ['server/**/*.ts', 'cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message: "Import zod as a namespace: import * as z from 'zod' (bundle size, cold start).",
        },
      ],
    },
  },
  {
    // The core is pure: no SDK, no adapter, no clock or environment reads (DESIGN §7).
    files: ['server/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', '**/local-cloud/**', '**/functions/**'],
              message: 'The core imports no adapter.',
            },
            {
              group: ['@cloudbase/*', 'wx-server-sdk', 'better-sqlite3', 'node:*', 'fs', 'http', 'path'],
              message: 'The core imports no SDK or Node API.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read time from the Clock port.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read time from the Clock port.',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'The core reads no environment.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Use the Ids port.',
        },
      ],
    },
  },
  {
    // Adapters implement ports; the wiring that uses them (server/production, server/local-cloud) sits above
    // server/functions. Import cycles and the other layer rules: .dependency-cruiser.json (`npm run lint`).
    files: ['server/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/functions/**',
                '**/functions',
                '**/production/**',
                '**/local-cloud/**',
                '**/cloudfunctions/**',
              ],
              message: 'Adapters import no function table and no entry point.',
            },
          ],
        },
      ],
    },
  },
  {
    // typings/ ships to the mini-program as types only (DESIGN §7).
    files: ['typings/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'typings/ is type-only: use string unions.' },
        {
          selector: 'VariableDeclaration',
          message: 'typings/ is type-only: runtime values live in miniprogram/ or server/.',
        },
        { selector: 'FunctionDeclaration', message: 'typings/ is type-only.' },
      ],
    },
  },
);
