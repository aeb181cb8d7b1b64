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
