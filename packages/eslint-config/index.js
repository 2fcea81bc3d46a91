// The one ESLint flat config for Partnerline. Each workspace package has a two-line eslint.config.js that picks
// one of the presets below; globs are relative to that package. Recommended rules only (no type-aware rules:
// lint stays fast), plus the boundaries that keep the architecture honest (docs/CODE_STYLE.md).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { boundaries } from './rules/boundaries.js';

export const plugin = { meta: { name: '@partnerline/eslint-plugin' }, rules: { boundaries } };

export const SQL_MESSAGE =
  'SQL belongs in a repository: .query() and createQueryBuilder() are allowed only in *.repository.ts (and src/database, src/bootstrap, src/seed). ' +
  "Call the owning module's exported repository function instead (docs/CODE_STYLE.md, ADR 0013).";

/**
 * What packages/domain may import besides its own files: pure libraries that run unchanged in Node and the browser.
 * opencc-js (traditional → simplified Chinese, for customer-name matching) joined zod and decimal.js deliberately.
 */
export const DOMAIN_ALLOWED_IMPORTS = ['zod', 'decimal.js', 'opencc-js'];

export const DOMAIN_IMPORT_MESSAGE =
  `packages/domain is pure: it imports only ${DOMAIN_ALLOWED_IMPORTS.join(', ')} and its own relative files (no Nest, TypeORM, React or node:*), ` +
  'so every rule runs in the browser and in unit tests.';

const ignores = {
  name: 'partnerline/ignores',
  ignores: ['**/dist/**', '**/dist-*/**', '**/node_modules/**', '**/coverage/**', '**/.turbo/**', '**/routeTree.gen.ts', '**/screenshots/**'],
};

export const base = [
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'partnerline/base',
    plugins: { partnerline: plugin },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      'partnerline/boundaries': 'error',
      // `_`-prefixed names are deliberately unused (destructuring to omit a field, interface-shaped callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        // Unused parameters stay allowed: handlers and services keep one signature across a family of methods.
        { args: 'none', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A defensive initial value before try/catch is a style choice, not a bug: report, don't fail.
      'no-useless-assignment': 'warn',
      // `try { … } catch {}` is how a polling loop says "not yet"; other empty blocks stay errors.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  { name: 'partnerline/node-scripts', files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  { name: 'partnerline/commonjs', files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
];

/** Node packages (tooling scripts, the config package itself). */
export const node = [...base, { name: 'partnerline/node', files: ['**/*.ts'], languageOptions: { globals: globals.node } }];

/** apps/api: CommonJS Node, and SQL only in repositories. */
export const api = [
  ...node,
  { name: 'partnerline/api-commonjs', files: ['*.js'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
  {
    name: 'partnerline/sql-only-in-repositories',
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.repository.ts', 'src/database/**', 'src/bootstrap/**', 'src/seed/**', 'src/**/*.spec.ts', 'src/**/*.int-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='query']", message: SQL_MESSAGE },
        { selector: "CallExpression[callee.property.name='createQueryBuilder']", message: SQL_MESSAGE },
        { selector: "CallExpression[callee.name='createQueryBuilder']", message: SQL_MESSAGE },
      ],
    },
  },
];

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const domainImports = (extra) => [
  'error',
  {
    patterns: [
      {
        regex: `^(?!(?:${[...DOMAIN_ALLOWED_IMPORTS, ...extra].map(escapeRegex).join('|')})(?:/|$)|\\.{1,2}/)`,
        message: DOMAIN_IMPORT_MESSAGE,
      },
    ],
  },
];

/** packages/domain: pure rules and schemas. */
export const domain = [
  ...base,
  { name: 'partnerline/domain-pure', files: ['src/**/*.ts'], rules: { 'no-restricted-imports': domainImports([]) } },
  // Tests beside the rules may also use vitest (and nothing else).
  { name: 'partnerline/domain-tests', files: ['src/**/*.test.ts'], rules: { 'no-restricted-imports': domainImports(['vitest', 'fast-check']) } },
];

/** Browser apps and packages/ui (React). */
export const web = [
  ...base,
  {
    name: 'partnerline/react',
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules only (the React Compiler rules of the plugin's preset are not adopted).
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
];

export default base;
