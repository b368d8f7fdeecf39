// The dependency direction of DESIGN.md §2, checked over the whole program by `npm run lint:deps` (ADR 46).
// eslint's import rules (eslint.config.mjs) say the same per file, with the packages each layer may use;
// this adds what one file cannot see: cycles, what the workflow bundle reaches, and files nothing uses.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: each layer and each file can be read from the bottom up.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-depends-on-nothing-of-ours',
      severity: 'error',
      comment: 'libs/domain is the pure core: no other library, app, workflow, test or tool.',
      from: { path: '^libs/domain/' },
      to: { path: '^(libs/(?!domain/)|apps/|workflows/|test/|tools/)' },
    },
    {
      name: 'opinion-analysis-depends-on-domain-only',
      severity: 'error',
      comment: 'The opinion-analysis engine is pure and uses the domain only (ADR 45).',
      from: { path: '^libs/opinion-analysis/' },
      to: { path: '^(libs/(?!domain/|opinion-analysis/)|apps/|workflows/|test/|tools/)' },
    },
    {
      name: 'runtime-depends-on-nothing-of-ours',
      severity: 'error',
      from: { path: '^libs/runtime/' },
      to: { path: '^(libs/(?!runtime/)|apps/|workflows/|test/|tools/)' },
    },
    {
      name: 'persistence-depends-on-domain-analysis-runtime',
      severity: 'error',
      comment: 'libs/persistence uses libs/domain, libs/opinion-analysis and libs/runtime only.',
      from: { path: '^libs/persistence/' },
      to: { path: '^(libs/temporal/|apps/|workflows/|test/|tools/)' },
    },
    {
      name: 'temporal-depends-on-domain-and-workflow-contract',
      severity: 'error',
      comment: 'libs/temporal (client and worker plumbing) uses the domain, the runtime and workflows/ only.',
      from: { path: '^libs/temporal/' },
      to: { path: '^(libs/(persistence|opinion-analysis)/|apps/|test/|tools/)' },
    },
    {
      name: 'workflows-import-only-the-sdk-and-domain',
      severity: 'error',
      comment: 'Workflow code is replayed: @temporalio/workflow|common, other workflow files and libs/domain only.',
      from: { path: '^workflows/' },
      to: {
        pathNot: '^(workflows/|libs/domain/|node_modules/@temporalio/(workflow|common)/)',
      },
    },
    {
      name: 'workflow-bundle-stays-lean',
      severity: 'error',
      comment:
        'Nothing the workflow bundle reaches loads the opinion-analysis engine or the password dictionaries (ADR 45).',
      from: { path: '^workflows/' },
      to: { path: '^(libs/opinion-analysis/|node_modules/@zxcvbn-ts/)', reachable: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-each-other',
      severity: 'error',
      comment: 'Each app is its own process; what they share lives in libs/.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'gateway-knows-workflows-by-contract',
      severity: 'error',
      comment: 'The gateway uses workflows/definitions (ids, updates, queries, signals), never workflow code.',
      from: { path: '^apps/gateway/' },
      to: { path: '^workflows/', pathNot: '^workflows/definitions\\.ts$' },
    },
    {
      name: 'code-never-imports-test-or-tools',
      severity: 'error',
      comment: 'What ships (libs, apps, workflows, their specs too) never imports test/ or tools/.',
      from: { path: '^(libs|apps|workflows)/' },
      to: { path: '^(test|tools)/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A source file that nothing imports and that is no entry point is dead code.',
      from: {
        orphan: true,
        pathNot: [
          '\\.spec\\.ts$',
          '\\.d\\.ts$',
          '(^|/)\\.[^/]+\\.(js|cjs|mjs)$',
          '^apps/[^/]+/src/main\\.ts$',
          // Browser entry points: bundled one by one by apps/gateway/scripts/build-assets.mjs.
          '^apps/gateway/browser/[^/]+\\.ts$',
          '^test/(cluster/)?support/[^/]*(setup|teardown|reporter)[^/]*$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-bench|data|build-output|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    skipAnalysisNotInRules: true,
  },
};
