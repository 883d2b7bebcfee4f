module.exports = {
  displayName: 'dashboards',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/deploy/dashboards',
};
