// The whole platform as real processes: the four apps from their build output, one embedded
// Postgres, Debian's prometheus and prometheus-alertmanager, an OTLP receiver and a webhook sink.
module.exports = {
  displayName: 'platform-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
