// ESLint flat config. The layer rules of DESIGN.md ("The layers") are enforced here as errors:
//   shared <- core <- {main, headless};  shared <- renderer;  preload imports electron + shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** A relative import that reaches into the given top-level folders of src/. */
const into = (...layers) => `(^|/)(${layers.join('|')})(/|$)`;

/** Builds a no-restricted-imports rule from regex patterns and their reasons. */
const restrict = (...patterns) => [
  'error',
  { patterns: patterns.map(([regex, message]) => ({ regex, message })) },
];

const ELECTRON = ['^electron(/.*)?$', 'Only src/main and src/preload may import electron.'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.tools/**',
      'out/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use a union of string literals (erasable syntax).',
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['^(?!zod$|zod/|\\.{1,2}/)', 'src/shared imports nothing but zod and itself.'],
        [
          into('core', 'main', 'preload', 'headless', 'renderer'),
          'src/shared imports nothing but zod and itself.',
        ],
      ),
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': restrict(
        ELECTRON,
        ['^react', 'src/core knows nothing of the UI.'],
        [
          into('main', 'preload', 'headless', 'renderer'),
          'src/core imports only src/shared and Node.',
        ],
      ),
    },
  },
  {
    files: ['src/main/**'],
    rules: {
      'no-restricted-imports': restrict([
        into('renderer', 'headless', 'preload'),
        'src/main imports src/core and src/shared.',
      ]),
    },
  },
  {
    files: ['src/headless/**'],
    rules: {
      'no-restricted-imports': restrict(ELECTRON, [
        into('renderer', 'main', 'preload'),
        'src/headless imports src/core and src/shared.',
      ]),
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        ['^(?!electron$|\\.{1,2}/)', 'The preload imports electron and src/shared only.'],
        [
          into('core', 'main', 'headless', 'renderer'),
          'The preload imports electron and src/shared only.',
        ],
      ),
    },
  },
  {
    files: ['src/renderer/**', 'test/unit/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        ELECTRON,
        ['^node:', 'The renderer runs in a sandboxed page: no Node modules.'],
        [
          into('core', 'main', 'preload', 'headless'),
          'The renderer talks to the app only through the contract client.',
        ],
      ),
    },
  },
);
