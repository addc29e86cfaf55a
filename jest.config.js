/** Preact 11 ships ESM only, so jest transforms it like our own TypeScript. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  transformIgnorePatterns: ['/node_modules/(?!(preact|preact-render-to-string)/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  testTimeout: 30000,
};
