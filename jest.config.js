// Tiers (DESIGN.md §8): *.spec.ts pure, *.int.spec.ts real Temporal + databases, *.medium.spec.ts the built
// gateway served in-process with a real worker, dev server, databases and browser (ADR 36), *.e2e.spec.ts
// the built apps as processes over HTTP where the process is the subject; and *.faults.spec.ts (issue 6),
// the built apps while something breaks, with a summary of what was acknowledged, found, lost and
// duplicated. One dev server and one workflow bundle serve a run, one Chromium the medium tier's browser
// files. `npm test` runs unit, integration, medium and e2e side by side, then faults alone (ADR 37).
// *.cluster.spec.ts (ADR 52) run on a Temporal cluster of separate server processes: `npm run test:cluster`.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/data/'],
};

module.exports = {
  transform: common.transform,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  reporters: [
    'default',
    '<rootDir>/test/faults/support/fault-summary-reporter.js',
    '<rootDir>/test/support/summary-reporter.js',
  ],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.(int|medium|e2e|faults|cluster)\\.spec\\.ts$', '/node_modules/'],
    },
    { ...common, displayName: 'integration', testMatch: ['**/*.int.spec.ts'] },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.medium.spec.ts'],
      // The medium tier requires the built gateway from dist/ (what ships), so dist/ stays visible here.
      modulePathIgnorePatterns: ['<rootDir>/data/'],
      globalSetup: '<rootDir>/test/support/browser-server.ts',
      globalTeardown: '<rootDir>/test/support/browser-server-teardown.ts',
    },
    { ...common, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.spec.ts'] },
    {
      // `npm run test:cluster` (ADR 52): the built apps on a Temporal cluster of tools/cluster (separate
      // temporal-server processes on PostgreSQL) while its nodes are killed. One cluster for the tier.
      ...common,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/cluster/**/*.cluster.spec.ts'],
      globalSetup: '<rootDir>/test/cluster/support/cluster-setup.ts',
      globalTeardown: '<rootDir>/test/cluster/support/cluster-teardown.ts',
    },
  ],
};
