// users, payments and orders as real processes on free ports, built from dist (e2e depends on their
// build), one embedded Postgres for all three, and an OTLP receiver for their traces.
module.exports = {
  displayName: 'services-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
