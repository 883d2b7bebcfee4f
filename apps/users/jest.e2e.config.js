// The built app as a real process on real ports (nx e2e users builds it first).
module.exports = {
  displayName: 'users-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 60_000,
};
