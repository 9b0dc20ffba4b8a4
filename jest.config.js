/** Jest runs TypeScript through SWC (the native TypeScript 7 compiler has no JS API for ts-jest). */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }];
const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/', '/web/dist/'],
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // The web app's alias for the shared schemas (tsconfig.json `paths`, web/vite.config.ts).
  moduleNameMapper: { '^@domain/(.*)$': '<rootDir>/domain/$1' },
  // jose ships only ES modules; SWC turns it into CommonJS for jest's module system.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testTimeout: 60_000,
};

/**
 * Three lanes (docs/TESTING.md). `unit`: pure tests beside the code, no Postgres, Temporal or browser,
 * so `npm run test:unit` runs them alone in seconds. `integration`: test/ against the real stack.
 * `e2e`: the browser suites (`*.e2e.test.ts`). `npm test` runs all three.
 */
module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '<rootDir>/test/', '\\.e2e\\.test\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.e2e\\.test\\.ts$'],
    },
    { ...shared, displayName: 'e2e', testMatch: ['**/*.e2e.test.ts'] },
  ],
};
