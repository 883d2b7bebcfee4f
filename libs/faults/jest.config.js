module.exports = {
  displayName: 'faults',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/faults',
};
