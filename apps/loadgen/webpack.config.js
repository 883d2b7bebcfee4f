// The build config reads the workspace's shared webpack helper; it is tooling, not an import of a project.
const { nestAppWebpackConfig } = require('../../tools/build/nest-app.webpack.js');

module.exports = nestAppWebpackConfig(__dirname);
