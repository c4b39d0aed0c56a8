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
  prettier,
);
