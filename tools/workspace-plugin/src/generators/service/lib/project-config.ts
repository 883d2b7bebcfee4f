// The new app's project.json: the same targets as the existing services (build through the shared
// webpack convention, serve with the tracing preload, typecheck, e2e) and its two boundary tags.
import { addProjectConfiguration, ProjectConfiguration, Tree } from '@nx/devkit';
import { NormalizedOptions } from './normalize-options';

const NODE_OPTIONS = '--experimental-vm-modules --disable-warning=ExperimentalWarning';

export function serviceProjectConfiguration(o: NormalizedOptions): ProjectConfiguration {
  const root = o.projectRoot;
  const dist = `dist/${root}`;
  return {
    name: o.name,
    root,
    sourceRoot: `${root}/src`,
    projectType: 'application',
    tags: [`scope:${o.name}`, 'type:app'],
    targets: {
      build: {
        executor: 'nx:run-commands',
        cache: true,
        inputs: [
          'production',
          '^production',
          '{workspaceRoot}/tools/build/**/*',
          '{workspaceRoot}/libs/contracts/proto/**/*',
        ],
        outputs: [`{workspaceRoot}/${dist}`],
        options: { command: `webpack-cli build --config ${root}/webpack.config.js` },
      },
      serve: {
        executor: 'nx:run-commands',
        dependsOn: ['build'],
        continuous: true,
        options: {
          command: `node --enable-source-maps --require ./${dist}/instrumentation.js ./${dist}/main.js`,
        },
      },
      typecheck: {
        executor: 'nx:run-commands',
        cache: true,
        inputs: ['default', '^production'],
        options: { command: `tsc -p ${root}/tsconfig.spec.json --noEmit` },
      },
      test: { options: { env: { NODE_OPTIONS } } },
      e2e: {
        executor: 'nx:run-commands',
        options: { command: `jest -c ${root}/jest.e2e.config.js`, env: { NODE_OPTIONS } },
      },
    },
  };
}

export function addServiceProject(tree: Tree, options: NormalizedOptions): void {
  addProjectConfiguration(tree, options.name, serviceProjectConfiguration(options));
}
