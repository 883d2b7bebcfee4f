// The image-build rehearsal: installs the production dependencies of a built app from the registry
// and boots it the way the container does, so it runs as the e2e target (after the app's build).
module.exports = {
  displayName: 'ci-checks-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 600_000,
};
