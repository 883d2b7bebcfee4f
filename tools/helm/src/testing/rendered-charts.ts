// Every scenario of every chart rendered once (by the global setup, or here when run without it),
// plus a private chart workspace per spec file for renders with other values.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CHARTS } from '../charts';
import { ChartWorkspace, PREPARED_DIR_ENV } from './chart-workspace';
import { PLACEHOLDER_SLO_RULES } from './fixtures';
import type { K8sObject } from './k8s-models';
import { SCENARIOS } from './scenarios';

export const RENDERS_FILE = 'renders.json';

export interface RenderedCharts {
  readonly workspace: ChartWorkspace;
  /** The objects of one chart's scenario ("default", "prod", …). */
  objects(chart: string, scenario?: string): K8sObject[];
  dispose(): void;
}

/** Where the SLO generator has not written rules yet, a fixture stands in (only in the copy). */
export function addPlaceholderRules(workspace: ChartWorkspace): void {
  for (const chart of APP_CHARTS) {
    if (!workspace.hasFile(chart.name, 'rules/slo-rules.yaml')) {
      workspace.writeFile(chart.name, 'rules/slo-rules.yaml', PLACEHOLDER_SLO_RULES);
    }
  }
}

/** "<chart>/<scenario>" → rendered objects, for every scenario. */
export function renderScenarios(workspace: ChartWorkspace): Record<string, K8sObject[]> {
  return Object.fromEntries(
    SCENARIOS.map((s) => [`${s.chart.name}/${s.name}`, workspace.render(s.chart.name, s)]),
  );
}

export async function renderAllScenarios(): Promise<RenderedCharts> {
  const workspace = await ChartWorkspace.create();
  try {
    addPlaceholderRules(workspace);
    const prepared = process.env[PREPARED_DIR_ENV];
    const rendersFile = prepared ? join(prepared, RENDERS_FILE) : undefined;
    const rendered: Record<string, K8sObject[]> =
      rendersFile && existsSync(rendersFile)
        ? (JSON.parse(readFileSync(rendersFile, 'utf8')) as Record<string, K8sObject[]>)
        : renderScenarios(workspace);
    return {
      workspace,
      objects(chart, scenario = 'default') {
        const objects = rendered[`${chart}/${scenario}`];
        if (!objects) throw new Error(`no scenario ${chart}/${scenario}`);
        return objects;
      },
      dispose: () => workspace.dispose(),
    };
  } catch (err) {
    workspace.dispose();
    throw err;
  }
}
