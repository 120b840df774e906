/** Jest: ts-jest in transpile-only mode (types are checked by `npm run typecheck`), so the suite stays fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  // A guard against a hang, not a speed check: with both cores busy on a shared machine, page suites that take
  // a few seconds alone passed 20 s per test (fieldwork/pages, onboarding-pages).
  testTimeout: 60000,
  // Jest's default leaves one core to its parent process, which only collects results: on a 2-core machine
  // that is one worker, and the whole suite ran on one core.
  maxWorkers: '100%',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};
