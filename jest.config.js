/** Jest runs TypeScript through SWC (the native TypeScript 7 compiler has no JS API for ts-jest). */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.data/', '/web/dist/'],
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // jose ships only ES modules; SWC turns it into CommonJS for jest's module system.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testTimeout: 60_000,
};
