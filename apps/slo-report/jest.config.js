module.exports = {
  displayName: 'slo-report',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '/e2e/'],
  coverageDirectory: '../../coverage/apps/slo-report',
};
