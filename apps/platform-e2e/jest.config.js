// Fast checks of the e2e harness itself (the templated Prometheus and Alertmanager configs pass
// promtool and amtool); the platform suite runs under the e2e target (jest.e2e.config.js).
module.exports = {
  displayName: 'platform-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/platform-e2e',
};
