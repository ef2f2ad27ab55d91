/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/out/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
  // Jest's default (cores - 1) is one worker on a 2-core CI box: the whole suite in band, its files'
  // waits on esbuild, npm, serverless and function processes in series. Measured there: test/routes
  // and test/hazards in 85 s with one worker, 47 s with two, 45 s with three.
  maxWorkers: 2,
  // One split per sample for the whole run, shared by the test files that start from one (test/support/shared-split.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
