// The one webpack setup for every Nest app: CommonJS for Node 24, workspace libs bundled, every
// node_modules package left external (so OpenTelemetry can patch them at require time), a pruned
// package.json for the image, and the OpenTelemetry preload built as its own entry
// (dist/apps/<app>/instrumentation.js, loaded with `node --require` before Nest).
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join, relative } = require('node:path');

const workspaceRoot = join(__dirname, '..', '..');

/** @param {string} appDir the app's directory (pass __dirname) */
function nestAppWebpackConfig(appDir) {
  const appRoot = relative(workspaceRoot, appDir);
  return {
    output: { path: join(workspaceRoot, 'dist', appRoot), clean: true },
    devtool: 'source-map',
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: `./src/main.ts`,
        tsConfig: './tsconfig.app.json',
        assets: ['./src/assets'],
        additionalEntryPoints: [
          { entryName: 'instrumentation', entryPath: join(workspaceRoot, 'libs/observability/src/instrumentation.ts') },
        ],
        externalDependencies: 'all',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
}

module.exports = { nestAppWebpackConfig };
