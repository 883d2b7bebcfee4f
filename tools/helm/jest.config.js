// Chart tests: helm lint/template on a temporary copy of helm/, every object validated with
// kubernetes-models. Those model packages are ESM-only, so they are resolved with the `import`
// condition and transpiled like our own sources (see jest-esm-resolver.js).
module.exports = {
  displayName: 'helm-charts',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/helm',
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  resolver: '<rootDir>/jest-esm-resolver.js',
  // Only the SERVICES table of the contracts is needed here; the package entry also loads the REST
  // DTOs (NestJS, ESM-only), which this Node-only suite has no use for.
  moduleNameMapper: { '^@obs/contracts$': '<rootDir>/../../libs/contracts/src/lib/services.ts' },
  transformIgnorePatterns: [
    '/node_modules/(?!(kubernetes-models|@kubernetes-models|is-cidr|cidr-regex|ip-regex)/)',
  ],
};
