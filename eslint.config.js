// @ts-check
/**
 * Lint rules (typescript-eslint's flat config), run by `npm test` after the type check and the
 * architecture rules: the recommended sets, plus what the layout asks of each folder.
 */
const js = require('@eslint/js');
const globals = require('globals');
const tseslint = require('typescript-eslint');

/** The pipeline's folders: what users run. */
const STAGES = ['analyzer', 'planner', 'generators', 'bundler', 'verifier', 'model'].map((d) => `${d}/**/*.ts`);

/** File-system calls that write: only cli/ writes (the analyzer, planner, generators, bundler and verifier read, or return files). */
const WRITES = [
  'writeFileSync',
  'writeFile',
  'appendFileSync',
  'appendFile',
  'mkdirSync',
  'mkdir',
  'mkdtempSync',
  'rmSync',
  'rm',
  'renameSync',
  'rename',
  'copyFileSync',
  'copyFile',
  'cpSync',
  'cp',
  'unlinkSync',
  'unlink',
  'symlinkSync',
  'createWriteStream',
];

const ONLY_CLI_WRITES = 'only cli/ writes files: return them (GeneratedFile, OutputFile) instead';

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'test/golden/**', 'samples/**', 'out/**', 'tmp-apps/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `const { a, ...rest } = x` and `(_req, res) => ...` leave names out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Walking up a chain of scopes starts at `this`.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['scope'] }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and the bench load bundles and handlers by path, as Lambda does: `require(file)`.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: STAGES,
    rules: {
      // Stages report through their results (diagnostics, progress events); only cli prints.
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression > MemberExpression.callee[property.name=/^(${WRITES.join('|')})$/]:matches([object.name=/^(fs|fsp|promises)$/], [object.property.name='promises'])`,
          message: ONLY_CLI_WRITES,
        },
        {
          selector: `ImportDeclaration[source.value=/^(node:)?fs(\\/promises)?$/] > ImportSpecifier[imported.name=/^(${WRITES.join('|')})$/]`,
          message: ONLY_CLI_WRITES,
        },
      ],
    },
  },
);
