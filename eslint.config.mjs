import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'coverage/**', 'bench/.work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware rules for every TypeScript file (src, dev, test, bench, scripts, vitest.config.ts).
    // The project service gives each file the program of the root tsconfig.json (one program
    // for src, dev, test, bench and scripts). The JavaScript files (*.mjs,
    // *.cjs) are in no tsconfig and keep the rules above only.
    // Chosen for the bugs they catch, not for style: a promise nobody awaits (its rejection is
    // lost and the job ends before the work), a promise where a boolean or a void callback is
    // expected, `await` on a non-promise, a `return promise` inside try that skips the catch, a
    // switch that forgets a case of a union, "[object Object]" or "undefined" in a message.
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/restrict-template-expressions': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-misused-spread': 'error',
      '@typescript-eslint/require-array-sort-compare': ['error', { ignoreStringArrays: true }],
      '@typescript-eslint/unbound-method': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      '@typescript-eslint/no-redundant-type-constituents': 'error',
    },
  },
  {
    // What src/ writes reaches users (comments, reports, job summaries, CLI output): "undefined"
    // or "null" in a sentence is a bug there, so nullable values must be handled before they are
    // interpolated. (Tests, dev tools and benchmarks keep the rule's defaults.)
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowAny: false },
      ],
    },
  },
  {
    // src/cli/index.ts starts with a shebang. ESLint gives the parser the text with `#!` turned
    // into `//`, which no longer matches the file in the tsconfig's program, so typescript-eslint
    // falls back to building one more whole TypeScript project for this file alone (about 2.5 s
    // of CPU, a tenth of the run). The file is three lines, an import and
    // `process.exitCode = await main(...)`, so it is linted without type information.
    files: ['src/cli/index.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The clock is read once, in the composition root (src/host), and passed in.
    files: ['src/**/*.ts'],
    ignores: ['src/host/**', 'src/cli/**', 'src/actions/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the clock in src/host (the composition root) and pass it in.',
        },
      ],
    },
  },
  {
    // Pure code: every capability's decide/, the roster model and the kernel.
    files: ['src/*/decide/**/*.ts', 'src/roster/**/*.ts', 'src/kernel/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'decide code is pure: no I/O' },
        { name: 'process', message: 'decide code is pure: no environment' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is an input to decide.' },
        { object: 'Math', property: 'random', message: 'decide is deterministic.' },
      ],
    },
  },
);
