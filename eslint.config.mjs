// ESLint for the whole tree (docs/architecture/contracts-and-lint.md). Not type-aware, so it stays fast;
// `tsc --noEmit` does the type checking. The layer rules come from the same matrix as test/architecture.test.ts.
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const { folders: matrix } = JSON.parse(readFileSync(new URL('./scripts/lint/import-matrix.json', import.meta.url), 'utf8'));
const folders = Object.keys(matrix);
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];
/** Deterministic code (workflows) and pure code (domain): no Node built-ins, no I/O clients. */
const IO_PATTERNS = [
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'net',
  'os',
  'crypto',
  'child_process',
  'pg',
  'knex',
  'objection',
  'ioredis',
  'pino',
  'koa',
  'koa-*',
  '@koa/*',
  'socket.io',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];
/** Folders whose code runs in the product, where `process.env` belongs to config modules only. */
const PRODUCT = ['domain', 'config', 'infra', 'integrations', 'db', 'actors', 'activities', 'workflows', 'worker', 'api', 'web'];

/** One zone per pair of folders where the first may not import the second at all (types included); type-only rows are checked below. */
function zonesFor(target, from, allowed) {
  return folders
    .filter((to) => to !== from && !allowed.includes(to))
    .map((to) => ({ target, from: `./${to}`, message: `${from}/ may not import ${to}/ (scripts/lint/import-matrix.json)` }));
}
const zones = folders.flatMap((from) => zonesFor(`./${from}`, from, [...matrix[from].imports, ...matrix[from].typeImports]));
/** Tests beside the code may import what their folder and test/ may. */
const testZones = folders.flatMap((from) => zonesFor(`./${from}/**/*.test.{ts,tsx}`, from, [...matrix[from].imports, ...matrix[from].typeImports, ...matrix.test.imports, 'test']));

/** Per folder: the folders it may import as types only, plus the I/O ban of workflows/ and domain/. */
const typeOnlyBlocks = folders.flatMap((from) => {
  const patterns = matrix[from].typeImports.map((to) => ({
    group: [`**/${to}/*`, `**/${to}`],
    allowTypeImports: true,
    message: `${from}/ may import ${to}/ only with \`import type\``,
  }));
  if (from === 'workflows' || from === 'domain') patterns.push({ group: IO_PATTERNS, message: `${from}/ is deterministic and pure: no Node built-ins or I/O clients` });
  if (from === 'domain') patterns.push({ group: ['@temporalio/*'], message: 'domain/ is shared with the web app: no Temporal SDK' });
  return patterns.length ? [{ files: [`${from}/**/*.{ts,tsx}`], ignores: TEST_FILES, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } }] : [];
});

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'web/dist/', 'test-results/', '.ci/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'], tsconfig: { configFile: './tsconfig.json' } })],
    },
    rules: {
      // Sanitizers match control characters on purpose (domain/safe-text.ts, domain/media.ts, db/knowledge/chunk.ts).
      'no-control-regex': 'off',
      // A variable a closure reads before its single assignment (a server handler and its simulator) cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Product code returns typed rows (core conventions): no `any` in product code.
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      // `_unused` names destructure a field away on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: TEST_FILES, rules: { 'import-x/no-restricted-paths': ['error', { zones: testZones }] } },
  // Tests and simulators read loosely typed JSON (webhook bodies, Meta's answers).
  { files: [...TEST_FILES, 'test/**', 'sandbox/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // It loads @temporalio/proto's own protobufjs copy, which only require() reaches (docs/TESTING.md).
  { files: ['test/support/history-json.ts'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  ...typeOnlyBlocks,
  {
    files: PRODUCT.map((folder) => `${folder}/**/*.{ts,tsx}`),
    ignores: [...TEST_FILES, 'config/**', '**/config.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment in config/ only (loadConfig)' }] },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Last: turns off every stylistic rule Prettier owns.
  prettier,
);
