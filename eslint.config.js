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

/** Features read and write through the repositories; only renderer/db/ holds the Dexie database object. */
const [, processBoundary] = processBoundaryRule['no-restricted-imports'];
const repositoriesMessage =
  'Features read and write through the repositories (repositories from renderer/db/instance), which keep the trash rule and the outbox in one place.';
export const featureDataRule = {
  'no-restricted-imports': [
    'error',
    {
      paths: processBoundary.paths,
      patterns: [
        ...processBoundary.patterns,
        { group: ['**/db/instance'], importNames: ['database'], message: repositoriesMessage },
        { group: ['**/db/database'], importNames: ['FollowthroughDatabase'], message: repositoriesMessage },
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

/**
 * The process boundary, and folders the files under `folder` may not import: the layer below may not
 * reach up, or the two folders would depend on each other.
 */
function layerRule(forbidden, message) {
  const [level, boundary] = processBoundaryRule['no-restricted-imports'];
  return {
    'no-restricted-imports': [
      level,
      {
        ...boundary,
        patterns: [...boundary.patterns, { group: forbidden.map((folder) => `**/${folder}/**`), message }],
      },
    ],
  };
}

/**
 * A <button> without a type is a submit button, and Enter in any field of its form "clicks" the
 * first one: in the action log that was the first row's Delete. Every button says what it is.
 */
export const buttonTypeRule = {
  'no-restricted-syntax': [
    'error',
    {
      selector: 'JSXOpeningElement[name.name="button"]:not(:has(JSXAttribute[name.name="type"]))',
      message: 'Give every <button> a type: "button", or "submit" for the one button that submits its form.',
    },
    {
      // A key remounts the form and throws away what the coach has typed when the value changes.
      selector: 'JSXOpeningElement[name.name=/Form$/] > JSXAttribute[name.name="key"]',
      message:
        'Do not key a form on data: a change remounts it and loses what was typed. Let it follow its props instead.',
    },
    {
      // The browser's date picker reads and writes dates in the system's format and refuses "fri".
      selector: 'JSXAttribute[name.name="type"][value.value="date"]',
      message:
        'Dates are typed in one field everywhere: use DateField (saves itself) or FormDateField (held by a form).',
    },
    {
      // Chromium applies dir="auto" on a textarea by reading its whole value again on every key.
      selector: 'JSXOpeningElement[name.name="textarea"] > JSXAttribute[name.name="dir"][value.value="auto"]',
      message: 'Give a textarea the direction of its text with textDirection (shared/text-direction), not dir="auto".',
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
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': 'error',
      ...processBoundaryRule,
      ...buttonTypeRule,
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: processBoundaryRule,
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: featureDataRule,
  },
  {
    // A test waits for what it expects to see, never for a fixed time.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: 'waitForTimeout',
          message: 'Wait for a condition (a locator, waitForFunction, vi.waitFor) instead of a fixed time.',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: hubBoundaryRule,
  },
  {
    files: ['renderer/sync/**/*.ts'],
    rules: {
      ...layerRule(
        ['privacy'],
        'Sync may not import privacy/: erasure scrubs what sync keeps, so privacy/ depends on sync/. Put what both need in sync/ or db/.',
      ),
      // The engine's steps stay short enough to read whole, each with the state it needs passed in.
      'max-lines-per-function': ['error', { max: 120 }],
    },
  },
  {
    // The sealing layer runs inside Dexie's transactions, where the global Promise's statics are
    // Dexie's zone-tracking kind: each promise handed to its `all` costs a hundred zone switches.
    files: ['renderer/db/encryption/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['all', 'allSettled', 'race', 'any'].map((property) => ({
          object: 'Promise',
          property,
          message: "Inside a transaction this is Dexie's zone-tracking Promise: use allOf from ./transaction-wait.",
        })),
      ],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: layerRule(
      ['sync', 'privacy'],
      'The data layer sits below sync/ and privacy/, which use it: put what both need in db/.',
    ),
  },
  prettier,
);
