import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** A relative import that leaves its folder for one of these top-level folders, as no-restricted-imports sees it. */
const layer = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'release/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Layers (issue 18, point 5): each folder imports only the ones below it. core is the domain and
  // words/ the translations, both leaves; db serves the contract; cli and electron are transports
  // over db; the renderer talks to the service only through the contract (core) and its bridge.
  // The patterns see the import as written, so `(\.\./)+name/` stands for that top-level folder
  // at any depth; test/core/import-graph.test.ts checks the same with resolved paths, and cycles.
  {
    // The domain stays pure: no I/O, no Electron, no SQLite, no DOM (DESIGN.md "Shape"), nothing else of ours.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'electron', 'better-sqlite3', 'react'], message: 'core/ is pure: no I/O, Electron, SQLite or DOM.' },
            { regex: layer('db', 'hub', 'cli', 'electron', 'renderer', 'words', 'scripts', 'bin'), message: 'core/ imports nothing else of ours.' },
          ],
        },
      ],
    },
  },
  {
    // The words are a leaf: every layer reads them, so they read nothing of ours.
    files: ['words/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: layer('core', 'db', 'hub', 'cli', 'electron', 'renderer', 'scripts', 'bin'), message: 'words/ imports nothing else of ours.' }] }] },
  },
  {
    // The planner file knows nothing of the window, the desktop shell or the command line. Electron stays in electron/.
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: [{ regex: layer('renderer', 'electron', 'hub', 'cli', 'scripts', 'bin'), message: 'db/ imports only core/ and words/.' }] },
      ],
    },
  },
  {
    // The hub serves a department over PostgreSQL: the domain and the words, never the planner file, the window or the shell.
    files: ['hub/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron', 'better-sqlite3'], patterns: [{ regex: layer('db', 'renderer', 'electron', 'cli', 'scripts', 'bin'), message: 'hub/ imports only core/ and words/.' }] },
      ],
    },
  },
  {
    files: ['cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [{ regex: layer('renderer', 'electron', 'scripts', 'bin'), message: 'cli/ imports only core/, db/, hub/ and words/.' }] }],
    },
  },
  {
    files: ['electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: layer('renderer', 'hub', 'cli', 'scripts', 'bin'), message: 'electron/ imports only core/, db/ and words/.' }] }] },
  },
  {
    // The window reaches the planner only through the contract (types from core/) over the bridge.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [{ regex: layer('db', 'hub', 'cli', 'electron', 'scripts', 'bin'), message: 'renderer/ imports only core/ and words/.' }] }],
    },
  },
);
