// @ts-check
// The linter guards what the compiler cannot: the architecture's import boundaries (shared/ is the
// pure core both ends load, so it imports neither end; the client never loads server code), no import
// cycles, promises that are neither awaited nor handled, and React's rules of hooks.
// `npm run lint` runs it with prettier and tsc; CI runs that before the tests.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/** The boundaries, as import-x/no-restricted-paths zones (paths relative to the repository). */
export const BOUNDARIES = [
  { target: './shared', from: './server', message: 'shared/ is loaded by server and client alike: it imports neither.' },
  { target: './shared', from: './client', message: 'shared/ is loaded by server and client alike: it imports neither.' },
  { target: './client', from: './server', message: 'The client talks to the server over the protocol in shared/, never by importing it.' },
];

export default defineConfig(
  globalIgnores([
    'dist/',
    'data/',
    'test-results/',
    'bench/results/',
    // Written by today's main and committed as test data (docs/UPGRADES.md).
    'tests/fixtures/v1/',
    // Files that break the rules on purpose, linted one by one by tests/lint/boundaries.test.ts.
    'tests/lint/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Without these import-x reads only .js dependencies, and no-cycle would see no TypeScript module.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        // Imports name the emitted `.js` file (NodeNext style); the source is `.ts` or `.tsx`.
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: BOUNDARIES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // An import the resolver cannot follow would slip past both rules above unseen.
      'import-x/no-unresolved': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: the Store interface is async for Redis; SQLite's methods are synchronous inside, on purpose
      // (docs/DECISIONS.md), and an `async` without `await` is how they keep the interface's shape.
      '@typescript-eslint/require-await': 'off',
      // Yjs's XML types define toString() (their XML) in JavaScript but not in their declarations.
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', 'YXmlFragment', 'YXmlElement', 'YXmlText'] }],
    },
  },
  {
    // Off in tests and the benchmark: they read untyped replies (JSON bodies, CLI output, logs) and
    // assert on them field by field; the assertion failing is the check, not a type.
    files: ['tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}', 'bench/baselines/minimal-client/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Plain JavaScript is outside every tsconfig: linted without types.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['client/public/sw.js'],
    languageOptions: { globals: globals.serviceworker },
  },
);
