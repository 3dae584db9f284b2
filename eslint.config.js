// Lint rules keep the layers honest (ARCHITECTURE.md): shared/ is pure, the renderer never touches
// Node, and only electron/main and electron/preload may import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'url',
  'util',
  'stream',
];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'bench/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['**/*.{js,ts,tsx}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        '@duckdb/*',
        '../electron/**',
        '../renderer/**',
        '../../electron/**',
        '../../renderer/**',
      ],
      'shared/ is pure TypeScript: no Node, no DOM, no Electron, no UI.',
    ),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [...nodeBuiltins, 'electron', '@duckdb/*', '**/electron/**'],
      'The renderer talks to the main process only through renderer/src/api.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: restrict(
      ['electron', '**/renderer/**'],
      "Only electron/main and electron/preload import 'electron'; the rest runs in plain Node.",
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, '**/store/**', '**/importers/**', '**/tracker/**'],
              message: "The preload imports 'electron' and shared/ipc only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      // Every channel is a key of the contract: raw ipc calls only live in the typed registration helpers.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='ipcRenderer'][callee.property.name='send']",
          message: 'Use the typed contract.',
        },
      ],
    },
  },
);
