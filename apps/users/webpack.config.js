// Build tooling, not app code: the shared Nest app convention lives outside any Nx project.
const { nestAppWebpackConfig } = require('../../tools/build/nest-app.webpack');

module.exports = nestAppWebpackConfig(__dirname);
