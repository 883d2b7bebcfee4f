module.exports = {
  displayName: 'gitops-checks',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/gitops',
};
