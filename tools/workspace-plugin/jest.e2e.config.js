// Runs the generator in a scratch copy of the workspace, then lints, tests and builds what it made
// and renders its chart: minutes, not seconds, so it is the e2e target and not the unit suite.
module.exports = {
  displayName: 'workspace-plugin-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 600_000,
};
