// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pure =
  'core, rules, gateway and status/desired.ts are pure: they take data and return data, so lint, serve and the benchmarks share them. I/O belongs to kube, the inputs (cluster, policy) and the doors.';
const noModuleState =
  'No module state in core or rules: compile(policy, catalog) builds what is shared, once per policy version, and evaluate() makes one evaluation context per call. A module-level `let` makes results depend on call order and on which policy or route came before.';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', '.tools/', 'charts/', 'examples/', 'certs/']),

  {
    name: 'typescript (type-checked)',
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // One program for the whole tsconfig.json (src, test, bench, scripts): the repository is linted whole.
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The codebase's own convention (as tsc's noUnusedLocals): `_name` and rest siblings mark a value left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // async without await is how this code implements Promise-returning contracts (Fastify plugins, fakes of the
      // API client, async generators in tests); no-floating-promises and no-misused-promises catch the real hazards.
      '@typescript-eslint/require-await': 'off',
    },
  },

  {
    name: 'tests',
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON bodies (responses, SARIF, reviews) as any and check them with expect(); the assertion is the
      // type check there, and a cast on every parsed body would add noise, not safety. The promise rules stay on.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  {
    name: 'javascript config files',
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'commonjs config files',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    name: 'pure layers: no I/O',
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts', 'src/gateway/**/*.ts', 'src/status/desired.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: pure })),
          patterns: [{ regex: '^(node:|fastify|@fastify/|@kubernetes/client-node|pino)', message: pure }],
        },
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: pure }],
    },
  },
  {
    name: 'core and rules: no module state',
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: pure },
        { selector: 'Program > VariableDeclaration[kind="let"]', message: noModuleState },
        { selector: 'Program > ExportNamedDeclaration > VariableDeclaration[kind="let"]', message: noModuleState },
      ],
    },
  },
);
