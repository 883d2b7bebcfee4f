module.exports = {
  displayName: 'loadgen',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/loadgen',
  // The engine specs offer load for a few seconds each; on a busy 2-core machine the default 5 s is too tight.
  testTimeout: 20_000,
};
