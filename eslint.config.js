// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const officeAddins = require('eslint-plugin-office-addins');
const globals = require('globals');

module.exports = tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'coverage/', 'out/', '**/*.d.ts'],
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
  },
  {
    files: ['**/*.mjs', 'test/browser/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx,mts}', 'test/**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      '@typescript-eslint/return-await': ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Test doubles and jest matchers are loosely typed by nature.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx,mts}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/excel/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
    },
  },
  {
    // Only the Office.js writer and the ribbon commands talk to the host: the pane calls them,
    // so a component can be rendered and tested without Excel.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/excel/**', 'src/commands/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only src/excel and src/commands use the Excel API.' },
        { name: 'Office', message: 'Only src/excel and src/commands use the Office API.' },
        { name: 'OfficeExtension', message: 'Only src/excel and src/commands use Office.js.' },
      ],
    },
  },
  {
    // Files are read and written in one place, so part-level editing keeps its guarantees.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/xlsx/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'jszip', 'fast-xml-parser'].map((name) => ({
            name,
            message: 'Only src/xlsx reads and writes workbook files.',
          })),
        },
      ],
    },
  },
  {
    // The domain knows nothing of hosts, files or UI: that is what lets one plan feed two writers.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/excel/**', '**/xlsx/**', '**/taskpane/**', '**/cli/**', '**/commands/**'],
              message: 'The domain must not import writers, UI, commands or the CLI.',
            },
            {
              // Anything but zod and the domain's own relative modules.
              regex: '^(?!zod$|\\.{1,2}/)',
              message: 'The domain imports nothing but zod: no hosts, files, UI or Node.',
            },
          ],
        },
      ],
    },
  },
);
