/**
 * Two projects with the same transform:
 * - unit: *.spec.ts beside the code — no database, no global setup (`pnpm --filter @partnerline/api test:unit`);
 * - integration: *.int-spec.ts (against PostgreSQL) and *.e2e-spec.ts (HTTP), which share one migrated and seeded
 *   database started by the global setup (embedded PGlite, or a fresh database on DATABASE_URL). Jest runs a project's
 *   global setup only when one of its tests is selected, so unit runs never start a database.
 * `pnpm test` (no --selectProjects) runs both, as before.
 */
const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.js$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs/|\\.pnpm/@nestjs\\+|@partnerline/|\\.pnpm/@partnerline\\+))'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
