// After the files are on disk (never in --dry-run), regenerate what other tools derive from them:
// the SLO rule files (helm/<name>/rules, deploy/local/rules*) from the new deploy/slo/<name>.yaml.
import { GeneratorCallback, logger, Tree } from '@nx/devkit';
import { execFileSync } from 'node:child_process';
import { NormalizedOptions } from './normalize-options';

export const SLO_PROJECT_FILE = 'tools/slo/project.json';
export const SLO_GENERATE_TARGET = 'slo-tools:generate';

export function postSteps(tree: Tree, o: NormalizedOptions): GeneratorCallback {
  const root = tree.root;
  const hasSloTools = tree.exists(SLO_PROJECT_FILE);
  return () => {
    if (!hasSloTools) {
      logger.warn(`No ${SLO_PROJECT_FILE}: SLO rules for ${o.name} not generated.`);
      return;
    }
    logger.info(`Generating SLO rules for ${o.name} (nx run ${SLO_GENERATE_TARGET})…`);
    // The running Node and this workspace's nx, so the step does not depend on PATH.
    execFileSync(
      process.execPath,
      [require.resolve('nx/bin/nx.js', { paths: [root] }), 'run', SLO_GENERATE_TARGET, '--skip-nx-cache'],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NX_DAEMON: 'false' },
      },
    );
  };
}
