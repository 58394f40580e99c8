// ESLint flat config (kept in scripts/ so the top level stays small; `npm run lint` passes it with -c).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default tseslint.config(
  { ignores: ['dist/', '**/node_modules/', 'public/', 'test-results/', '.cache/', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // the pure core must stay free of the DOM, Svelte, tfjs and Node (architecture.md): it runs unchanged in the browser, a worker and the CLI
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['svelte', 'svelte/*', '@tensorflow/*', '@tensorflow-models/*', '../pose/*', '../app/*', '../../pose/*', '../../app/*', 'node:*', 'fs', 'path', 'child_process'] }],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'HTMLVideoElement', 'HTMLCanvasElement', 'process', 'Buffer'],
    },
  },
);
