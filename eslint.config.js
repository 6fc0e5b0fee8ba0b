// ESLint flat config (eslint 9). Pragmatic: the recommended sets, no type-aware rules (too slow).
// Layering between folders is checked by dependency-cruiser (.dependency-cruiser.cjs); the
// `electron` import rule is repeated here so editors flag it at once.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import compat from 'eslint-plugin-compat';
import globals from 'globals';

const electronOnlyInShell = {
  paths: [
    { name: 'electron', message: "Only main/electron/ may import 'electron' (the hub is plain Node)." },
  ],
  patterns: [{ group: ['electron/*'], message: "Only main/electron/ may import 'electron'." }],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'native/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      '.tmp/**',
      '**/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    // Node side: main/, bin/, scripts/, tests, config files.
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    ignores: ['renderer/**', 'shared/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS files (dependency-cruiser config, Electron preload builds, etc.)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The Electron shell is the one place that may import 'electron'.
    files: ['main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The React app: browser globals, hooks rules, and API use checked against supported browsers.
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // shared/ runs on both sides: no node:, no DOM. Browser support is still checked.
    files: ['renderer/**/*.{ts,tsx,js,jsx}', 'shared/**/*.{ts,tsx,js,jsx}'],
    plugins: { compat },
    settings: {
      // Feature detection in these files is explicit (e.g. `if ('wakeLock' in navigator)`).
      polyfills: [],
    },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['shared/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },
);
