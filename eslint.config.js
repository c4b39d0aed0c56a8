import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Keeps code that may run in a browser page free of Node and Electron. */
export const processBoundaryRule = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'Only electron/ may import Electron; ask the main process through PlatformApi.' },
      ],
      patterns: [
        { group: ['node:*'], message: 'Node APIs belong to the main process; ask through PlatformApi.' },
        { group: ['**/electron/**'], message: 'The renderer and shared code must not import main-process modules.' },
      ],
    },
  ],
};

/** Keeps the hub a program of its own: it shares code with the desktop app only through shared/. */
export const hubBoundaryRule = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['**/renderer', '**/renderer/**'],
          message: 'The hub must not import the desktop app; move shared code to shared/.',
        },
        {
          group: ['electron', '**/electron', '**/electron/**'],
          message: 'The hub runs without Electron and must not import the main process; move shared code to shared/.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/results/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits or catches, an async function where a plain callback is expected,
      // a switch that forgets a member of its union.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-console': 'error', ...processBoundaryRule },
  },
  {
    files: ['shared/**/*.ts'],
    rules: processBoundaryRule,
  },
  {
    files: ['server/**/*.ts'],
    rules: hubBoundaryRule,
  },
  prettier,
);
