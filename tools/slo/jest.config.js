module.exports = {
  displayName: 'slo-tools',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/slo',
};
