// npm run lint (part of npm test): ESLint with typescript-eslint's strict,
// type-checked rules everywhere, eslint-plugin-lit and eslint-plugin-wc on
// the elements and pages. Every rule turned off or loosened says why.
import {defineConfig} from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/**
 * In the plain JavaScript, what JSON.parse, import() and the XML parser return
 * is `any`, and narrowing it takes a JSDoc cast at each use (about 500 places
 * when last counted): these rules stay on for the TypeScript only.
 * @type {Record<string, 'off'>}
 */
const UNTYPED_JS = {
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
};

// Their types also admit the legacy format; these two are flat configs.
const litRecommended = /** @type {import('eslint').Linter.Config} */ (lit.configs?.['flat/recommended']);
const wcRecommended = /** @type {import('eslint').Linter.Config} */ (wc.configs?.['flat/recommended']);

export default defineConfig(
  {ignores: ['dist/', 'node_modules/', 'src/generated/', 'demo/generated/', 'test/generated/', 'test/fixtures/']},
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.browser-js.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Counts, sizes and line numbers go into messages as the digits String() writes.
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true}],
      // A parameter a subclass needs and the base class does not use is named `_name`.
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            // node:test's test() and describe() return promises the runner itself awaits.
            {from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'before', 'after']},
            // @open-wc/semantic-dom-diff types every chai equal() as a promise, for its async
            // .dom.equal(); the plain equal() the tests call returns at once.
            {from: 'file', path: 'node_modules/@open-wc/semantic-dom-diff/chai-dom-diff-plugin.d.ts', name: 'Equal'},
          ],
        },
      ],
    },
  },
  {files: ['**/*.mjs', '**/*.js'], rules: UNTYPED_JS},
  {
    files: ['tools/**', 'node/**'],
    rules: {
      // Commands end by answering their exit code (node/command-line.mjs), so output is flushed
      // and tests can call main(): process.exit() cuts both short.
      'no-restricted-properties': [
        'error',
        {object: 'process', property: 'exit', message: 'Return the exit code from main() (node/command-line.mjs).'},
      ],
    },
  },
  {
    // What the package's command and Node code print may quote a user's file, page or argument: it goes
    // through node/terminal-text.mjs, which escapes control characters (`say`), or is the command's own
    // text (`own`). The one place that calls console is that module.
    files: ['tools/cli/**', 'node/**'],
    ignores: ['node/terminal-text.mjs'],
    rules: {
      'no-restricted-properties': [
        'error',
        {object: 'process', property: 'exit', message: 'Return the exit code from main() (node/command-line.mjs).'},
        ...['log', 'warn', 'error', 'info'].map((property) => ({
          object: 'console',
          property,
          message: "Print through say (data escaped) or own (the command's own text) from node/terminal-text.mjs.",
        })),
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'pages/**/*.ts'],
    extends: [litRecommended, wcRecommended],
    rules: {
      // `this.shadowRoot!` and the nodes an element drew itself are there by construction; a check
      // for what cannot happen would cost bytes in every partner's page.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // A test's `el!` on what it just drew fails the test with a TypeError when it is missing: the check it needs.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai's property assertions (`expect(x).to.exist`, `.to.be.true`) assert when they are read.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Query helpers are typed as querySelector<T>() is: the caller names the element it expects.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
);
