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
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};
