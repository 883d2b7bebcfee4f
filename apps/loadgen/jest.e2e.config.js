// Long-running suites that boot the built server and the CLI as real processes.
module.exports = {
  displayName: 'loadgen-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 60_000,
};
