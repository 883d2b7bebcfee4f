module.exports = {
  displayName: 'ci-checks',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/ci',
};
