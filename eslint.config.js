import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The web UI runs in the browser and talks to the server only through the JSON API.
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/server/**', '**/cli/**', 'node:*'],
              message: 'The web UI uses only the HTTP API (and pure domain constants).',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: no I/O, no storage, no server, no UI, and no clock. "Now" is an input.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process'],
              message: 'src/domain is pure: no I/O (see docs/ARCHITECTURE.md).',
            },
            {
              group: ['**/store/**', '**/server/**', '**/web/**', '**/cli/**', '**/jobs/**'],
              message: 'src/domain may not depend on the edges (store, server, web, cli, jobs).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/domain may not read the clock: take "now" as an input.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain may not read the clock: take "now" as an input.',
        },
        {
          selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']",
          message: 'src/domain may not read the clock: take "now" as an input.',
        },
      ],
    },
  },
);
