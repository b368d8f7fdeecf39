// Lint: type-aware rules everywhere, and the dependency direction of DESIGN.md §2 as import rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import is forbidden when its specifier matches `regex`. */
const forbid = (regex, message) => ({ regex, message });

const layer = (files, patterns) => ({
  files,
  ignores: ['**/*.spec.ts'],
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

/** What holds for every file of the gateway. */
const GATEWAY = [
  forbid('(^|/)(worker|embedded|verifier)/src', 'The apps never import each other.'),
  forbid(
    '(^|/)workflows/(?!definitions$)',
    'The gateway knows workflows/ only by their contract (workflows/definitions: ids, updates, queries, signals).',
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      'data/**',
      'build-output/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-console': 'error',
    },
  },
  // Workflow code is replayed: only the workflow SDK and pure domain code, never I/O or frameworks.
  layer(
    ['workflows/**/*.ts'],
    [
      forbid(
        '^(?!@temporalio/(workflow|common)$)(?!\\./)(?!(\\.\\./)+libs/domain/)',
        'workflows/ may import only @temporalio/workflow, @temporalio/common, other workflow files and libs/domain.',
      ),
    ],
  ),
  // The domain is pure: no packages, no other layer.
  layer(
    ['libs/domain/**/*.ts'],
    [
      forbid(
        '^(?!\\./|\\.\\./(?!\\.\\./)|chinese-days$|@zxcvbn-ts/(core|language-common)$|zod$)',
        'libs/domain is pure: it imports only its own files, the working-day calendar data (chinese-days), the password-strength estimator (zxcvbn-ts, no I/O) and zod (the command and event schemas).',
      ),
    ],
  ),
  // The opinion-analysis engine is pure too, and kept apart so the workflow bundle never carries it (ADR 45).
  layer(
    ['libs/opinion-analysis/**/*.ts'],
    [
      forbid(
        '^(?!\\./)(?!(\\.\\./)+domain/src$)(?!opencc-js/t2cn$)',
        "libs/opinion-analysis is pure: it imports only its own files, libs/domain/src and opencc-js's dictionaries (ADR 58).",
      ),
    ],
  ),
  layer(
    ['libs/runtime/**/*.ts'],
    [forbid('(^|/)(apps|workflows|libs/(domain|persistence|temporal))/', 'libs/runtime depends on nothing of ours.')],
  ),
  // The transparency log's proofs and signed notes (ADR 54): node:crypto and its own files, so that
  // the worker, the gateway and the verifier share one implementation.
  layer(
    ['libs/transparency/**/*.ts'],
    [forbid('^(?!node:)(?!\\./)', 'libs/transparency imports only node: built-ins and its own files.')],
  ),
  layer(
    ['libs/persistence/**/*.ts'],
    [
      forbid(
        '(^|/)(apps|workflows)/|(^|/)libs/temporal/|^@temporalio/|^@nestjs/',
        'libs/persistence depends on libs/domain, libs/opinion-analysis and libs/transparency only (DESIGN.md §2).',
      ),
    ],
  ),
  layer(
    ['libs/temporal/**/*.ts'],
    [
      forbid(
        '(^|/)apps/|(^|/)libs/persistence/|^@nestjs/|^typeorm$',
        'libs/temporal depends on libs/domain and workflows only.',
      ),
    ],
  ),
  layer(['apps/gateway/**/*.ts'], GATEWAY),
  // The gateway by area (ADR 48): the shell and the infrastructure serve every area and know none; the
  // public area reaches no staff code. OpenAPI documents the action bodies, so it may read decisions/.
  layer(
    ['apps/gateway/src/common/**/*.ts', 'apps/gateway/src/site-shell/**/*.ts'],
    [
      ...GATEWAY,
      forbid(
        '(^|/)(public|decisions|feedback|admin)/',
        'common/ and site-shell/ are shared by the areas: they import none of them.',
      ),
      forbid('^(\\.\\./)+disclosure/', 'common/ and site-shell/ are shared by the areas: they import none of them.'),
    ],
  ),
  layer(
    ['apps/gateway/src/site-shell/openapi/**/*.ts'],
    [...GATEWAY, forbid('(^|/)(public|feedback|admin)/', 'OpenAPI reads only the action bodies of decisions/.')],
  ),
  layer(
    ['apps/gateway/src/public/**/*.ts'],
    [
      ...GATEWAY,
      forbid(
        '(^|/)(decisions|feedback|admin)/|(^|/)site-shell/(console|sign-in)/',
        'The public area imports no staff code: only common/, site-shell/web/ and its own folders.',
      ),
      forbid('^(\\.\\./)+disclosure/', 'The public area imports no staff code (disclosure/ is the staff side).'),
    ],
  ),
  layer(['apps/worker/**/*.ts'], [forbid('(^|/)(gateway|embedded|verifier)/src', 'The apps never import each other.')]),
  layer(
    ['apps/embedded/**/*.ts'],
    [forbid('(^|/)(gateway|worker|verifier)/src', 'The launcher starts the apps as processes; it never imports them.')],
  ),
  // The operators' commands that need the database (create-admin): persistence and the domain, no other app.
  layer(
    ['apps/admin-cli/**/*.ts'],
    [
      forbid(
        '(^|/)(gateway|worker|embedded|verifier)/src|(^|/)workflows/|(^|/)libs/temporal/|^@temporalio/|^@nestjs/',
        'apps/admin-cli uses libs/persistence and libs/domain only.',
      ),
    ],
  ),
  // The verifier is anyone's check of a deployment over HTTP: Node built-ins and the pure domain, nothing else.
  layer(
    ['apps/verifier/**/*.ts'],
    [
      forbid(
        '^(?!node:)(?!\\./)(?!(\\.\\./)+libs/(domain|transparency)/src$)',
        'apps/verifier imports only node: built-ins, its own files, libs/domain/src and libs/transparency/src.',
      ),
    ],
  ),
  // Tests may use the console and loose typing of fixtures.
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
);
