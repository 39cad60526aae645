// Lint: typescript-eslint's type-aware recommended rules over every TypeScript file of the tsconfig, plain recommended
// rules for the build scripts; formatting is Prettier's alone (eslint-config-prettier last switches style rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'dist-wps/', 'dist-web/', 'coverage/', 'test/artifacts/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Hosts implement one Promise-based adapter; the synchronous ones (WPS, the in-memory test host) are async
      // methods without an await, by contract.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    // Excel and WPS hand a custom function whatever the cell holds; `any` is what the metadata generator reads as
    // "any value" for a parameter, and what WPS's registration takes.
    files: ['functions/**/*.ts', 'hosts/wps/custom-functions.ts', 'hosts/wps/wps-globals.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Specs read JSON printed by the CLI and parsed XML: untyped on purpose, checked by their assertions.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  { files: ['test/e2e/**/*.js', 'hosts/**/*.js'], languageOptions: { globals: globals.browser } },
  prettier,
);
