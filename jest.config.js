/** Unit and integration tests. The browser flow runs separately (scripts/test.js). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testTimeout: 60000,
  // Every workbook a test writes must pass the strict file check (test/support).
  setupFilesAfterEnv: ['<rootDir>/test/support/check-every-workbook.ts'],
};
