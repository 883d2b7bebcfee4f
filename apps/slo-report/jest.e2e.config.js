// Runs the built CLI (dist/apps/slo-report/main.js) against a real Prometheus.
module.exports = {
  displayName: 'slo-report-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
