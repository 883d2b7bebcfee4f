// Jest global setup of helm-charts: unpack helm, copy helm/ once with its dependencies built and
// placeholder rules where none are generated yet, and render every scenario once; spec files copy
// that workspace and read the renders instead of repeating ~60 helm runs each.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChartWorkspace, PREPARED_DIR_ENV } from './chart-workspace';
import { addPlaceholderRules, RENDERS_FILE, renderScenarios } from './rendered-charts';

export default async function globalSetup(): Promise<void> {
  const workspace = await ChartWorkspace.prepare();
  try {
    addPlaceholderRules(workspace);
    const dir = dirname(workspace.root);
    writeFileSync(join(dir, RENDERS_FILE), JSON.stringify(renderScenarios(workspace)));
    process.env[PREPARED_DIR_ENV] = dir;
  } catch (err) {
    workspace.dispose();
    throw err;
  }
}
