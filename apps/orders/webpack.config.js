const { nestAppWebpackConfig } = require('../../tools/build/nest-app.webpack');

module.exports = nestAppWebpackConfig(__dirname);
