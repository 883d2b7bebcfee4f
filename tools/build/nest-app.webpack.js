// The one webpack setup for every Nest app: CommonJS for Node 24, workspace libs bundled, every
// node_modules package left external (so OpenTelemetry can patch them at require time, and the
// ESM-only NestJS 12 packages load through Node's require(esm)), the .proto contracts copied next
// to main.js, a pruned package.json for the image, and the OpenTelemetry preload built as its own
// entry (dist/apps/<app>/instrumentation.js, loaded with `node --require` before Nest).
// Run it through Nx (`nx build <app>`): the plugin reads the project graph Nx computes first.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { existsSync } = require('node:fs');
const { join, relative } = require('node:path');

const workspaceRoot = join(__dirname, '..', '..');

// tsconfig-paths, behind the @obs/* path mapping, reads TS_NODE_PROJECT before the app's tsconfig;
// a value exported for ts-node or swc-node scripts (the bench's commands set one) would leave every
// @obs/* import unresolved. The build always uses the app's own tsconfig.
delete process.env.TS_NODE_PROJECT;

/** @param {string} appDir the app's directory (pass __dirname) */
function nestAppWebpackConfig(appDir) {
  const appRoot = relative(workspaceRoot, appDir);
  const assets = [{ glob: '*.proto', input: 'libs/contracts/proto', output: 'proto' }];
  if (existsSync(join(appDir, 'src', 'assets'))) assets.push(`./src/assets`);
  return {
    output: { path: join(workspaceRoot, 'dist', appRoot), clean: true },
    devtool: 'source-map',
    // Keep Node's real __dirname/__filename: protoPath() and the embedded Postgres locate files from them.
    node: { __dirname: false, __filename: false },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: `./src/main.ts`,
        tsConfig: './tsconfig.app.json',
        assets,
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
